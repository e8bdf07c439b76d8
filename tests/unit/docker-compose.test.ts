import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const available = spawnSync('sh', ['-c', 'command -v docker-compose'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml', () => {
  (available ? it : it.skip)('is accepted by docker-compose (validated without a Docker engine)', () => {
    const result = spawnSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), 'config', '-q'], { cwd: root, encoding: 'utf8', env: { ...process.env, NEO4J_PASSWORD: 'a-password-for-the-check' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  (available ? it : it.skip)('refuses to start without a database password (no fixed fallback)', () => {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const result = spawnSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), 'config', '-q'], { cwd: root, encoding: 'utf8', env });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/set NEO4J_PASSWORD/);
  });

  it('runs Neo4j 5.26 Community with a volume and a health check', () => {
    const text = require('node:fs').readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(text).toMatch(/image: neo4j:5\.26-community/);
    expect(text).toMatch(/neo4j-data:\/data/);
    expect(text).toMatch(/healthcheck:/);
  });
});
