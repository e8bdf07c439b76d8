import http from 'node:http';
import neo4j from 'neo4j-driver';
import { findFreePort } from '../../src/db/embedded-neo4j';
import { LocalServer, Neo4jCredentials, plain } from './neo4j-graphql-server';

/**
 * The database's own cost: one hand-written Cypher query per operation over neo4j-driver, behind
 * a bare node:http server. POST /<op> with the parameters as JSON; the answer is {result}.
 * Every value is a $parameter; integers go through toInteger().
 */
const ORG = `MATCH (o:Organization)-[:HAS_NAME]->(on:Name) WHERE on.folded IN $folded WITH o ORDER BY o.name LIMIT 1`;
const TRUTHY = (r: string) => `coalesce(${r}.truthy, true)`;
const HOLDS = (r: string, d: string) => `${TRUTHY(r)} AND (${r}.validFrom IS NULL OR ${r}.validFrom <= ${d}) AND (${r}.validTo IS NULL OR ${r}.validTo >= ${d})`;
const FACT = (r: string, o: string) => `${r} {.factId, .role, .area, .level, .note, .start, .end, .attested, .sources, .quotes, type: type(${r}), other: ${o} {.key, .type, .name}}`;
const LIST = (pattern: string, r: string, o: string) => `COLLECT { MATCH ${pattern} WHERE ${TRUTHY(r)} RETURN ${FACT(r, o)} ORDER BY coalesce(${r}.validFrom, ${o}.startDay), ${o}.name }`;

