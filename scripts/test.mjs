// Runs the whole suite (domain unit tests, server tests on the embedded PostgreSQL and on the
// PostgreSQL server) and prints one closing line, `N passed, N failed`, from Vitest's JSON report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const serverUrl = new URL(
  process.env.HAMKKE_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const isServerUp = await new Promise((resolve) => {
  const socket = net.connect(Number(serverUrl.port || 5432), serverUrl.hostname);
  socket.once('connect', () => resolve(socket.end() && true));
  socket.once('error', () => resolve(false));
});

const projects = ['core', 'server-embedded', ...(isServerUp ? ['server-server'] : []), 'web-e2e'];
if (!isServerUp)
  console.log(`No PostgreSQL server at ${serverUrl.host}: the server-database run is skipped.`);

fs.mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
fs.rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
for (const p of projects) args.push('--project', p);
const run = spawnSync('npx', [...args, ...process.argv.slice(2)], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrors ?? 0);
  for (const file of json.testResults ?? [])
    if (file.status === 'failed' && file.assertionResults?.length === 0) failed++;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
