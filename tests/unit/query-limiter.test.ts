import { QueryLimiter } from '../../src/db/query-limiter';

describe('QueryLimiter', () => {
  it('runs at most `limit` tasks at once and the rest in order', async () => {
    const limiter = new QueryLimiter(2, 1000);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => limiter.run(async () => {
      running++; peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 10));
      order.push(i); running--;
      return i;
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map(task))).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it('answers UNAVAILABLE when the wait is too long, and frees the slot after a failure', async () => {
    const limiter = new QueryLimiter(1, 20);
    const slow = limiter.run(() => new Promise((r) => setTimeout(r, 100)));
    await expect(limiter.run(async () => 1)).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    await slow;
    await expect(limiter.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await limiter.run(async () => 2)).toBe(2);
  });
});
