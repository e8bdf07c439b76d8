// The entities within {{depth}} hops of one entity and the fact relationships among them, capped.
// Params: $centerCandidates, $centerFuzzy, $types, $asOf (or null), $nodeLimit, $edgeLimit.
// {{depth}} is replaced by a validated integer. Returns: center, nodes (<= nodeLimit + 1), edges (<= edgeLimit + 1).
WITH 1 AS start
//#include fragments/pick-entity(c, center)
WITH c WHERE c IS NOT NULL
CALL (c) {
  // Distinct end nodes only, so Neo4j prunes the expansion instead of listing every path.
  MATCH (c)-[rels*1..{{depth}}]-(x:Entity)
  WHERE x <> c AND all(r IN rels WHERE type(r) IN $types AND coalesce(r.truthy, true)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR r.validTo >= date($asOf)))))
  WITH DISTINCT x LIMIT $nodeLimit + 1
  RETURN collect(x) AS others
}
WITH c, [c] + others[..$nodeLimit] AS kept, size(others) > $nodeLimit AS nodesTruncated
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN kept AND type(r) IN $types AND coalesce(r.truthy, true)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR r.validTo >= date($asOf))))
  WITH r, a, b LIMIT $edgeLimit + 1
  // What an edge shows: never the reference lists, most of a relationship's bytes.
  RETURN collect({type: type(r), from: a.key, to: b.key, props: r {.factId, .role, .level, .start, .end, validFrom: toString(r.validFrom), validTo: toString(r.validTo), .sources, .quotes}}) AS edges
}
RETURN c {.key, .type, .name, .nameTr, .start, .ordinal} AS center,
       [n IN kept | n {.key, .type, .name, .nameTr, .start, .ordinal}] AS nodes, edges, nodesTruncated
