// What the graph already holds of some sources, so unchanged texts need no linking.
// Params: $keys. Returns: key, textHash, language, mentionCount, entityCount.
UNWIND $keys AS key
MATCH (s:Source {key: key})
OPTIONAL MATCH (s)-[m:MENTIONS]->()
RETURN s.key AS key, s.textHash AS textHash, s.language AS language, coalesce(sum(m.count), 0) AS mentionCount, count(m) AS entityCount
