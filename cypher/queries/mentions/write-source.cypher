// Stores a source's metadata and text and deletes its old MENTIONS, unless that would overwrite
// what it must not. Decided and written in one statement, so two writers cannot interleave; the
// new mentions follow in the same transaction (write-mentions.cypher), in chunks.
// Params: $key, $props (title, language, date, url, author, publisher), $text, $textHash,
//         $replace (the caller asks to replace a stored text), $trusted (the corpus folder itself).
// Returns: status, one of
//   'created' | 'replaced' (written), 'unchanged' (the same text is stored; nothing written),
//   'not-a-source' (the key belongs to another kind of entity), 'text-differs' (another text is
//   stored and $replace is false), 'protected' (a seed source, cited by facts: only the corpus
//   folder may change it).
OPTIONAL MATCH (existing:Entity {key: $key})
WITH existing, CASE
    WHEN existing IS NULL THEN 'created'
    WHEN existing.type <> 'Source' THEN 'not-a-source'
    WHEN existing.textHash = $textHash AND NOT $replace THEN 'unchanged'
    WHEN existing.origin = 'seed' AND NOT $trusted THEN CASE WHEN $replace THEN 'protected' ELSE 'text-differs' END
    WHEN existing.text IS NOT NULL AND NOT $replace AND NOT $trusted THEN 'text-differs'
    ELSE 'replaced'
  END AS status
CALL (status) {
  WITH status WHERE status IN ['created', 'replaced']
  MERGE (s:Entity {key: $key})
  ON CREATE SET s:Source, s.type = 'Source', s.name = coalesce($props.title, $key), s.origin = 'ingest', s.sources = [], s.quotes = []
  SET s += $props, s.text = $text, s.textHash = $textHash, s.ingestedAt = datetime(),
      s.name = coalesce(CASE WHEN s.origin = 'ingest' THEN $props.title END, s.name, $key)
  WITH s
  OPTIONAL MATCH (s)-[old:MENTIONS]->()
  DELETE old
  WITH DISTINCT s
  MERGE (s)-[:HAS_NAME]->(n:Name {key: s.key + '|en|' + s.key})
  ON CREATE SET n.text = s.key, n.folded = toLower(s.key), n.lang = 'en', n.kind = 'alias', n.entityKey = s.key
  RETURN count(*) AS written
}
RETURN DISTINCT status
