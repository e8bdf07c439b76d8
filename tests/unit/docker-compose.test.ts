import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const available = spawnSync('sh', ['-c', 'command -v docker-compose'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml', () => {
  (available ? it : it.skip)('is accepted by docker-compose (validated without a Docker engine)', () => {
    const result = spawnSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), 'config', '-q'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs Neo4j 5.26 Community with a volume and a health check', () => {
    const text = require('node:fs').readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    expect(text).toMatch(/image: neo4j:5\.26-community/);
    expect(text).toMatch(/neo4j-data:\/data/);
    expect(text).toMatch(/healthcheck:/);
  });
});
