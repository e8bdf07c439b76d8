import { SeededRandom } from '../support/seeded-random';
import { FuzzCase, graphqlPost } from './fuzz-case';
import { NamedOperation, namedOperationCase } from './named-operation-cases';
import { rawBodyCase, rawSocketCase } from './raw-body-cases';
import { routeCase } from './route-cases';
import { SchemaFuzzer } from './schema-fuzzer';
import { structuralCase } from './structural-cases';
import { WriteTargets, writeCase } from './write-cases';

/** How often each generator runs, out of the sum. */
export const GENERATOR_WEIGHTS = {
  'schema-valid': 20,
  'schema-hostile': 10,
  'schema-faulty': 14,
  'named-operation': 14,
  structural: 11,
  'raw-body': 10,
  'http-route': 10,
  write: 9,
  'raw-socket': 2,
} as const;

export type GeneratorName = keyof typeof GENERATOR_WEIGHTS;

export interface CaseSources {
  fuzzer: SchemaFuzzer;
  operations: NamedOperation[];
  writes: WriteTargets;
  /** Generators left out (--skip), for instance to get past one that wedges the server. */
  skip: Set<string>;
}

/** The case of one index for one seed: the same on every run, whatever ran before it. */
export function buildFuzzCase(seed: number, index: number, sources: CaseSources): FuzzCase {
  const rng = SeededRandom.forCase(seed, index);
  const weights = Object.fromEntries(Object.entries(GENERATOR_WEIGHTS).filter(([name]) => !sources.skip.has(name))) as Record<GeneratorName, number>;
  const generator = rng.weighted(weights);
  switch (generator) {
    case 'schema-valid': {
      const body = sources.fuzzer.operation(rng, { faultRate: 0, hostility: rng.chance(0.5) ? 0 : 0.1 });
      return { index, generator, request: graphqlPost(strip(body)), note: 'valid selection' };
    }
    case 'schema-hostile': {
      const body = sources.fuzzer.operation(rng, { faultRate: 0, hostility: 0.6 });
      return { index, generator, request: graphqlPost(strip(body)), note: 'valid selection, hostile values' };
    }
    case 'schema-faulty': {
      const mutation = rng.chance(0.05);
      const body = sources.fuzzer.operation(rng, { faultRate: 0.12, hostility: 0.3, maxRoots: 12, rootType: mutation ? 'mutation' : 'query' });
      // A mutation from the schema walk carries no token and may aim at a corpus id: it must be refused.
      const write = mutation ? { auth: 'none' as const, protectedId: true } : undefined;
      return { index, generator, request: graphqlPost(strip(body)), write, note: `${mutation ? 'mutation; ' : ''}${body.faults.join(', ') || 'no fault drawn'}` };
    }
    case 'named-operation': {
      const { body, note } = namedOperationCase(rng, sources.operations, sources.fuzzer);
      return { index, generator, request: graphqlPost(body), note };
    }
    case 'structural': {
      const { body, note } = structuralCase(rng);
      return { index, generator, request: graphqlPost(body), note };
    }
    case 'raw-body': {
      const { request, note } = rawBodyCase(rng);
      return { index, generator, request, note };
    }
    case 'http-route': {
      const { request, note } = routeCase(rng);
      return { index, generator, request, note };
    }
    case 'write': {
      const { request, write, note } = writeCase(rng, index, sources.writes);
      return { index, generator, request, write, note };
    }
    default: {
      const { raw, note } = rawSocketCase(rng);
      return { index, generator, raw, note };
    }
  }
}

function strip<T extends { faults?: string[] }>(body: T): Omit<T, 'faults'> {
  const { faults: _faults, ...rest } = body;
  return rest;
}
