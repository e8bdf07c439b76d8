// States and organizations that share organizations, meetings or offices with an entity (dyadic view).
// Params: $centerCandidates, $centerFuzzy, $asOf (or null), $limit.
// Returns: center, rows [{other, shared: [{via, kind, role}]}] ordered by how much they share.
WITH 1 AS start
//#include fragments/pick-entity(c, center)
WITH c WHERE c IS NOT NULL
CALL (c) {
  MATCH (c)-[r1:MEMBER_OF|OBSERVER_AT|ATTENDED|HOSTED|HELD_OFFICE|COORDINATED|CHAIRED]->(via:Entity)<-[r2:MEMBER_OF|OBSERVER_AT|ATTENDED|HOSTED|HELD_OFFICE|COORDINATED|CHAIRED]-(o:Entity)
  WHERE o <> c AND o.type IN ['State', 'Organization'] AND coalesce(r1.truthy, true) AND coalesce(r2.truthy, true)
    AND ($asOf IS NULL OR ((r1.validFrom IS NULL OR r1.validFrom <= date($asOf)) AND (r1.validTo IS NULL OR r1.validTo >= date($asOf))
                       AND (r2.validFrom IS NULL OR r2.validFrom <= date($asOf)) AND (r2.validTo IS NULL OR r2.validTo >= date($asOf))))
  WITH o, via, collect(DISTINCT CASE
      WHEN type(r2) IN ['MEMBER_OF', 'OBSERVER_AT'] THEN coalesce(r2.role, 'member')
      WHEN type(r2) IN ['ATTENDED', 'HOSTED'] THEN 'meeting'
      ELSE toLower(type(r2)) END) AS kinds
  WITH o, collect({via: via {.key, .type, .name, .nameTr, .start, .ordinal}, kinds: kinds}) AS shared
  WITH o, shared ORDER BY size(shared) DESC, o.name LIMIT $limit
  RETURN collect({other: o {.key, .type, .name, .nameTr}, shared: shared}) AS rows
}
RETURN c {.key, .type, .name, .nameTr} AS center, rows
