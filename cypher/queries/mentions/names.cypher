// Every name of every entity, for the in-memory index that links mentions. Params: none.
// Returns: entityKey, entityType, text, lang, kind.
MATCH (e:Entity)-[:HAS_NAME]->(n:Name)
RETURN e.key AS entityKey, e.type AS entityType, n.text AS text, n.lang AS lang, n.kind AS kind
