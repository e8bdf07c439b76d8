import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError, parse } from 'graphql';
import { buildAppSchema } from '../../src/graph/build-schema';
import { assertDocumentWithinLimits } from '../../src/plugins/limits/measure-document';
import { estimateQueryCost } from '../../src/plugins/limits/query-cost';
import { DEFAULT_REQUEST_LIMITS } from '../../src/plugins/limits/request-limits';
import { readOperations } from '../../src/http/playground';

const schema = buildAppSchema();
const limits = DEFAULT_REQUEST_LIMITS;

/** Each fragment spreads the next one twice: 2^n fields once expanded, from a 1.2 KB text. */
function fanOut(n: number): string {
  let text = '{ ...F0 } ';
  for (let i = 0; i < n; i++) text += `fragment F${i} on Query { __typename ...F${i + 1} ...F${i + 1} } `;
  return text + `fragment F${n} on Query { __typename }`;
}

function limitOf(fn: () => void): { code?: string; limit?: unknown; measured?: unknown } {
  try { fn(); return {}; } catch (err: any) { return err.extensions; }
}

describe('measuring a document', () => {
  it('refuses the fragment fan-out by its expanded size, measuring each fragment once', () => {
    for (const n of [23, 60]) {
      const started = performance.now();
      const result = limitOf(() => assertDocumentWithinLimits(parse(fanOut(n)), limits));
      const ms = performance.now() - started;
      process.stderr.write(`[limits] fan-out of ${n} fragments (${fanOut(n).length} B) refused in ${ms.toFixed(2)} ms\n`);
      expect(result).toMatchObject({ code: 'FIELD_LIMIT', limit: 1500 });
      expect(result.measured).toBeGreaterThan(2 ** 23);
      expect(ms).toBeLessThan(/^(1|true)$/.test(process.env.TIMING_STRICT ?? '') ? 50 : 1000);
    }
  });

  it('names the limit a document goes over, with the limit and the measured value', () => {
    const deep = `{ state(name: "KAZ") { memberships { other { key } citations { source { key } } } } ${'}'.repeat(0)}`;
    expect(limitOf(() => assertDocumentWithinLimits(parse(deep), limits))).toEqual({});
    const tooDeep = `{ a: __type(name: "Query") { name } node(id: "x") { ... on State { memberships { claims { source { key } } } } } }`;
    expect(limitOf(() => assertDocumentWithinLimits(parse(tooDeep), { ...limits, depth: 3 }))).toMatchObject({ code: 'DEPTH_LIMIT', limit: 3, measured: 5 });
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(limitOf(() => assertDocumentWithinLimits(parse(aliases), limits))).toMatchObject({ code: 'ALIAS_LIMIT', limit: 15, measured: 16 });
    const directives = `{ __typename ${'@skip(if: false) '.repeat(51)} }`;
    expect(limitOf(() => assertDocumentWithinLimits(parse(directives), limits))).toMatchObject({ code: 'DIRECTIVE_LIMIT', limit: 50, measured: 51 });
    const introspectionBomb = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
    expect(limitOf(() => assertDocumentWithinLimits(parse(introspectionBomb), limits)).code).toBe('INTROSPECTION_LIMIT');
  });

  it('lets the standard introspection query through (the playground needs it)', () => {
    const { getIntrospectionQuery } = require('graphql');
    expect(limitOf(() => assertDocumentWithinLimits(parse(getIntrospectionQuery({ descriptions: true })), limits))).toEqual({});
  });
});

describe('estimating cost', () => {
  it('keeps every named operation, with its example variables, within the cost limit', () => {
    const costs: Record<string, number> = {};
    for (const op of readOperations()) {
      const cost = estimateQueryCost(schema, parse(op.text), JSON.parse(op.variables));
      costs[op.name] = cost;
      expect(limitOf(() => assertDocumentWithinLimits(parse(op.text), limits))).toEqual({});
    }
    process.stderr.write(`[limits] named operation costs: ${JSON.stringify(costs)}\n`);
    expect(Math.max(...Object.values(costs))).toBeLessThanOrEqual(limits.cost);
    expect(Object.keys(costs).length).toBe(fs.readdirSync(path.join(__dirname, '..', '..', 'schema', 'operations')).filter((f) => f.endsWith('.graphql')).length);
  });

  it('counts list sizes: a page of 100 entities with their statements costs far more than the limit', () => {
    const bomb = '{ entities(first: 100) { edges { node { key statements { other { key name } citations { quote } } } } } }';
    const small = '{ entities(first: 5) { edges { node { key name } } } }';
    expect(estimateQueryCost(schema, parse(bomb), {})).toBeGreaterThan(limits.cost);
    expect(estimateQueryCost(schema, parse(small), {})).toBeLessThan(100);
    // A variable counts the same as a literal.
    expect(estimateQueryCost(schema, parse('query($n: Int!) { entities(first: $n) { edges { node { key } } } }'), { n: 100 }))
      .toBe(estimateQueryCost(schema, parse('{ entities(first: 100) { edges { node { key } } } }'), {}));
  });

  it('estimates a repeated document again when a number or a boolean changes, not when a name does', () => {
    // One parsed document, as Apollo hands the same one to every request with this text.
    const document = parse('query($n: Int!, $s: Boolean!, $c: String) { entities(first: $n, contains: $c) { edges { node { key statements @include(if: $s) { role } } } } }');
    const cost = (variables: Record<string, unknown>) => estimateQueryCost(schema, document, variables);
    const big = cost({ n: 100, s: true, c: 'kaz' });
    expect(cost({ n: 5, s: true, c: 'kaz' })).toBeLessThan(big);
    expect(cost({ n: 100, s: false, c: 'kaz' })).toBeLessThan(big);
    expect(cost({ n: 100, s: true, c: 'Türkiye' })).toBe(big);
    expect(cost({ n: 100, s: true, c: 'kaz' })).toBe(big);
  });

  it('refuses variables nested 50,000 deep as bad input, not with a stack overflow (a fuzz case)', () => {
    const document = parse('query($t: [RelationType!]) { entity(name: "CICA") { statements(types: $t) { factId } } }');
    let deep: unknown = [];
    for (let i = 0; i < 50_000; i++) deep = [deep];
    let thrown: unknown;
    try { estimateQueryCost(schema, document, { t: deep }); } catch (err) { thrown = err; }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).message).toMatch(/Variable "\$t" got invalid value/);
  });
});
