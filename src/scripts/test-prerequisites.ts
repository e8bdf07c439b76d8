import { spawnSync } from 'node:child_process';

/**
 * Run by `npm test` before jest: checks the tools the tests need and, on a Debian machine where
 * we are root (CI, a fresh sandbox), installs the missing system packages: Chromium for the
 * browser tests and docker-compose to validate docker-compose.yml without a Docker engine.
 * Java and Maven are required (the test Neo4j runs on them) unless TEST_NEO4J_URI is set.
 */
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const needed: { cmd: string; pkg: string; why: string }[] = [
  { cmd: 'chromium', pkg: 'chromium', why: 'browser tests of the playground and pages' },
  { cmd: 'docker-compose', pkg: 'docker-compose', why: 'validating docker-compose.yml' },
];
if (!process.env.TEST_NEO4J_URI) {
  needed.push({ cmd: 'java', pkg: 'openjdk-17-jre-headless', why: 'the test Neo4j' }, { cmd: 'mvn', pkg: 'maven', why: 'fetching the Neo4j jars' });
}
const missing = needed.filter((n) => !has(n.cmd));
if (missing.length && isRoot && has('apt-get')) {
  process.stderr.write(`installing ${missing.map((m) => m.pkg).join(', ')} with apt-get (${missing.map((m) => m.why).join('; ')})\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const install = spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing.map((m) => m.pkg)], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (install.status !== 0) process.stderr.write('apt-get install failed; the tests that need these tools will say so\n');
}
const still = needed.filter((n) => !has(n.cmd));
for (const m of still) process.stderr.write(`missing: ${m.cmd} (Debian package ${m.pkg}), needed for ${m.why}\n`);
if (still.some((m) => m.cmd === 'java' || m.cmd === 'mvn')) process.exit(1);
