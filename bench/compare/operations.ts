import fs from 'node:fs';
import path from 'node:path';
import { FACT_TYPES } from '../../src/seed/seed-model';
import { nameQueryParams } from '../../src/graph/entity/name-query';
import { benchRoot } from '../support/bench-root';

/**
 * The operations compared, each as the request to this server (a named client operation where
 * there is one), the equivalent @neo4j/graphql 7 query, and the name and parameters of the hand-
 * written Cypher query of the raw server; and, for each, the key facts every answer must share.
 */
export type TargetName = 'ours' | 'ours-uncached' | 'neo4j-graphql' | 'raw';
/** The servers whose answers have facts of their own (ours-uncached answers as ours does). */
export type AnswerKind = Exclude<TargetName, 'ours-uncached'>;
export interface GraphqlRequest { query: string; variables: Record<string, unknown> }
export interface Operation {
  id: string;
  label: string;
  ours: GraphqlRequest;
  n4g: GraphqlRequest;
  raw: { op: string; params: Record<string, unknown> };
  /** Key facts of an answer's `data` (or the raw server's `result`), sorted, to compare the three. */
  facts: Record<AnswerKind, (data: any) => string[]>;
}

const root = benchRoot();
const named = (op: string) => fs.readFileSync(path.join(root, 'schema', 'operations', `${op}.graphql`), 'utf8');
const folded = (name: string) => nameQueryParams(name).candidates;
const luceneOf = (text: string) => (nameQueryParams(text).fuzzy ?? '').split(' AND ').map((w) => {
  const bare = w.replace(/~\d$/, '');
  return `(${bare}^3 OR ${bare}*^2 OR ${w})`;
}).join(' AND ');
const sorted = (xs: unknown[]) => [...new Set(xs.map(String))].sort();
/** What the edges of a @neo4j/graphql connection field hold. */
const nodesOf = (conn: any): any[] => (conn?.edges ?? []).map((e: any) => e.node);

/** Truthy (or unranked) facts that hold on day $d, as a @neo4j/graphql edge filter. */
const holdsOn = (d: string) => `{ AND: [{ NOT: { truthy: { eq: false } } }, { OR: [{ validFrom: { eq: null } }, { validFrom: { lte: ${d} } }] }, { OR: [{ validTo: { eq: null } }, { validTo: { gte: ${d} } }] }] }`;
const TRUTHY = '{ NOT: { truthy: { eq: false } } }';
const FACT = 'factId role area level note start end attested sources quotes';
const list = (field: string, other: string) => `${field}Connection(where: { edge: ${TRUTHY} }, sort: [{ edge: { validFrom: ASC } }]) { edges { properties { ${FACT} } node { ${other} } } }`;
const REF = 'key type name';

const FOLLOWED = FACT_TYPES.filter((t) => t !== 'AUTHORED' && t !== 'PUBLISHED');
const DAY = '2015-11-11';
const NESTED_OURS = `{ organization(name: "CICA") { chairs(asOf: "${DAY}") { other { key ... on State { memberships(asOf: "${DAY}") {
  role other { key ... on Organization { members(asOf: "${DAY}", role: "observer") { other { key name } } } } } } } } } }`;