export const RAW_QUERIES: Record<string, string> = {
  lookup: `MATCH (s:State)-[:HAS_NAME]->(n:Name) WHERE n.folded IN $folded WITH s ORDER BY s.name LIMIT 1
RETURN s {.key, .name, .nameTr,
  names: COLLECT { MATCH (s)-[:HAS_NAME]->(x:Name) RETURN x {.text, .lang, .kind, .from, .to} },
  memberships: ${LIST('(s)-[r:MEMBER_OF]->(o:Entity)', 'r', 'o')},
  chairmanships: ${LIST('(s)-[r:CHAIRED]->(o:Entity)', 'r', 'o')},
  coordinatorRoles: ${LIST('(s)-[r:COORDINATED]->(o:Entity)', 'r', 'o')},
  officeHolders: ${LIST('(s)<-[r:HELD_OFFICE]-(o:Entity)', 'r', 'o')},
  hosted: ${LIST('(s)-[r:HOSTED]->(o:Entity)', 'r', 'o')},
  attended: ${LIST('(s)-[r:ATTENDED]->(o:Entity)', 'r', 'o')},
  claims: COLLECT { MATCH (c:Claim)-[:ABOUT]->(s) RETURN c {.property, .value, .date, .sources, .quotes} ORDER BY c.dateMin }
} AS result`,
  membersAsOf: `${ORG}
WITH o, date($date) AS d
RETURN o {.key, .name,
  rows: COLLECT { MATCH (m:Entity)-[r:MEMBER_OF]->(o) WHERE ${HOLDS('r', 'd')}
    RETURN {role: r.role, entity: m {.key, .type, .name, .nameTr}, start: r.start, end: r.end, attested: r.attested, sources: r.sources, quotes: r.quotes} ORDER BY r.role, m.name },
  claims: COLLECT { MATCH (c:Claim)-[:ABOUT]->(o) WHERE c.property IN ['memberCount', 'observerCount'] RETURN c {.property, .value, .date, .sources, .quotes} }
} AS result`,
  summits: `${ORG}
WITH o, COLLECT { MATCH (s:Entity)-[r:CHAIRED]->(o) WHERE ${TRUTHY('r')} RETURN {other: s {.key, .name}, start: r.start, end: r.end, validFrom: r.validFrom, sources: r.sources, quotes: r.quotes} } AS chairs
MATCH (m:Meeting)-[p:PART_OF]->(o) WHERE m.meetingKind = $kind AND ${TRUTHY('p')}
WITH m, chairs ORDER BY m.startDay, m.ordinal
RETURN collect(m {.key, .name, .nameTr, .meetingKind, .ordinal, .start, .end,
  cities: COLLECT { MATCH (m)-[r:HELD_IN]->(c:Entity) WHERE ${TRUTHY('r')} RETURN c {.key, .name} },
  hosts: COLLECT { MATCH (h:Entity)-[r:HOSTED]->(m) WHERE ${TRUTHY('r')} RETURN {other: h {.key, .type, .name}, sources: r.sources, quotes: r.quotes} },
  attendees: COLLECT { MATCH (a:Entity)-[r:ATTENDED|SPOKE_AT]->(m) WHERE ${TRUTHY('r')} RETURN {level: r.level, other: a {.key, .type, .name}, sources: r.sources, quotes: r.quotes} },
  documents: COLLECT { MATCH (x:Entity)-[r:ADOPTED_AT]->(m) WHERE ${TRUTHY('r')} RETURN {other: x {.key, .name}, sources: r.sources, quotes: r.quotes} },
  chairmanshipTakenOver: [c IN chairs WHERE m.startDay IS NOT NULL AND c.validFrom IS NOT NULL AND c.validFrom >= m.startDay AND c.validFrom <= coalesce(m.endDay, m.startDay)]
}) AS result`,
  page: `MATCH (e:Entity) WITH e ORDER BY e.name, e.key LIMIT toInteger($first) RETURN collect(e {.key, .type, .name, .nameTr}) AS result`,
  entitySearch: `CALL () {
  MATCH (e:Entity)-[:HAS_NAME]->(n:Name) WHERE n.folded IN $folded RETURN e, n, 1000.0 AS score, true AS exact
  UNION
  CALL db.index.fulltext.queryNodes('name_fulltext', $lucene, {limit: 200}) YIELD node, score
  MATCH (e:Entity)-[:HAS_NAME]->(node) RETURN e, node AS n, score, false AS exact
}
WITH e, n, score, exact ORDER BY score DESC, size(n.text)
WITH e, collect({n: n, score: score, exact: exact})[0] AS best
WITH {key: e.key, type: e.type, name: e.name, nameTr: e.nameTr, score: best.score, matched: best.n.text, matchedLang: best.n.lang, exact: best.exact} AS hit
ORDER BY hit.score DESC, size(hit.matched), hit.name LIMIT toInteger($first)
RETURN collect(hit) AS result`,
  connection: `MATCH (a:Entity)-[:HAS_NAME]->(an:Name) WHERE an.folded IN $from WITH a ORDER BY a.name LIMIT 1
MATCH (b:Entity)-[:HAS_NAME]->(bn:Name) WHERE bn.folded IN $to WITH a, b ORDER BY b.name LIMIT 1
CALL (a, b) {
  MATCH p = allShortestPaths((a)-[rels*..4]-(b))
  WHERE a <> b AND all(r IN rels WHERE type(r) IN $types AND coalesce(r.truthy, true))
  WITH p LIMIT toInteger($maxPaths)
  RETURN collect({nodes: [n IN nodes(p) | n {.key, .type, .name}], rels: [r IN relationships(p) | {type: type(r), from: startNode(r).key, props: properties(r)}]}) AS paths
}
RETURN {from: a {.key, .type, .name}, to: b {.key, .type, .name}, paths: paths} AS result`,
  neighborhood: `MATCH (c:Entity)-[:HAS_NAME]->(cn:Name) WHERE cn.folded IN $folded WITH c ORDER BY c.name LIMIT 1
WITH c, date($asOf) AS d
CALL (c, d) {
  MATCH (c)-[r]-(x:Entity) WHERE type(r) IN $types AND ${HOLDS('r', 'd')}
  WITH DISTINCT x LIMIT toInteger($nodeLimit) RETURN collect(x) AS others
}
WITH c, d, [c] + others AS kept
CALL (kept, d) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b:Entity) WHERE b IN kept AND type(r) IN $types AND ${HOLDS('r', 'd')}
  RETURN collect({type: type(r), from: a.key, to: b.key, props: properties(r)}) AS edges
}
RETURN {center: c {.key, .name}, nodes: [n IN kept | n {.key, .type, .name, .nameTr}], edges: edges} AS result`,
  membershipTimeline: `${ORG}
MATCH (m:Entity)-[r:MEMBER_OF]->(o) WHERE ${TRUTHY('r')}
WITH collect({name: m.name, role: r.role, from: r.validFrom, to: r.validTo}) AS spans
UNWIND range(toInteger($fromYear), toInteger($toYear)) AS year
UNWIND ['member', 'observer'] AS role
WITH year, role, spans, date({year: year, month: 12, day: 31}) AS d, date({year: year, month: 1, day: 1}) AS jan
WITH year, role, d,
  [s IN spans WHERE s.role = role AND s.from IS NOT NULL AND s.from <= d AND (s.to IS NULL OR s.to >= d) | s.name] AS holding,
  [s IN spans WHERE s.role = role AND s.from >= jan AND s.from <= d | s.name] AS joined,
  [s IN spans WHERE s.role = role AND s.to IS NOT NULL AND s.to >= jan AND s.to < d | s.name] AS left
WHERE size(holding) > 0 OR size(joined) > 0 OR size(left) > 0
WITH year, role, d, holding, joined, left ORDER BY year, role
RETURN collect({year: year, date: toString(d), role: role, count: size(holding), joinedCount: size(joined), leftCount: size(left), joined: joined, left: left}) AS result`,
  nested: `${ORG}
WITH o, date($date) AS d
MATCH (s:State)-[c:CHAIRED]->(o) WHERE ${HOLDS('c', 'd')}
RETURN collect(s {.key, memberships: COLLECT { MATCH (s)-[r:MEMBER_OF]->(x:Entity) WHERE ${HOLDS('r', 'd')}
  RETURN {role: r.role, key: x.key, members: COLLECT { MATCH (y:Entity)-[q:MEMBER_OF]->(x) WHERE q.role = 'observer' AND ${HOLDS('q', 'd')} RETURN y {.key, .name} }} }}) AS result`,
};

/** The bare server: counts its queries (always one per request) for the table. */
export async function startRawCypherServer(db: Neo4jCredentials): Promise<LocalServer> {
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.user, db.password), { disableLosslessIntegers: true });
  let queries = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const cypher = RAW_QUERIES[(req.url ?? '').slice(1)];
      if (req.method !== 'POST' || !cypher) { res.writeHead(404).end(); return; }
      try {
        const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        queries += 1;
        const { records } = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
        const body = JSON.stringify({ result: plain(records[0]?.get('result') ?? null) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      } catch (err) {
        const body = JSON.stringify({ error: String((err as Error).message).slice(0, 300) });
        res.writeHead(500, { 'content-type': 'application/json' }).end(body);
      }
    });
  });
  server.keepAliveTimeout = 60000;
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`, queries: () => queries,
    close: async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); await driver.close(); },
  };
}
