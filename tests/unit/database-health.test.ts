import net from 'node:net';
import { DatabaseHealth } from '../../src/db/database-health';
import { findFreePort } from '../../src/db/embedded-neo4j';
import { QueryLimiter } from '../../src/db/query-limiter';
import { mapNeo4jError } from '../../src/errors/map-neo4j-error';

/**
 * The fail-fast logic without a database: a port nobody listens on stands for a dead Neo4j,
 * a socket that accepts and never answers for a stopped (SIGSTOP) one.
 */
const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until && !check()) await new Promise((r) => setTimeout(r, 20));
  return check();
};
const options = (port: number) => ({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', database: 'neo4j', intervalMs: 100, timeoutMs: 500 });

describe('QueryLimiter.rejectWaiting', () => {
  it('answers every queued query at once and keeps the running ones', async () => {
    const limiter = new QueryLimiter(1, 10000);
    let finish = () => {};
    const running = limiter.run(() => new Promise<string>((r) => { finish = () => r('done'); }));
    const queued = [1, 2, 3].map(() => limiter.run(async () => 'ran'));
    const started = Date.now();
    expect(limiter.rejectWaiting(new Error('down'))).toBe(3);
    for (const q of queued) await expect(q).rejects.toThrow('down');
    expect(Date.now() - started).toBeLessThan(100);
    finish();
    expect(await running).toBe('done');
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });
});

describe('DatabaseHealth', () => {
  it('turns down when probes keep failing, then fails queries at once and abandons those in flight', async () => {
    const health = new DatabaseHealth({ ...options(await findFreePort()), failuresToTrip: 2 });
    const states: string[] = [];
    health.onChange((s) => states.push(s));
    const inFlight = health.guard(new Promise(() => {}), false).catch((err) => err);
    const started = Date.now();
    health.start();
    expect(await waitFor(() => health.state === 'down', 3000)).toBe(true);
    const tookMs = Date.now() - started;
    process.stderr.write(`[health] dead port: down after ${tookMs} ms\n`);
    expect(states).toEqual(['down']);
    expect(await inFlight).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(health.failFastError(false)?.extensions.code).toBe('UNAVAILABLE');
    expect(health.snapshot()).toMatchObject({ state: 'down', reason: 'database down' });
    await health.stop();
  });

  it('calls a database that accepts but never answers hung within the probe timeout', async () => {
    const sockets: net.Socket[] = [];
    const blackHole = net.createServer((s) => { sockets.push(s); s.on('error', () => {}); });
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', () => r()));
    const port = (blackHole.address() as net.AddressInfo).port;
    const health = new DatabaseHealth(options(port));
    const started = Date.now();
    health.start();
    expect(await waitFor(() => health.state === 'hung', 3000)).toBe(true);
    const tookMs = Date.now() - started;
    process.stderr.write(`[health] silent socket: hung after ${tookMs} ms\n`);
    expect(tookMs).toBeLessThan(1500);
    expect(health.snapshot().reason).toBe('database hung');
    await health.stop();
    for (const s of sockets) s.destroy();
    await new Promise((r) => blackHole.close(r));
  });

  it('says restarting when the supervisor tells it, counts restarts, and gives writes on a full disk their own code', async () => {
    const health = new DatabaseHealth(options(await findFreePort()));
    expect(health.failFastError(true)).toBeUndefined();
    health.noteRestarting({ diskFull: true });
    expect(health.snapshot()).toMatchObject({ state: 'restarting', reason: 'disk full', restarts: 1 });
    expect(health.failFastError(true)?.extensions.code).toBe('INSUFFICIENT_STORAGE');
    expect(health.failFastError(false)?.extensions.code).toBe('UNAVAILABLE');
    health.noteDiskFull(false);
    expect(health.snapshot().reason).toBe('restarting');
    await health.stop();
  });
});

describe('mapNeo4jError', () => {
  it('maps what Neo4j 5.26 answers on a full disk by code', () => {
    const full = mapNeo4jError(Object.assign(new Error('Could not append transaction'), { code: 'Neo.DatabaseError.Transaction.TransactionLogError' }));
    expect(full.extensions).toMatchObject({ code: 'INSUFFICIENT_STORAGE', retryable: true });
    expect(full.message).toBe("The database's disk is full; writes are refused until space is freed");
    const panicked = mapNeo4jError(Object.assign(new Error('needs to be restarted'), { code: 'Neo.DatabaseError.Transaction.TransactionStartFailed' }));
    expect(panicked.extensions.code).toBe('UNAVAILABLE');
    const readOnly = { code: 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase' };
    expect(mapNeo4jError(readOnly, { diskFull: true }).extensions.code).toBe('INSUFFICIENT_STORAGE');
    expect(mapNeo4jError(readOnly).extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
