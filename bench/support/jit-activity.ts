import fs from 'node:fs';

/**
 * CPU time (ms) the JIT compiler threads of a JVM have used so far, from /proc/<pid>/task: the
 * threads HotSpot names "C1 CompilerThre…" and "C2 CompilerThre…". null when the process is
 * gone or not readable (a Neo4j this machine did not start).
 *
 * Why the benchmark reads it: a freshly started Neo4j spends a minute or more of load compiling
 * its own code (measured here: the compiler threads at 57% of the JVM's CPU after 30 s of
 * Connection, 0% after 60 s, with Connection going from 260 to 570 req/s on the same server).
 * Measuring before that is over measures the JIT, and it lands on whichever server happens to be
 * running while it compiles.
 */
export function jitCpuMs(pid: number): number | null {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let ms = 0;
  for (const task of tasks) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (!/^C[12] CompilerThre/.test(stat.slice(open + 1, close))) continue;
      const fields = stat.slice(close + 2).split(' ');
      ms += (Number(fields[11]) + Number(fields[12])) * tick; // utime, stime
    } catch {
      // a compiler thread that ended while we looked (HotSpot adds and removes them as it needs)
    }
  }
  return ms;
}

/**
 * Runs `step` (a round of warm-up load) until the JVM's compiler threads used under `quietShare`
 * of one core during a whole step, or `maxSeconds` have passed; returns what it saw. Without a
 * readable JVM it runs `step` once, as a fixed warm-up.
 */
export async function warmUntilJitQuiet(pid: number | undefined, step: () => Promise<void>, options: { quietShare: number; maxSeconds: number }): Promise<{ seconds: number; steps: number; lastShare: number | null }> {
  const started = Date.now();
  let steps = 0;
  let lastShare: number | null = null;
  for (;;) {
    const before = pid ? jitCpuMs(pid) : null;
    const t0 = Date.now();
    await step();
    steps += 1;
    const after = pid ? jitCpuMs(pid) : null;
    if (before === null || after === null) return { seconds: (Date.now() - started) / 1000, steps, lastShare: null };
    lastShare = Math.round(((after - before) / Math.max(1, Date.now() - t0)) * 1000) / 1000;
    if (lastShare < options.quietShare || Date.now() - started >= options.maxSeconds * 1000) return { seconds: Math.round((Date.now() - started) / 100) / 10, steps, lastShare };
  }
}
