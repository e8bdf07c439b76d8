// A source by key with every relationship, entity and claim that cites it.
// Params: $key, $statementLimit. Returns: entity, names, statements, claims, supports, describes, claimKeys.
MATCH (e:Entity {key: $key})
//#include fragments/entity-profile
CALL (e) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE $key IN r.sources
  WITH a, r, b ORDER BY type(r), r.validFrom, a.name
  RETURN collect({type: type(r), from: a {.key, .type, .name, .nameTr, .start, .ordinal}, props: r {.*, validFrom: toString(r.validFrom), validTo: toString(r.validTo)},
    to: b {.key, .type, .name, .nameTr, .start, .ordinal}})[..$statementLimit] AS supports
}
CALL (e) {
  MATCH (x:Entity) WHERE $key IN x.sources
  WITH x ORDER BY x.type, x.name
  RETURN collect(x {.key, .type, .name, .nameTr, .start, .ordinal}) AS describes
}
CALL (e) {
  MATCH (c:Claim) WHERE $key IN c.sources
  RETURN collect(c.key) AS claimKeys
}
RETURN e {.*} AS entity, names, statements, claims, supports, describes, claimKeys
