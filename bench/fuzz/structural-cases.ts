import { getIntrospectionQuery } from 'graphql';
import { SeededRandom } from '../support/seeded-random';
import { hostileString } from './hostile-values';
import { GraphQLBody } from './schema-fuzzer';

/** Root fields that each cost one database query, for alias and root-field floods. */
const DB_ROOTS = ['graphStats { entityCount }', 'organization(name: "CICA") { key }', 'entitySearch(text: "Kaz") { score }', 'membersAsOf(organization: "CICA", date: "2015-11-11") { memberCount }'];

/**
 * Documents whose shape is the attack: deep nesting (introspection ofType chains, brace towers,
 * nested list literals), alias and root-field floods, repeated and unknown directives, fragment
 * cycles, fan-out "bombs" and long chains, token floods, and full introspection.
 */
export function structuralCase(rng: SeededRandom): { body: GraphQLBody; note: string } {
  const kind = rng.weighted({
    ofTypeChain: 2, braceTower: 2, nestedListLiteral: 1, aliasFlood: 2, rootFlood: 1, directiveFlood: 2, unknownDirectives: 1,
    fragmentCycle: 1, fragmentBomb: 2, fragmentChain: 1, tokenFlood: 2, introspection: 1, typeByName: 1, manyOperations: 1,
  });
  switch (kind) {
    case 'ofTypeChain': {
      const n = rng.pick([5, 12, 16, 30, 100, 500]);
      return { note: `ofType chain depth ${n}`, body: { query: `{ __schema { types { name fields { name type { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } } } } }` } };
    }
    case 'braceTower': {
      const n = rng.pick([16, 100, 1000, 5000, 20000, 60000]);
      const field = rng.pick(['a', 'entity', '__typename', 'organization(name: "CICA")']);
      return { note: `selection nested ${n} deep`, body: { query: `{ ${`${field} { `.repeat(n)}__typename${' }'.repeat(n)} }` } };
    }
    case 'nestedListLiteral': {
      const n = rng.pick([3, 50, 1000, 10000, 50000]);
      return { note: `list literal nested ${n} deep`, body: { query: `{ entity(name: "CICA") { statements(types: ${'['.repeat(n)}MEMBER_OF${']'.repeat(n)}) { factId } } }` } };
    }
    case 'aliasFlood': {
      const n = rng.pick([20, 100, 1000, 5000, 30000]);
      const field = rng.pick(['__typename', 'key', 'name']);
      const inner = field === '__typename' ? '' : ' ';
      const sel = Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
      return { note: `${n} aliases of ${field}`, body: { query: field === '__typename' ? `{ ${sel} }` : `{ organization(name: "CICA") {${inner}${sel} } }` } };
    }
    case 'rootFlood': {
      const n = rng.pick([11, 15, 40, 100]);
      return { note: `${n} root fields`, body: { query: `{ ${Array.from({ length: n }, (_, i) => `r${i}: ${rng.pick(DB_ROOTS)}`).join(' ')} }` } };
    }
    case 'directiveFlood': {
      const n = rng.pick([2, 20, 200, 5000, 20000]);
      const d = rng.pick(['@include(if: true)', '@skip(if: false)', '@deprecated']);
      return { note: `${n} × ${d}`, body: { query: `{ __typename ${`${d} `.repeat(n)}}` } };
    }
    case 'unknownDirectives': {
      const n = rng.pick([1, 50, 2000]);
      return { note: `${n} unknown directives`, body: { query: `query Q @${rng.word()} { __typename ${Array.from({ length: n }, () => `@${rng.word()}(x: ${JSON.stringify(hostileString(rng, 100))})`).join(' ')} }` } };
    }
    case 'fragmentCycle': {
      const n = rng.int(1, 50);
      const frags = Array.from({ length: n }, (_, i) => `fragment C${i} on Query { __typename ...C${(i + 1) % n} }`).join('\n');
      return { note: `fragment cycle of ${n}`, body: { query: `{ ...C0 }\n${frags}` } };
    }
    case 'fragmentBomb': {
      // Each fragment spreads the previous one several times: the expanded selection grows as fanout^n.
      const n = rng.pick([5, 10, 20, 30, 40]);
      const fanout = rng.pick([2, 3]);
      const frags = [`fragment B0 on Query { __typename }`];
      for (let i = 1; i <= n; i++) frags.push(`fragment B${i} on Query { ${Array.from({ length: fanout }, () => `...B${i - 1}`).join(' ')} }`);
      return { note: `fragment fan-out ${fanout}^${n}`, body: { query: `{ ...B${n} }\n${frags.join('\n')}` } };
    }
    case 'fragmentChain': {
      const n = rng.pick([10, 200, 2000]);
      const frags = Array.from({ length: n }, (_, i) => `fragment L${i} on Organization { key ${i + 1 < n ? `...L${i + 1}` : ''} }`);
      return { note: `fragment chain of ${n}`, body: { query: `{ organization(name: "CICA") { ...L0 } }\n${frags.join('\n')}` } };
    }
    case 'tokenFlood': {
      const n = rng.pick([1000, 20000, 100000, 300000]);
      const variant = rng.pick(['args', 'fields', 'values', 'comments']);
      const query = variant === 'args' ? `{ entity(name: "CICA", ${'x: 1, '.repeat(n)}) { key } }`
        : variant === 'fields' ? `{ ${'__typename '.repeat(n)}}`
          : variant === 'values' ? `{ entity(name: "CICA") { statements(types: [${'MEMBER_OF '.repeat(n)}]) { factId } } }`
            : `{ __typename ${'#c\n'.repeat(n)}}`;
      return { note: `${n} tokens (${variant})`, body: { query } };
    }
    case 'introspection':
      return { note: 'full introspection', body: { query: getIntrospectionQuery({ descriptions: rng.chance(0.5), inputValueDeprecation: true, specifiedByUrl: true }) } };
    case 'typeByName':
      return { note: '__type with a hostile name', body: { query: 'query($n: String!) { __type(name: $n) { name kind fields { name } } }', variables: { n: rng.chance(0.3) ? rng.pick(['State', 'Query', 'Mutation', '__Schema']) : hostileString(rng, 5000) } } };
    default: {
      const n = rng.int(2, 200);
      const ops = Array.from({ length: n }, (_, i) => `query O${i} { __typename }`).join('\n');
      return { note: `${n} operations`, body: { query: ops, ...(rng.chance(0.5) ? { operationName: `O${rng.int(0, n + 2)}` } : {}) } };
    }
  }
}
