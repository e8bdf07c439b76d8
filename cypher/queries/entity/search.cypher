// Ranked entities whose names match a text: exact folded names first, then prefix and fuzzy full-text hits.
// Params: $key (an entity key as typed), $candidates, $lucene (Lucene query over folded names), $types (list or null), $first.
// Returns: key, name, type, nameTr, score, matched, matchedLang, exact.
CALL () {
  MATCH (e:Entity {key: $key})-[:HAS_NAME]->(n:Name)
  WITH e, n ORDER BY CASE n.kind WHEN 'label' THEN 0 ELSE 1 END LIMIT 1
  RETURN e, n, 1001.0 AS score, true AS exact
  UNION
  MATCH (e:Entity)-[:HAS_NAME]->(n:Name)
  WHERE n.folded IN $candidates
  RETURN e, n, 1000.0 AS score, true AS exact
  UNION
  CALL db.index.fulltext.queryNodes('name_fulltext', $lucene, {limit: 200}) YIELD node, score
  MATCH (e:Entity)-[:HAS_NAME]->(node)
  RETURN e, node AS n, score, false AS exact
}
WITH e, n, score, exact
WHERE $types IS NULL OR e.type IN $types
ORDER BY score DESC, size(n.text)
WITH e, collect({n: n, score: score, exact: exact})[0] AS best
RETURN e.key AS key, e.name AS name, e.type AS type, e.nameTr AS nameTr, best.score AS score,
       best.n.text AS matched, best.n.lang AS matchedLang, best.exact AS exact
// Equal scores (prefix hits score alike): shorter matched names first, sources after other entities.
ORDER BY score DESC, size(matched), CASE type WHEN 'Source' THEN 1 ELSE 0 END, name
LIMIT $first
