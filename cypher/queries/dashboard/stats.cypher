// Counts of what the graph holds (truthy statements), facts per source, and the disagreements the loader ranked.
// Params: none. Returns one row: entitiesByType, relationshipsByType, factsPerSource, names, mentions,
//   claims (count), disagreements (Disagreement nodes), reconciliation (counts on the seed meta node).
CALL () {
  MATCH (e:Entity) WITH e.type AS key, count(*) AS count ORDER BY key
  RETURN collect({key: key, count: count}) AS entitiesByType
}
CALL () {
  MATCH ()-[r]->() WHERE r.factId IS NOT NULL AND coalesce(r.truthy, true)
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
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () {
  MATCH (d:Disagreement)
  OPTIONAL MATCH (s:Entity {key: d.subject})
  OPTIONAL MATCH (o:Entity {key: d.object})
  WITH d, s, o ORDER BY d.key
  RETURN collect(d {.*, subjectName: coalesce(s.name, d.subject), objectName: o.name}) AS disagreements
}
CALL () {
  OPTIONAL MATCH (m:SeedMeta {key: "seed"})
  RETURN m {.rawFacts, .statements, .truthyStatements, .derivedEnds} AS reconciliation
}
RETURN entitiesByType, relationshipsByType, factsPerSource, names, mentions, claims, disagreements, reconciliation
