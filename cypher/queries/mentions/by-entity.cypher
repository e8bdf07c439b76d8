// The sources that mention an entity, with the spans, most mentions first.
// Params: $key, $candidates, $fuzzy, $type, $limit, $spanLimit. Snippets were cut at ingest (UTF-16 offsets).
// Returns: candidates, entity, sources [{source, count, spans [{start, end, text, before, after}]}].
//#include fragments/resolve-entity
CALL (e) {
  MATCH (s:Source)-[m:MENTIONS]->(e)
  WITH s, m ORDER BY m.count DESC, s.key LIMIT $limit
  RETURN collect({source: s {.key, .name, .title, .language, .date, .url}, count: m.count,
    spans: [i IN range(0, size(m.starts) - 1)[..$spanLimit] | {start: m.starts[i], end: m.ends[i], text: m.texts[i],
      before: coalesce(m.befores[i], ''), after: coalesce(m.afters[i], '')}]}) AS sources
}
RETURN candidates, e {.key, .type, .name, .nameTr} AS entity, sources
