import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

/**
 * Preloaded into our server by `npm run bench -- --cpu-prof` (NODE_OPTIONS=--require, since
 * Node 20 refuses --cpu-prof there): profiles the whole process with the inspector and writes
 * BENCH_CPU_PROFILE_DIR/server-<pid>.cpuprofile when the server is told to stop.
 */
const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (err, result) => {
      if (err || !result) return;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
  process.on('exit', write);
}
