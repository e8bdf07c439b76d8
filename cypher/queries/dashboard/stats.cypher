// Counts of what the graph holds, facts per source, and the material for finding conflicts.
// Params: none. Returns one row: entitiesByType, relationshipsByType, factsPerSource, names, mentions,
//   claims (all claims, minimal), repeated (facts stated more than once for the same pair and role).
CALL () {
  MATCH (e:Entity) WITH e.type AS key, count(*) AS count ORDER BY key
  RETURN collect({key: key, count: count}) AS entitiesByType
}
CALL () {
  MATCH ()-[r]->() WHERE r.factId IS NOT NULL
  WITH type(r) AS key, count(*) AS count ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS relationshipsByType
}
CALL () {
  CALL () {
    MATCH ()-[r]->() WHERE r.factId IS NOT NULL UNWIND r.sources AS s WITH DISTINCT r.factId AS id, s RETURN s
    UNION ALL
    MATCH (c:Claim) UNWIND c.sources AS s WITH DISTINCT c.key AS id, s RETURN s
  }
  WITH s, count(*) AS count
  OPTIONAL MATCH (src:Entity {key: s})
  WITH s, count, src ORDER BY count DESC, s
  RETURN collect({key: s, label: coalesce(src.title, src.name), count: count}) AS factsPerSource
}
CALL () { MATCH (n:Name) RETURN count(n) AS names }
CALL () { MATCH ()-[m:MENTIONS]->() RETURN coalesce(sum(m.count), 0) AS mentions }
CALL () {
  MATCH (c:Claim)-[:ABOUT]->(s:Entity)
  RETURN collect({key: c.key, subject: s.key, subjectName: s.name, property: c.property, value: c.value, date: c.date, conflict: c.conflict, note: c.note, sources: c.sources}) AS claims
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.factId IS NOT NULL
  WITH type(r) AS type, a, b, r.role AS role, r.area AS area,
       collect({factId: r.factId, start: r.start, end: r.end, validFrom: toString(r.validFrom), validTo: toString(r.validTo), sources: r.sources}) AS records
  WHERE size(records) > 1
  RETURN collect({type: type, from: a.name, to: b.name, role: coalesce(role, area), records: records}) AS repeated
}
RETURN entitiesByType, relationshipsByType, factsPerSource, names, mentions, claims, repeated
