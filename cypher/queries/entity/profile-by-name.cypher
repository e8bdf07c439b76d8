// Finds the entity best matching a typed name, with its names, relationships and claims.
// Params: $candidates, $fuzzy, $type, $statementLimit. Returns: candidates, entity, names, statements, claims.
//#include fragments/resolve-entity
//#include fragments/entity-profile
RETURN candidates, e {.*} AS entity, names, statements, claims
