// The sources that mention an entity, with the spans, most mentions first.
// Params: $key, $candidates, $fuzzy, $type, $limit, $spanLimit, $methods (list of stored method
// names such as 'exact', 'meeting-ordinal', or null for all). Snippets were cut at ingest (UTF-16 offsets).
// Returns: candidates, entity, sources [{source, count, spans [{start, end, text, before, after, method, evidence}]}];
// count and spans are of the spans whose method is in $methods.
//#include fragments/resolve-entity
CALL (e) {
  MATCH (s:Source)-[m:MENTIONS]->(e)
  WITH s, m, [i IN range(0, size(m.starts) - 1) WHERE $methods IS NULL OR m.methods[i] IN $methods] AS picked
  WHERE size(picked) > 0
  WITH s, m, picked ORDER BY size(picked) DESC, s.key LIMIT $limit
  RETURN collect({source: s {.key, .name, .title, .language, .date, .url}, count: size(picked),
    spans: [i IN picked[..$spanLimit] | {start: m.starts[i], end: m.ends[i], text: m.texts[i],
      before: coalesce(m.befores[i], ''), after: coalesce(m.afters[i], ''), method: m.methods[i], evidence: m.evidences[i]}]}) AS sources
}
RETURN candidates, e {.key, .type, .name, .nameTr} AS entity, sources
