/**
 * Reads `--name value` and `--flag` options. Unknown options stop the script with a message,
 * so a typo (`--minute 1`) never silently runs the ten-minute default.
 */
export function readCliArgs<T extends Record<string, string | number | boolean | undefined>>(argv: string[], defaults: T, usage: string): T {
  const out: Record<string, string | number | boolean | undefined> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(usage + '\n');
      process.exit(0);
    }
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!m) fail(`unexpected argument "${arg}"`, usage);
    const key = m![1].replace(/-([a-z])/g, (_s, c: string) => c.toUpperCase());
    if (!(key in defaults)) fail(`unknown option --${m![1]}`, usage);
    const kind = typeof defaults[key];
    if (kind === 'boolean') {
      out[key] = m![2] === undefined ? true : /^(1|true|yes)$/i.test(m![2]);
      continue;
    }
    const raw = m![2] ?? argv[++i];
    if (raw === undefined) fail(`--${m![1]} needs a value`, usage);
    if (kind === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) fail(`--${m![1]} must be a number, got "${raw}"`, usage);
      out[key] = value;
    } else {
      out[key] = raw;
    }
  }
  return out as T;
}

function fail(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}
