import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildAppSchema } from '../graph/build-schema';
import { projectRoot } from '../util/project-root';

/** Writes schema/schema.graphql from the type-graphql classes (commit the result). */
export function emittedSdl(): string {
  return '# Emitted by `npm run emit-schema` from the type-graphql classes. Do not edit by hand.\n\n' + printSchema(buildAppSchema()) + '\n';
}

if (require.main === module) {
  const file = path.join(projectRoot(), 'schema', 'schema.graphql');
  fs.writeFileSync(file, emittedSdl());
  process.stdout.write(`wrote ${file}\n`);
}
