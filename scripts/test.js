#!/usr/bin/env node
/*
 * Runs every test of the repository: all packages' jest suites, with the
 * store tests on SQLite and on the local PostgreSQL 15. Prints a closing
 * `N passed, N failed, N skipped` line.
 *
 * PostgreSQL is found at BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
 * else at postgresql://postgres@127.0.0.1:5432. Outside CI a missing server
 * only skips those tests, loudly; in CI (CI=true) it fails the run.
 *
 * Then the end-to-end tests (scripts/e2e.js) run in Chromium against the
 * demo; without Chromium they are skipped outside CI and fail the run in CI.
 * MATURITY_E2E=0 leaves them out.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const PG_VAR = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
const DEFAULT_PG = 'postgresql://postgres@127.0.0.1:5432';

function canConnect(connectionString) {
  const url = new URL(connectionString);
  return new Promise(resolve => {
    const socket = net.connect({
      host: url.hostname,
      port: Number(url.port || 5432),
    });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

async function main() {
  const env = { ...process.env, BACKSTAGE_TEST_DISABLE_DOCKER: '1' };
  const connection = env[PG_VAR] || DEFAULT_PG;
  if (await canConnect(connection)) {
    env[PG_VAR] = connection;
  } else if (env.CI) {
    console.error(`PostgreSQL is not reachable at ${connection}; CI needs it.`);
    process.exit(1);
  } else {
    delete env[PG_VAR];
    console.warn(
      `\n!!! PostgreSQL is not reachable at ${connection}: store tests run on SQLite only.\n`,
    );
  }

  const report = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-test-')),
    'jest.json',
  );
  const cli = require.resolve('@backstage/cli/bin/backstage-cli');
  const result = spawnSync(
    process.execPath,
    [
      cli,
      'repo',
      'test',
      '--ci',
      '--json',
      `--outputFile=${report}`,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...env, CI: 'true' } },
  );

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(report)) {
    const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = summary.numPassedTests;
    failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    skipped = summary.numPendingTests + summary.numTodoTests;
  } else {
    failed = 1;
  }
  if (process.env.MATURITY_E2E !== '0') {
    const { runE2e, steps, CHROMIUM } = require('./e2e');
    if (fs.existsSync(CHROMIUM)) {
      console.log('\nEnd-to-end tests in Chromium');
      const e2e = await runE2e();
      passed += e2e.passed;
      failed += e2e.failed;
    } else if (env.CI) {
      console.error(
        `Chromium is not at ${CHROMIUM}; CI needs it for the end-to-end tests.`,
      );
      failed += 1;
    } else {
      console.warn(
        `\n!!! Chromium is not at ${CHROMIUM}: end-to-end tests skipped.\n`,
      );
      skipped += steps.length;
    }
  }

  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(result.status === 0 && failed === 0 ? 0 : 1);
}

main();
