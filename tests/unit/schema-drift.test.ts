import fs from 'node:fs';
import path from 'node:path';
import { emittedSdl } from '../../src/scripts/emit-schema';

describe('schema/schema.graphql', () => {
  it('is what the type-graphql classes build (run `npm run emit-schema` after an API change)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(emittedSdl());
  });
});
