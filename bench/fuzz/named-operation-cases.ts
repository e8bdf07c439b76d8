import fs from 'node:fs';
import path from 'node:path';
import { GraphQLInputType, GraphQLSchema, Kind, parse, typeFromAST } from 'graphql';
import { SeededRandom } from '../support/seeded-random';
import { anyJsonValue, hostileString } from './hostile-values';
import { GraphQLBody, SchemaFuzzer } from './schema-fuzzer';

/** A named operation of schema/operations with its example variables and their schema types. */
export interface NamedOperation {
  name: string;
  text: string;
  example: Record<string, unknown>;
  variables: { name: string; type: GraphQLInputType }[];
}

/** Reads schema/operations/*.graphql and examples/*.json; variable types come from the schema. */
export function readNamedOperations(dir: string, schema: GraphQLSchema): NamedOperation[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const name = file.replace(/\.graphql$/, '');
    const examplePath = path.join(dir, 'examples', `${name}.json`);
    const example = fs.existsSync(examplePath) ? JSON.parse(fs.readFileSync(examplePath, 'utf8')) : {};
    const op = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
    const variables = op && op.kind === Kind.OPERATION_DEFINITION
      ? (op.variableDefinitions ?? []).map((v) => ({ name: v.variable.name.value, type: typeFromAST(schema, v.type as any) as GraphQLInputType }))
      : [];
    return { name, text, example, variables };
  });
}

/**
 * A named operation as a client would send it, with its variables kept, replaced by values the
 * schema walker picks for their type (hostile ones included), given the wrong type, or left out.
 */
export function namedOperationCase(rng: SeededRandom, operations: NamedOperation[], fuzzer: SchemaFuzzer): { body: GraphQLBody; note: string } {
  const op = rng.pick(operations);
  const variables: Record<string, unknown> = {};
  const changes: string[] = [];
  for (const v of op.variables) {
    const how = rng.weighted({ example: 4, typed: 3, hostileString: 3, wrongType: 1, omit: 1 });
    if (how !== 'example') changes.push(`${v.name}:${how}`);
    if (how === 'omit') continue;
    variables[v.name] = how === 'example' && v.name in op.example ? op.example[v.name]
      : how === 'typed' ? fuzzer.randomValue(rng, v.type, v.name, op.name, 0.7)
        : how === 'hostileString' ? hostileString(rng, 400000)
          : how === 'wrongType' ? anyJsonValue(rng) : fuzzer.randomValue(rng, v.type, v.name, op.name, 0.7);
  }
  if (rng.chance(0.05)) { variables[rng.word()] = anyJsonValue(rng); changes.push('extra variable'); }
  const body: GraphQLBody = { query: op.text, variables };
  if (rng.chance(0.5)) body.operationName = rng.chance(0.9) ? op.name : rng.pick(['', 'Nope', op.name.toLowerCase(), hostileString(rng, 100)]);
  return { body, note: `${op.name} ${changes.join(' ') || '(example variables)'}` };
}
