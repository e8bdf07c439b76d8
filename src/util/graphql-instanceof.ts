/**
 * Loads graphql-js's `instanceOf` in its production form, whatever NODE_ENV says, and leaves
 * NODE_ENV as it was (it also picks this server's PROFILE, Express's and Apollo's defaults).
 *
 * Outside NODE_ENV=production, graphql-js 16 checks every failed `instanceof` of a schema type
 * for a second copy of the graphql package (a help for bundler mistakes, jsutils/instanceOf.js),
 * and the executor asks such questions for every field it completes: 2.5% of this server's CPU
 * on MembersAsOf. The choice is made once, when the module is first loaded, so this must be
 * imported before anything that loads graphql (first in src/index.ts). There is one graphql copy
 * here (package-lock), which is what that check is there to find.
 */
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  require('graphql/jsutils/instanceOf');
} finally {
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}
