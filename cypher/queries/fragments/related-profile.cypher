// Fragment: the profile of entity x as one map {entity, names, statements, claims: []}. Leaves: x, profile.
CALL (x) {
  OPTIONAL MATCH (x)-[:HAS_NAME]->(n:Name)
  WITH x, collect(n {.text, .lang, .kind, .from, .to}) AS names
  OPTIONAL MATCH (x)-[r]-(o:Entity) WHERE type(r) <> 'MENTIONS'
  WITH x, names, r, o ORDER BY coalesce(r.validFrom, o.startDay), o.name
  WITH x, names, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), out: startNode(r) = x, props: properties(r),
    other: o {.key, .type, .name, .nameTr, .start, .end, .ordinal, .meetingKind}} END)[..$statementLimit] AS statements
  RETURN {entity: x {.*}, names: names, statements: statements, claims: []} AS profile
}
