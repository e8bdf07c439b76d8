// Fragment: given e, collects its names and every relationship in both directions with the other end.
// Params: $statementLimit. Leaves: e, names, statements, claims.
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_NAME]->(n:Name)
  RETURN collect(n {.text, .lang, .kind, .from, .to}) AS names
}
CALL (e) {
  OPTIONAL MATCH (e)-[r]-(o:Entity) WHERE type(r) <> 'MENTIONS'
  WITH r, o ORDER BY coalesce(r.validFrom, o.startDay), o.name
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), out: startNode(r) = e, props: r {.*, validFrom: toString(r.validFrom), validTo: toString(r.validTo)},
    other: o {.key, .type, .name, .nameTr, .start, .end, .ordinal, .meetingKind}} END)[..$statementLimit] AS statements
}
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  WITH c ORDER BY c.dateMin
  RETURN collect(c {.*}) AS claims
}
