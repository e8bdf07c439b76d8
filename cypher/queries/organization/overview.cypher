// An organization found by name, with its profile, its meetings and the documents adopted by it or at its meetings.
// Params: $key, $candidates, $fuzzy, $type ('Organization'), $statementLimit, $meetingKind (or null),
//         $withMeetings, $withDocuments (false skips that part when the caller does not need it).
// Returns: candidates, entity, names, statements, claims, meetings [profile], documents [profile].
//#include fragments/resolve-entity
//#include fragments/entity-profile
CALL (e) {
  OPTIONAL MATCH (x:Meeting)-[:PART_OF]->(e) WHERE $withMeetings
  WITH DISTINCT x WHERE x IS NOT NULL AND ($meetingKind IS NULL OR x.meetingKind = $meetingKind)
//#include fragments/related-profile
  WITH x, profile ORDER BY x.startDay, x.ordinal
  RETURN collect(profile) AS meetings
}
CALL (e) {
  OPTIONAL MATCH (x:Document)
  WHERE $withDocuments AND (x)-[:ADOPTED_BY]->(e) OR EXISTS { MATCH (x)-[:ADOPTED_AT]->(:Meeting)-[:PART_OF]->(e) }
  WITH DISTINCT x WHERE x IS NOT NULL
//#include fragments/related-profile
  WITH x, profile ORDER BY x.startDay, x.name
  RETURN collect(profile) AS documents
}
RETURN candidates, e {.*} AS entity, names, statements, claims, meetings, documents
