import path from 'node:path';
import { CypherRegistry, withoutCommentLines } from '../../src/db/cypher-registry';
import { QUERY_NAMES } from '../../src/db/query-names';

describe('withoutCommentLines (what goes to Neo4j on every request)', () => {
  it('drops whole-line comments and blank lines, keeps code and comments after code', () => {
    const text = '// what it does\n  // Params: $a\nMATCH (n {key: $a}) // the node\n\n  RETURN n';
    expect(withoutCommentLines(text)).toBe('MATCH (n {key: $a}) // the node\n  RETURN n');
  });

  it('keeps every line of a string literal or backtick name that spans lines, comment-like or blank', () => {
    const text = "RETURN 'first\n// not a comment\n\nlast' AS s, \"it\\\"s\n// still text\" AS t, `a\n// name` AS u\n// a comment";
    expect(withoutCommentLines(text)).toBe("RETURN 'first\n// not a comment\n\nlast' AS s, \"it\\\"s\n// still text\" AS t, `a\n// name` AS u");
  });

  it('does not let a quote inside a trailing comment open a string', () => {
    expect(withoutCommentLines("MATCH (n) // it's here\n// gone\nRETURN n")).toBe("MATCH (n) // it's here\nRETURN n");
  });

  it('leaves the project queries without comment lines, their includes resolved', () => {
    const registry = new CypherRegistry(path.join(__dirname, '..', '..', 'cypher', 'queries'), QUERY_NAMES);
    const resolve = registry.get('entity/resolve-name');
    expect(resolve).toContain("db.index.fulltext.queryNodes('name_fulltext', fuzzy)");
    for (const name of registry.names()) {
      expect(registry.get(name).split('\n').filter((l) => l.trim().startsWith('//') || l.trim() === '')).toEqual([]);
    }
  });
});
