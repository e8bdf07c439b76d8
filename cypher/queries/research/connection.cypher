// The shortest paths between two entities named by any alias, over fact relationships only.
// Params: $fromCandidates, $fromFuzzy, $toCandidates, $toFuzzy, $types (relationship types followed),
//         $asOf (ISO day or null: only relationships valid then), $maxPaths.
// {{maxHops}} is replaced by a validated integer (Cypher does not take a parameter there), {{stepProps}}
// by one of two fixed projections of r (research.service STEP_PROPS).
// Returns: one row {from, to, paths: [{nodes, rels}]}.
WITH 1 AS start
//#include fragments/pick-entity(a, from)
//#include fragments/pick-entity(b, to)
WITH a, b
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[rels*..{{maxHops}}]-(b))
  WHERE all(r IN rels WHERE type(r) IN $types AND coalesce(r.truthy, true)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR r.validTo >= date($asOf)))))
  WITH p LIMIT $maxPaths
  RETURN collect({
    nodes: [n IN nodes(p) | n {.key, .type, .name, .nameTr, .start, .ordinal}],
    rels: [r IN relationships(p) | {type: type(r), from: startNode(r).key, props: {{stepProps}}}]
  }) AS paths
}
RETURN a {.key, .type, .name, .nameTr, .start, .ordinal} AS from, b {.key, .type, .name, .nameTr, .start, .ordinal} AS to, paths
