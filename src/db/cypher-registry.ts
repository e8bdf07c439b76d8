import fs from 'node:fs';
import path from 'node:path';

/**
 * The named Cypher queries of cypher/queries, loaded once. A query's name is its path
 * without .cypher ("entity/profile"). Start-up fails when a name the code uses has no file.
 */
export class CypherRegistry {
  private readonly queries = new Map<string, string>();

  constructor(dir: string, required: readonly string[]) {
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.cypher')) {
          const name = path.relative(dir, full).replace(/\\/g, '/').replace(/\.cypher$/, '');
          this.queries.set(name, fs.readFileSync(full, 'utf8'));
        }
      }
    };
    walk(dir);
    // "//#include name" pulls in a shared fragment (such as name resolution), keeping one statement
    // per request; "//#include name(a, from)" also renames the fragment's __VAR__ and __P__ markers.
    for (const [name, text] of this.queries) {
      this.queries.set(name, text.replace(/^\/\/#include ([\w/-]+)(?:\((\w+),\s*(\w+)\))?\s*$/gm, (_m, inc: string, variable?: string, prefix?: string) => {
        const fragment = this.queries.get(inc);
        if (fragment === undefined) throw new Error(`${name}.cypher includes missing ${inc}.cypher`);
        return variable && prefix ? fragment.replace(/__VAR__/g, variable).replace(/__P__/g, prefix) : fragment;
      }));
    }
    // What goes to Neo4j on every request is the statement without its comment lines (a third of
    // the bytes): fewer to write to the socket, and to tokenize in Neo4j's pre-parser.
    for (const [name, text] of this.queries) this.queries.set(name, withoutCommentLines(text));
    const missing = required.filter((name) => !this.queries.has(name));
    if (missing.length) throw new Error(`missing Cypher files in ${dir}: ${missing.map((m) => m + '.cypher').join(', ')}`);
  }

  get(name: string): string {
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`no Cypher query named ${name}`);
    return text;
  }

  names(): string[] {
    return [...this.queries.keys()].sort();
  }
}

/**
 * The Cypher text without its whole-line `//` comments and blank lines. Only lines that begin, out
 * of any quoted string or backtick name, with `//` go, so a string literal spanning lines keeps
 * every line; a comment after code on the same line stays (to find its start would need a full
 * tokenizer).
 */
export function withoutCommentLines(text: string): string {
  const kept: string[] = [];
  let quote: string | null = null; // the quote open at the start of the line, if any
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (quote === null && (trimmed === '' || trimmed.startsWith('//'))) continue;
    kept.push(line);
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote !== null) {
        if (c === '\\' && quote !== '`') i++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '/' && line[i + 1] === '/') break; // the rest of the line is a comment
    }
  }
  return kept.join('\n');
}
