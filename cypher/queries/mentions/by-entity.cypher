// The sources that mention an entity, with the spans, most mentions first.
// Params: $candidates, $fuzzy, $type, $limit, $spanLimit, $context (characters of snippet each side).
// Returns: candidates, entity, sources [{source, count, spans [{start, end, text, before, after}]}].
//#include fragments/resolve-entity
CALL (e) {
  MATCH (s:Source)-[m:MENTIONS]->(e)
  WITH s, m ORDER BY m.count DESC, s.key LIMIT $limit
  RETURN collect({source: s {.key, .name, .title, .language, .date, .url}, count: m.count,
    spans: [i IN range(0, size(m.starts) - 1)[..$spanLimit] | {start: m.starts[i], end: m.ends[i], text: m.texts[i],
      before: substring(s.text, CASE WHEN m.starts[i] < $context THEN 0 ELSE m.starts[i] - $context END,
                        CASE WHEN m.starts[i] < $context THEN m.starts[i] ELSE $context END),
      after: substring(s.text, m.ends[i], $context)}]}) AS sources
}
RETURN candidates, e {.key, .type, .name, .nameTr} AS entity, sources
