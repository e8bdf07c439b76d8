// Entities by key with names, relationships and claims, in the order of $keys.
// Params: $keys, $statementLimit. Returns: entity, names, statements, claims.
UNWIND range(0, size($keys) - 1) AS i
MATCH (e:Entity {key: $keys[i]})
WITH e, i ORDER BY i
//#include fragments/entity-profile
RETURN e {.*} AS entity, names, statements, claims
