import { runWithoutCallerStack } from '../../src/db/database';

describe('runWithoutCallerStack (the driver formats no caller stack per query)', () => {
  it('captures no stack frames inside and restores the limit after', () => {
    const before = Error.stackTraceLimit;
    const inside = runWithoutCallerStack(() => new Error('x').stack);
    expect(inside).toBe('Error: x');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('y').stack!.split('\n').length).toBeGreaterThan(1);
  });

  it('returns what run returns, and restores the limit when run throws', () => {
    const before = Error.stackTraceLimit;
    expect(runWithoutCallerStack(() => 42)).toBe(42);
    expect(() => runWithoutCallerStack(() => { throw new Error('boom'); })).toThrow('boom');
    expect(Error.stackTraceLimit).toBe(before);
  });
});
