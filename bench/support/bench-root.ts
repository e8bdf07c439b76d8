import fs from 'node:fs';
import path from 'node:path';

/** The project folder (holding package.json), the same from bench/ under ts and from dist/bench/. */
export function benchRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
}
