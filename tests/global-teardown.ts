import fs from 'node:fs';

/** Stops the test Neo4j and removes its data folder, whatever the tests did. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as any).__TEST_NEO4J__;
  if (!started) return;
  await started.neo4j.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
