import fs from 'node:fs';
import path from 'node:path';
import { Database } from './database';

/** Splits a .cypher file into statements: ';' ends one; '//' comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies cypher/schema/NNN-*.cypher in order; every statement is IF NOT EXISTS, so reruns are no-ops. */
export async function applySchema(db: Database, dir: string): Promise<number> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  let count = 0;
  for (const file of files) {
    for (const statement of splitStatements(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      await db.runText(statement, {}, 'WRITE');
      count++;
    }
  }
  await db.runText('CALL db.awaitIndexes(60)', {}, 'READ');
  return count;
}
