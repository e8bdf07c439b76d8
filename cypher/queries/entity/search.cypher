// Ranked entities whose names match a text: exact folded names first, then prefix and fuzzy full-text hits.
// Params: $candidates, $lucene (Lucene query over folded names), $types (list or null), $first.
// Returns: key, name, type, nameTr, score, matched, matchedLang, exact.
CALL () {
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
ORDER BY score DESC, name
LIMIT $first
