/**
 * Type definitions for @neo4j/graphql 7 that mirror our model: Entity nodes labelled by type,
 * names (HAS_NAME), claims (ABOUT), and every statement as a relationship with the properties of
 * a fact (`Fact`). The named traversals our API has and @neo4j/graphql has not (shortest paths,
 * the neighbourhood, the per-year membership count) are `@cypher` fields with hand-written Cypher,
 * the way a user of @neo4j/graphql would add them.
 */
export const FACT_FIELDS = 'factId role level area note start end attested validFrom validTo truthy rank sources quotes';

const entityFields = `
  key: String!
  type: String
  name: String
  nameTr: String
  description: String
  names: [Name!]! @relationship(type: "HAS_NAME", direction: OUT)
  claims: [Claim!]! @relationship(type: "ABOUT", direction: IN)`;

export const TYPE_DEFS = /* GraphQL */ `
type Fact @relationshipProperties {
  factId: String
  role: String
  level: String
  area: String
  note: String
  start: String
  end: String
  attested: String
  validFrom: Date
  validTo: Date
  truthy: Boolean
  rank: String
  sources: [String!]
  quotes: [String!]
}

interface Entity {
  key: String!
  type: String
  name: String
  nameTr: String
}

type Name @node @fulltext(indexes: [{ indexName: "name_fulltext", fields: ["folded"], queryName: "nameSearch" }]) {
  key: String!
  text: String
  folded: String
  lang: String
  kind: String
  from: String
  to: String
  entity: [AnyEntity!]! @relationship(type: "HAS_NAME", direction: IN)
}

type Claim @node {
  key: String!
  property: String
  value: String
  numericValue: Float
  date: String
  note: String
  conflict: Boolean
  rank: String
  sources: [String!]
  quotes: [String!]
}

"""Any entity, by its Entity label alone (the 100-row page)."""
type AnyEntity @node(labels: ["Entity"]) {
  key: String!
  type: String
  name: String
  nameTr: String
}

type State implements Entity @node(labels: ["State", "Entity"]) {${entityFields}
  memberships: [Entity!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Fact")
  chairmanships: [Organization!]! @relationship(type: "CHAIRED", direction: OUT, properties: "Fact")
  coordinatorRoles: [Entity!]! @relationship(type: "COORDINATED", direction: OUT, properties: "Fact")
  officeHolders: [Person!]! @relationship(type: "HELD_OFFICE", direction: IN, properties: "Fact")
  hosted: [Meeting!]! @relationship(type: "HOSTED", direction: OUT, properties: "Fact")
  attended: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Fact")
}

type Organization implements Entity @node(labels: ["Organization", "Entity"]) {${entityFields}
  members: [Entity!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Fact")
  memberships: [Entity!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Fact")
  chairs: [State!]! @relationship(type: "CHAIRED", direction: IN, properties: "Fact")
  meetings: [Meeting!]! @relationship(type: "PART_OF", direction: IN, properties: "Fact")
}

type Meeting implements Entity @node(labels: ["Meeting", "Entity"]) {${entityFields}
  meetingKind: String
  ordinal: Int
  start: String
  end: String
  startDay: Date
  cities: [Place!]! @relationship(type: "HELD_IN", direction: OUT, properties: "Fact")
  hosts: [Entity!]! @relationship(type: "HOSTED", direction: IN, properties: "Fact")
  attendees: [Entity!]! @relationship(type: "ATTENDED", direction: IN, properties: "Fact")
  speakers: [Entity!]! @relationship(type: "SPOKE_AT", direction: IN, properties: "Fact")
  documents: [Document!]! @relationship(type: "ADOPTED_AT", direction: IN, properties: "Fact")
}

type Person implements Entity @node(labels: ["Person", "Entity"]) {${entityFields}
}

type Place implements Entity @node(labels: ["Place", "Entity"]) {${entityFields}
}

type Document implements Entity @node(labels: ["Document", "Entity"]) {${entityFields}
  documentKind: String
}

type Source implements Entity @node(labels: ["Source", "Entity"]) {${entityFields}
}

type Query {
  connectionPaths(fromFolded: [String!]!, toFolded: [String!]!, types: [String!]!, maxPaths: Int!): [JSON!]!
    @cypher(statement: """
      MATCH (a:Entity)-[:HAS_NAME]->(an:Name) WHERE an.folded IN $fromFolded
      WITH a ORDER BY a.name LIMIT 1
      MATCH (b:Entity)-[:HAS_NAME]->(bn:Name) WHERE bn.folded IN $toFolded
      WITH a, b ORDER BY b.name LIMIT 1
      MATCH p = allShortestPaths((a)-[rels*..4]-(b))
      WHERE a <> b AND all(r IN rels WHERE type(r) IN $types AND coalesce(r.truthy, true))
      WITH p LIMIT $maxPaths
      RETURN {nodes: [n IN nodes(p) | n {.key, .type, .name}], rels: [r IN relationships(p) | {type: type(r), from: startNode(r).key, props: properties(r)}]} AS path
    """, columnName: "path")
  neighborhood(folded: [String!]!, types: [String!]!, asOf: Date!, nodeLimit: Int!): JSON
    @cypher(statement: """
      MATCH (c:Entity)-[:HAS_NAME]->(cn:Name) WHERE cn.folded IN $folded
      WITH c ORDER BY c.name LIMIT 1
      CALL (c) {
        MATCH (c)-[r]-(x:Entity)
        WHERE type(r) IN $types AND coalesce(r.truthy, true)
          AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
        WITH DISTINCT x LIMIT $nodeLimit
        RETURN collect(x) AS others
      }
      WITH c, [c] + others AS kept
      CALL (kept) {
        UNWIND kept AS a
        MATCH (a)-[r]->(b:Entity)
        WHERE b IN kept AND type(r) IN $types AND coalesce(r.truthy, true)
          AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
        RETURN collect({type: type(r), from: a.key, to: b.key, props: properties(r)}) AS edges
      }
      RETURN {center: c {.key, .name}, nodes: [n IN kept | n {.key, .type, .name, .nameTr}], edges: edges} AS result
    """, columnName: "result")
  membershipTimeline(folded: [String!]!, fromYear: Int!, toYear: Int!): [JSON!]!
    @cypher(statement: """
      MATCH (o:Organization)-[:HAS_NAME]->(on:Name) WHERE on.folded IN $folded
      WITH o ORDER BY o.name LIMIT 1
      MATCH (m:Entity)-[r:MEMBER_OF]->(o) WHERE coalesce(r.truthy, true)
      WITH collect({key: m.key, role: r.role, from: r.validFrom, to: r.validTo}) AS spans
      UNWIND range($fromYear, $toYear) AS year
      UNWIND ['member', 'observer'] AS role
      WITH year, role, spans, date({year: year, month: 12, day: 31}) AS d, date({year: year, month: 1, day: 1}) AS jan
      WITH year, role, d,
        [s IN spans WHERE s.role = role AND s.from IS NOT NULL AND s.from <= d AND (s.to IS NULL OR s.to >= d) | s.key] AS holding,
        [s IN spans WHERE s.role = role AND s.from >= jan AND s.from <= d | s.key] AS joined,
        [s IN spans WHERE s.role = role AND s.to IS NOT NULL AND s.to >= jan AND s.to < d | s.key] AS left
      WHERE size(holding) > 0 OR size(joined) > 0 OR size(left) > 0
      RETURN {year: year, date: toString(d), role: role, count: size(holding), joinedCount: size(joined), leftCount: size(left), joined: joined, left: left} AS row
      ORDER BY year, role
    """, columnName: "row")
}

scalar JSON
`;
