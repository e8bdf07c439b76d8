// Stores a source's metadata and text and replaces its MENTIONS, unless the same text is stored already.
// Params: $key, $props (title, language, date, url, author, publisher), $text, $textHash,
//         $links [{entityKey, starts, ends, texts, matched, befores, afters}].
// Returns: changed (false when the text was already stored); no row when $key belongs to an entity that is not a source.
OPTIONAL MATCH (taken:Entity {key: $key}) WHERE taken.type <> 'Source'
WITH taken WHERE taken IS NULL
MERGE (s:Entity {key: $key})
ON CREATE SET s:Source, s.type = 'Source', s.name = coalesce($props.title, $key), s.origin = 'ingest', s.sources = [], s.quotes = []
WITH s, coalesce(s.textHash = $textHash, false) AS unchanged
CALL (s, unchanged) {
  WITH s WHERE NOT unchanged
  SET s += $props, s.text = $text, s.textHash = $textHash, s.ingestedAt = datetime(),
      s.name = coalesce(s.name, $props.title, $key), s.corpus = coalesce(s.corpus, $props.corpus)
  WITH s
  OPTIONAL MATCH (s)-[old:MENTIONS]->()
  DELETE old
  WITH DISTINCT s
  UNWIND $links AS link
  MATCH (e:Entity {key: link.entityKey})
  CREATE (s)-[:MENTIONS {starts: link.starts, ends: link.ends, texts: link.texts, matched: link.matched,
    befores: link.befores, afters: link.afters, count: size(link.starts)}]->(e)
}
WITH s, unchanged
MERGE (s)-[:HAS_NAME]->(n:Name {key: s.key + '|en|' + s.key})
ON CREATE SET n.text = s.key, n.folded = toLower(s.key), n.lang = 'en', n.kind = 'alias', n.entityKey = s.key
RETURN NOT unchanged AS changed
