import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded Neo4j on port 4000', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(4000);
    expect(config.neo4jUri).toBeUndefined();
    expect(config.embedded.dataDir).toBe('/srv/app/data/neo4j');
  });
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(new ConfigError('PORT must be an integer from 0 to 65535, got "eighty"'));
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://db:7687' })).toThrow(/NEO4J_PASSWORD is required/);
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START/);
  });
});
