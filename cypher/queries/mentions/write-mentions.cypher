// Adds one chunk of a source's mentions, in the transaction that wrote the source
// (write-source.cypher deleted the old ones). A link longer than a chunk comes in several
// chunks; each appends its spans to the same relationship, in text order.
// Params: $key (the source), $links [{entityKey, starts, ends, texts, matched, befores, afters, methods, evidences}].
// Returns: written (the number of links in the chunk).
MATCH (s:Entity {key: $key})
UNWIND $links AS link
MATCH (e:Entity {key: link.entityKey})
MERGE (s)-[r:MENTIONS]->(e)
ON CREATE SET r.starts = [], r.ends = [], r.texts = [], r.matched = [], r.befores = [], r.afters = [], r.methods = [], r.evidences = []
SET r.starts = r.starts + link.starts, r.ends = r.ends + link.ends, r.texts = r.texts + link.texts,
    r.matched = r.matched + link.matched, r.befores = r.befores + link.befores, r.afters = r.afters + link.afters,
    r.methods = r.methods + link.methods, r.evidences = r.evidences + link.evidences
SET r.count = size(r.starts)
RETURN count(*) AS written
