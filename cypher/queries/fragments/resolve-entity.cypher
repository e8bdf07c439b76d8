// Fragment: resolves a typed name to ranked entities.
// Params: $key (the text as typed, matched against entity keys such as KAZ), $candidates (folded forms of
// the name), $fuzzy (Lucene query or null), $type (entity type or null), $alternatives (true: look for
// fuzzy near-matches even when the name matches exactly, for matchedBy.alternatives).
// Leaves: candidates (up to 5 {key,name,type,score,matched,exact}), e (the best entity, or no row).
CALL () {
  MATCH (e:Entity {key: $key})
  WHERE $type IS NULL OR e.type = $type
  RETURN e, e.key AS matched, 101.0 AS score, true AS exact
  UNION
  MATCH (e:Entity)-[:HAS_NAME]->(n:Name)
  WHERE n.folded IN $candidates AND ($type IS NULL OR e.type = $type)
  RETURN e, n.text AS matched, CASE n.kind WHEN 'label' THEN 100.0 WHEN 'acronym' THEN 99.0 ELSE 98.0 END AS score, true AS exact
}
WITH collect({e: e, matched: matched, score: score, exact: exact}) AS exactHits
CALL (exactHits) {
  // The full-text query costs more than the rest of a lookup: it runs only when nothing matches
  // exactly or the alternatives are asked. Only a name with words beyond stopwords has one (Lucene
  // refuses an empty query).
  WITH $fuzzy AS fuzzy WHERE fuzzy IS NOT NULL AND (size(exactHits) = 0 OR $alternatives)
  CALL db.index.fulltext.queryNodes('name_fulltext', fuzzy) YIELD node, score
  MATCH (e:Entity)-[:HAS_NAME]->(node)
  WHERE ($type IS NULL AND e.type <> 'Source') OR e.type = $type
  RETURN collect({e: e, matched: node.text, score: score, exact: false}) AS fuzzyHits
}
UNWIND exactHits + fuzzyHits AS hit
WITH hit.e AS e, max(hit.score) AS score, head(collect(hit.matched)) AS matched, max(hit.exact) AS exact
ORDER BY score DESC, e.name
LIMIT 5
WITH collect({key: e.key, name: e.name, type: e.type, score: score, matched: matched, exact: exact}) AS candidates, collect(e) AS found
WITH candidates, found[0] AS e
WHERE e IS NOT NULL
