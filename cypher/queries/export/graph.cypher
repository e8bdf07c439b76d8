// The whole graph for export (the truthy view): every entity, every truthy fact relationship (valid on $asOf when given), every claim.
// Params: $asOf (ISO day or null). Returns one row: nodes, edges, claims.
CALL () {
  MATCH (e:Entity) WITH e ORDER BY e.type, e.key
  RETURN collect(e {.key, .type, .name, .nameTr, .description, .start, .end, .ordinal, .meetingKind, .documentKind, .url, .language, .date, .author, .publisher}) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.factId IS NOT NULL AND coalesce(r.truthy, true)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR r.validTo >= date($asOf))))
  WITH a, r, b ORDER BY r.factId
  RETURN collect({type: type(r), from: a.key, to: b.key,
    props: r {.factId, .role, .area, .level, .note, .start, .end, .attested, validFrom: toString(r.validFrom), validTo: toString(r.validTo), .sources, .quotes, .rank, .rankReason, .endDerived, .endRule, .admittedAt}}) AS edges
}
CALL () {
  MATCH (c:Claim)-[:ABOUT]->(s:Entity) WITH c, s ORDER BY c.key
  RETURN collect(c {.key, .property, .value, .numericValue, .date, .note, .conflict, .rank, .rankReason, .sources, .quotes, subject: s.key}) AS claims
}
RETURN nodes, edges, claims
