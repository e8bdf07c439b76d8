// BASELINE for bench/read-path.ts only: the read path before the compiled queries (commit 0b52cf7),
// which fetched every entity's whole profile and filtered in JavaScript. Not used by the server.
// A page of entities, optionally of one type and whose folded names contain a text.
// Params: $type, $contains (folded or null), $after (key cursor or null), $first, $orderBy ('name'|'start'), $statementLimit.
// Returns one row: total (count matching), badCursor (the cursor names no matching entity), rows [{entity, names, statements, claims}].
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND ($contains IS NULL OR EXISTS { MATCH (e)-[:HAS_NAME]->(n:Name) WHERE n.folded CONTAINS $contains })
WITH e ORDER BY CASE WHEN $orderBy = 'start' THEN coalesce(toString(e.startDay), '9999') ELSE '' END, e.name, e.key
WITH collect(e) AS matched
WITH matched, size(matched) AS total,
     CASE WHEN $after IS NULL THEN 0 ELSE [i IN range(0, size(matched) - 1) WHERE matched[i].key = $after][0] + 1 END AS offset
CALL (matched, offset) {
  UNWIND (CASE WHEN offset IS NULL THEN [] ELSE matched[offset..offset + $first + 1] END) AS e
//#include fragments/entity-profile
  RETURN collect({entity: e {.*}, names: names, statements: statements, claims: claims}) AS rows
}
RETURN total, offset IS NULL AS badCursor, rows
