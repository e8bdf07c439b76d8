import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into a server started as a child process (`node -r dist/bench/support/server-probe.js
 * dist/src/index.js`), so the scripts can see inside it without touching src/: on the IPC
 * channel it answers {type: 'memory'} with process.memoryUsage() and {type: 'loop'} with the
 * event-loop delay since the last ask (how long a callback had to wait: time the loop was blocked).
 */
if (typeof process.send === 'function') {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('message', (message: unknown) => {
    const type = (message as { type?: string })?.type;
    if (type === 'memory') {
      const usage = process.memoryUsage();
      process.send?.({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external });
    } else if (type === 'loop') {
      process.send?.({ type: 'loop', maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, meanMs: loop.mean / 1e6 });
      loop.reset();
    }
  });
  // The channel must not keep a server alive that wants to exit.
  process.channel?.unref();
}
