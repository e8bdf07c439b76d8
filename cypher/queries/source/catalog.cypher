// All sources, for the in-memory catalog that enriches citations. Params: none. Returns: key, title, url, date.
MATCH (s:Source)
RETURN s.key AS key, coalesce(s.title, s.name) AS title, s.url AS url, s.date AS date