export const OPERATIONS: Operation[] = [
  {
    id: 'lookup', label: 'StateProfile (Kazakhstan)',
    ours: { query: named('StateProfile'), variables: { name: 'Kazakhstan' } },
    n4g: {
      query: `query ($folded: [String!]!) { states(where: { names: { some: { folded: { in: $folded } } } }, limit: 1) {
        key name nameTr names { text lang kind from to }
        ${list('memberships', REF)} ${list('chairmanships', REF)} ${list('coordinatorRoles', REF)}
        ${list('officeHolders', REF)} ${list('hosted', REF)} ${list('attended', REF)}
        claims(sort: [{ date: ASC }]) { property value date sources quotes } } }`,
      variables: { folded: folded('Kazakhstan') },
    },
    raw: { op: 'lookup', params: { folded: folded('Kazakhstan') } },
    facts: {
      ours: (d) => sorted((d.state?.memberships ?? []).map((s: any) => s.other.key)),
      'neo4j-graphql': (d) => sorted(nodesOf(d.states?.[0]?.membershipsConnection).map((n) => n.key)),
      raw: (d) => sorted((d?.memberships ?? []).map((s: any) => s.other.key)),
    },
  },
  {
    id: 'membersAsOf', label: `MembersAsOf (CICA, ${DAY})`,
    ours: { query: named('MembersAsOf'), variables: { organization: 'CICA', date: DAY } },
    n4g: {
      query: `query ($folded: [String!]!, $d: Date!) { organizations(where: { names: { some: { folded: { in: $folded } } } }, limit: 1) {
        key name
        membersConnection(where: { edge: ${holdsOn('$d')} }, sort: [{ edge: { role: ASC } }]) { edges { properties { role start end attested sources quotes } node { key type name nameTr } } }
        claims(where: { property: { in: ["memberCount", "observerCount"] } }) { property value date sources quotes } } }`,
      variables: { folded: folded('CICA'), d: DAY },
    },
    raw: { op: 'membersAsOf', params: { folded: folded('CICA'), date: DAY } },
    facts: {
      ours: (d) => sorted((d.membersAsOf?.rows ?? []).map((r: any) => `${r.role}:${r.entity.key}`)),
      'neo4j-graphql': (d) => sorted((d.organizations?.[0]?.membersConnection?.edges ?? []).map((e: any) => `${e.properties.role}:${e.node.key}`)),
      raw: (d) => sorted((d?.rows ?? []).map((r: any) => `${r.role}:${r.entity.key}`)),
    },
  },
  {
    id: 'summits', label: 'Summits (CICA) with attendees',
    ours: { query: named('Summits'), variables: { organization: 'CICA' } },
    n4g: {
      query: `query ($folded: [String!]!) { organizations(where: { names: { some: { folded: { in: $folded } } } }, limit: 1) {
        key chairsConnection(where: { edge: ${TRUTHY} }) { edges { properties { start end sources quotes } node { key name } } }
        meetingsConnection(where: { node: { meetingKind: { eq: "summit" } }, edge: ${TRUTHY} }, sort: [{ node: { startDay: ASC } }]) { edges { node {
          ... on Meeting { key name nameTr meetingKind ordinal start end
            cities { key name }
            hostsConnection(where: { edge: ${TRUTHY} }) { edges { properties { sources quotes } node { ${REF} } } }
            attendeesConnection(where: { edge: ${TRUTHY} }) { edges { properties { level sources quotes } node { ${REF} } } }
            speakersConnection(where: { edge: ${TRUTHY} }) { edges { properties { level sources quotes } node { ${REF} } } }
            documentsConnection(where: { edge: ${TRUTHY} }) { edges { properties { sources quotes } node { key name } } } } } } } } }`,
      variables: { folded: folded('CICA') },
    },
    raw: { op: 'summits', params: { folded: folded('CICA'), kind: 'summit' } },
    facts: {
      ours: (d) => sorted((d.summits ?? []).flatMap((r: any) => r.meeting.attendees.map((a: any) => `${r.meeting.key}:${a.other.key}`))),
      'neo4j-graphql': (d) => sorted(nodesOf(d.organizations?.[0]?.meetingsConnection).flatMap((m: any) =>
        [...nodesOf(m.attendeesConnection), ...nodesOf(m.speakersConnection)].map((a: any) => `${m.key}:${a.key}`))),
      raw: (d) => sorted((d ?? []).flatMap((m: any) => m.attendees.map((a: any) => `${m.key}:${a.other.key}`))),
    },
  },
  {
    id: 'page', label: 'a 100-row page, 5 fields',
    ours: { query: '{ entities(first: 100) { edges { node { id key type name nameTr } } } }', variables: {} },
    n4g: { query: '{ anyEntitiesConnection(first: 100, sort: [{ name: ASC }]) { edges { cursor node { key type name nameTr } } } }', variables: {} },
    raw: { op: 'page', params: { first: 100 } },
    facts: {
      ours: (d) => [String(d.entities?.edges?.length)],
      'neo4j-graphql': (d) => [String(d.anyEntitiesConnection?.edges?.length)],
      raw: (d) => [String(d?.length)],
    },
  },
  {
    id: 'entitySearch', label: 'EntitySearch "Kazakistan"',
    ours: { query: named('EntitySearch'), variables: { text: 'Kazakistan' } },
    n4g: {
      query: `query ($folded: [String!]!, $lucene: String!) {
        exact: names(where: { folded: { in: $folded } }) { text lang entity { key type name nameTr } }
        fuzzy: nameSearch(phrase: $lucene, first: 10, sort: [{ score: DESC }]) { edges { score node { text lang entity { key type name nameTr } } } } }`,
      variables: { folded: folded('Kazakistan'), lucene: luceneOf('Kazakistan') },
    },
    raw: { op: 'entitySearch', params: { folded: folded('Kazakistan'), lucene: luceneOf('Kazakistan'), first: 10 } },
    facts: {
      ours: (d) => [String(d.entitySearch?.[0]?.entity?.key)],
      'neo4j-graphql': (d) => [String(d.exact?.[0]?.entity?.[0]?.key ?? d.fuzzy?.edges?.[0]?.node?.entity?.[0]?.key)],
      raw: (d) => [String(d?.[0]?.key)],
    },
  },
  {
    id: 'connection', label: 'Connection Kuwait → Almaty Act',
    ours: { query: named('Connection'), variables: { from: 'Kuwait', to: 'Almaty Act', maxHops: 4 } },
    n4g: {
      query: 'query ($from: [String!]!, $to: [String!]!, $types: [String!]!) { connectionPaths(fromFolded: $from, toFolded: $to, types: $types, maxPaths: 21) }',
      variables: { from: folded('Kuwait'), to: folded('Almaty Act'), types: FOLLOWED },
    },
    raw: { op: 'connection', params: { from: folded('Kuwait'), to: folded('Almaty Act'), types: FOLLOWED, maxPaths: 21 } },
    facts: {
      ours: (d) => sorted((d.connection?.paths ?? []).map((p: any) => p.nodes.map((n: any) => n.key).join('>'))),
      'neo4j-graphql': (d) => sorted((d.connectionPaths ?? []).map((p: any) => p.nodes.map((n: any) => n.key).join('>'))),
      raw: (d) => sorted((d?.paths ?? []).map((p: any) => p.nodes.map((n: any) => n.key).join('>'))),
    },
  },
  {
    id: 'neighborhood', label: 'Neighborhood Kazakhstan (depth 1)',
    ours: { query: named('Neighborhood'), variables: { name: 'Kazakhstan', depth: 1, asOf: '2022-10-12' } },
    n4g: {
      query: 'query ($folded: [String!]!, $types: [String!]!, $asOf: Date!) { neighborhood(folded: $folded, types: $types, asOf: $asOf, nodeLimit: 151) }',
      variables: { folded: folded('Kazakhstan'), types: FOLLOWED, asOf: '2022-10-12' },
    },
    raw: { op: 'neighborhood', params: { folded: folded('Kazakhstan'), types: FOLLOWED, asOf: '2022-10-12', nodeLimit: 151 } },
    facts: {
      ours: (d) => sorted((d.neighborhood?.nodes ?? []).map((n: any) => n.id)),
      'neo4j-graphql': (d) => sorted((d.neighborhood?.nodes ?? []).map((n: any) => n.key)),
      raw: (d) => sorted((d?.nodes ?? []).map((n: any) => n.key)),
    },
  },
  {
    id: 'membershipTimeline', label: 'MembershipTimeline (CICA, 1999–2024)',
    ours: { query: named('MembershipTimeline'), variables: { organization: 'CICA', from: '1999-01-01', to: '2024-12-31' } },
    n4g: {
      query: 'query ($folded: [String!]!) { membershipTimeline(folded: $folded, fromYear: 1999, toYear: 2024) }',
      variables: { folded: folded('CICA') },
    },
    raw: { op: 'membershipTimeline', params: { folded: folded('CICA'), fromYear: 1999, toYear: 2024 } },
    facts: {
      ours: (d) => sorted((d.membershipTimeline ?? []).map((r: any) => `${r.year}:${r.role}:${r.count}`)),
      'neo4j-graphql': (d) => sorted((d.membershipTimeline ?? []).map((r: any) => `${r.year}:${r.role}:${r.count}`)),
      raw: (d) => sorted((d ?? []).map((r: any) => `${r.year}:${r.role}:${r.count}`)),
    },
  },
  {
    id: 'nested', label: '4-level nested traversal',
    ours: { query: NESTED_OURS, variables: {} },
    n4g: {
      query: `query ($folded: [String!]!, $d: Date!) { organizations(where: { names: { some: { folded: { in: $folded } } } }, limit: 1) {
        chairsConnection(where: { edge: ${holdsOn('$d')} }) { edges { node { key
          membershipsConnection(where: { edge: ${holdsOn('$d')} }) { edges { properties { role } node { key ... on Organization {
            membersConnection(where: { edge: { AND: [{ role: { eq: "observer" } }, ${holdsOn('$d')}] } }) { edges { node { key name } } } } } } } } } } } }`,
      variables: { folded: folded('CICA'), d: DAY },
    },
    raw: { op: 'nested', params: { folded: folded('CICA'), date: DAY } },
    facts: {
      ours: (d) => sorted((d.organization?.chairs ?? []).flatMap((c: any) => (c.other.memberships ?? []).flatMap((m: any) => (m.other.members ?? []).map((x: any) => x.other.key)))),
      'neo4j-graphql': (d) => sorted(nodesOf(d.organizations?.[0]?.chairsConnection).flatMap((c: any) => nodesOf(c.membershipsConnection).flatMap((m: any) => nodesOf(m.membersConnection).map((x: any) => x.key)))),
      raw: (d) => sorted((d ?? []).flatMap((c: any) => c.memberships.flatMap((m: any) => m.members.map((x: any) => x.key)))),
    },
  },
];
