// The facts the mention linker uses besides names: every meeting's kind, ordinal, start, the
// organisations it is part of (with their parents) and its cities; every person's states
// (NATIONAL_OF or HELD_OFFICE), for the order of their names. Params: none.
// Returns: key, type, meetingKind, ordinal, start, orgKeys, cityKeys, states.
MATCH (e:Entity) WHERE e.type IN ['Meeting', 'Person']
OPTIONAL MATCH (e)-[:PART_OF*1..3]->(o:Entity {type: 'Organization'})
WITH e, collect(DISTINCT o.key) AS orgKeys
OPTIONAL MATCH (e)-[:HELD_IN]->(c:Entity)
WITH e, orgKeys, collect(DISTINCT c.key) AS cityKeys
OPTIONAL MATCH (e)-[:NATIONAL_OF|HELD_OFFICE]->(s:Entity {type: 'State'})
RETURN e.key AS key, e.type AS type, e.meetingKind AS meetingKind, e.ordinal AS ordinal, e.start AS start,
       orgKeys, cityKeys, collect(DISTINCT s.key) AS states
