import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * src/util/graphql-instanceof, in a fresh Node (this test process loaded graphql long ago): the
 * server's graphql-js takes the production instanceOf, and NODE_ENV, which picks the server's
 * PROFILE, is left as it was.
 */
const built = path.join(__dirname, '..', '..', 'dist', 'src', 'util', 'graphql-instanceof.js');
const probe = `require(${JSON.stringify(built)});
const { instanceOf } = require('graphql/jsutils/instanceOf');
const { GraphQLObjectType, GraphQLList, GraphQLString } = require('graphql');
// The development form inspects a failed check; the production one is a bare instanceof.
const bare = !/toStringTag/.test(instanceOf.toString());
const works = instanceOf(new GraphQLList(GraphQLString), GraphQLObjectType) === false && instanceOf(GraphQLString, GraphQLString.constructor);
console.log(JSON.stringify({ bare, works, nodeEnv: process.env.NODE_ENV ?? null }));`;

function run(env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return JSON.parse(execFileSync(process.execPath, ['-e', probe], { env: childEnv, cwd: path.join(__dirname, '..', '..') }).toString());
}

describe('graphql-js instanceOf', () => {
  it('is the production one, and NODE_ENV stays unset or as given', () => {
    expect(run({ NODE_ENV: undefined })).toEqual({ bare: true, works: true, nodeEnv: null });
    expect(run({ NODE_ENV: 'development' })).toEqual({ bare: true, works: true, nodeEnv: 'development' });
  });
});
