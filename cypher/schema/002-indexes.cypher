// Lookups by folded name, by type, by fact id, and the full-text index behind EntitySearch.
CREATE INDEX name_folded IF NOT EXISTS FOR (n:Name) ON (n.folded);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX member_of_fact IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.factId);
CREATE INDEX chaired_fact IF NOT EXISTS FOR ()-[r:CHAIRED]-() ON (r.factId);
CREATE INDEX attended_fact IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.factId);
CREATE FULLTEXT INDEX name_fulltext IF NOT EXISTS FOR (n:Name) ON EACH [n.folded]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
