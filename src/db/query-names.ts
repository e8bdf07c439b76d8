/** Every named query the code runs; start-up fails when one has no file in cypher/queries. */
export const QUERY_NAMES = [
  'cache/graph-version', 'cache/bump-graph-version',
  'entity/profile-by-name', 'entity/search', 'entity/resolve-name',
  'source/profile', 'source/catalog',
  'research/connection', 'research/neighborhood', 'research/co-membership',
  'mentions/names', 'mentions/write-source', 'mentions/write-mentions', 'mentions/linking-facts', 'mentions/by-entity', 'mentions/stored-sources',
  'dashboard/stats', 'export/graph',
] as const;
