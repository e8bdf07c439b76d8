// Marks the graph as changed (see graph-version.cypher); runs in the writing transaction where
// it can, else right after it, before the write is acknowledged.
// Params: none. Returns: version (the new one).
MERGE (v:GraphVersion {id: 'graph'})
SET v.n = coalesce(v.n, 0) + 1
RETURN v.n AS version
