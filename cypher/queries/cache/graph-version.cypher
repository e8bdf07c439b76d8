// The graph's version: a counter every write through the server's Database bumps, so response
// caches (in every server process on this Neo4j) know whether what they hold is still current.
// Params: none. Returns: version (0 before the first write).
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN coalesce(v.n, 0) AS version
