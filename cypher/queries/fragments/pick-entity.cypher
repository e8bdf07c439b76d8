// Fragment: the best entity for a typed name, bound to __VAR__ (null when none): an exact folded
// name first (labels before aliases), else (and only then is it looked for) the best full-text (fuzzy) hit.
// Params: $__P__Key (an entity key such as KAZ), $__P__Candidates (folded forms), $__P__Fuzzy (Lucene query, or null for a name of stopwords only).
WITH *, COLLECT { MATCH (x:Entity {key: $__P__Key}) RETURN x } AS __VAR__ByKey, COLLECT {
    MATCH (x:Entity)-[:HAS_NAME]->(n:Name) WHERE n.folded IN $__P__Candidates
    RETURN x ORDER BY CASE n.kind WHEN 'label' THEN 0 WHEN 'acronym' THEN 1 ELSE 2 END, x.name LIMIT 1
  } AS __VAR__Exact
// The full-text query costs more than the rest: it runs only when no key or exact name matched.
WITH *, COLLECT {
    WITH $__P__Fuzzy AS fuzzy, size(__VAR__ByKey) + size(__VAR__Exact) AS matched WHERE fuzzy IS NOT NULL AND matched = 0
    CALL db.index.fulltext.queryNodes('name_fulltext', fuzzy, {limit: 5}) YIELD node, score
    MATCH (x:Entity)-[:HAS_NAME]->(node)
    RETURN x ORDER BY score DESC LIMIT 1
  } AS __VAR__Fuzzy
WITH *, coalesce(__VAR__ByKey[0], __VAR__Exact[0], __VAR__Fuzzy[0]) AS __VAR__
