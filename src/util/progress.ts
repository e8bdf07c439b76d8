/**
 * A progress bar on stderr for long work. On a terminal it redraws one line; elsewhere (CI,
 * logs) it prints a line at each tenth so the output stays short.
 */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  let lastTenth = -1;
  const started = Date.now();
  const draw = (done: number) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const width = 24;
    const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '.');
    const line = `${label} [${bar}] ${done}/${total} ${(ratio * 100).toFixed(0)}%`;
    if (tty) stream.write(`\r${line}`);
    else {
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth) { lastTenth = tenth; stream.write(line + '\n'); }
    }
  };
  return {
    tick(done: number) { draw(done); },
    finish(summary = '') {
      draw(total);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${tty ? '\n' : ''}${label}: done in ${seconds} s${summary ? ' — ' + summary : ''}\n`);
    },
  };
}
