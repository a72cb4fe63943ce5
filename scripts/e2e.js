/*
 * End-to-end tests in a real Chromium against the running demo: starts
 * Backstage with `backstage-cli repo start` (unless MATURITY_E2E_BASE_URL
 * points at one already running), waits until the backend has evaluated the
 * demo, then drives the Maturity views with playwright-core and saves
 * screenshots to docs/screenshots/.
 *
 * Chromium: MATURITY_CHROMIUM, else /usr/bin/chromium (Debian's package).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.MATURITY_CHROMIUM || '/usr/bin/chromium';
const APP = process.env.MATURITY_E2E_BASE_URL || 'http://localhost:3000';
const BACKEND = process.env.MATURITY_E2E_BACKEND_URL || 'http://localhost:7007';
// The demo writes a year of activity, backfills history, then evaluates.
const READY_TIMEOUT_MS = 8 * 60 * 1000;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(2000);
  }
}

async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
  });
  return (await res.json()).backstageIdentity.token;
}

function startDemo() {
  const child = spawn(
    process.execPath,
    [require.resolve('@backstage/cli/bin/backstage-cli'), 'repo', 'start'],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none' },
    },
  );
  const log = fs.createWriteStream(
    path.join(require('node:os').tmpdir(), 'maturity-e2e-demo.log'),
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
}

/**
 * Opens a page of the app, signing in as guest when the sign-in page shows
 * (a full page load starts a new session).
 */
async function open(page, url) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: /enter/i });
  const signedIn = page.locator('nav').first();
  // Whichever shows first; the other wait is abandoned, not left to throw.
  await Promise.race([
    enter.waitFor().catch(() => {}),
    signedIn.waitFor().catch(() => {}),
  ]);
  if (await enter.isVisible()) {
    await enter.click();
  }
}

/** Each step is a named check; a failure is reported and the next one runs. */
const steps = [
  {
    name: 'a component Maturity tab shows its scorecard',
    async run(page) {
      await open(
        page,
        `${APP}/catalog/default/component/checkout-api/maturity`,
      );
      await page.getByRole('tab', { name: 'Scorecard' }).waitFor();
      await page.getByRole('region', { name: 'Summary' }).waitFor();
      await page
        .getByText('Delivery performance', { exact: false })
        .first()
        .waitFor();
      await page.screenshot({
        path: path.join(SHOTS, 'entity-scorecard.png'),
        fullPage: true,
      });
    },
  },
  {
    name: "a check's evidence lists the events behind it",
    async run(page) {
      await page
        .locator('[aria-controls="maturity-checks-build-deploy"]')
        .click();
      await page
        .getByRole('button', { name: /^Evidence for / })
        .first()
        .click();
      const table = page.getByRole('table', { name: 'Evidence events' });
      await table.waitFor();
      const rows = await table.locator('tbody tr').count();
      if (rows < 1) throw new Error('the evidence dialog lists no events');
      await page.screenshot({ path: path.join(SHOTS, 'evidence-dialog.png') });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Evidence view shows the recorded activity',
    async run(page) {
      await page.getByRole('tab', { name: 'Evidence' }).click();
      await page.getByText('Recent deployments').waitFor();
    },
  },
  {
    name: "a team's rollup shows its sub-teams and members",
    async run(page) {
      await open(page, `${APP}/catalog/default/group/engineering/maturity`);
      await page
        .getByText('Sub-groups by category (median level)', { exact: true })
        .waitFor();
      // The heatmap follows the hierarchy: engineering's teams are its rows.
      // Team names also appear as owners in the member table: take the first.
      await page
        .getByRole('link', { name: 'platform', exact: true })
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: 'payments', exact: true })
        .first()
        .waitFor();
      await page.screenshot({
        path: path.join(SHOTS, 'team-rollup.png'),
        fullPage: true,
      });
    },
  },
  {
    name: 'the org page filters and exports CSV',
    async run(page) {
      await open(page, `${APP}/maturity`);
      await page
        .getByText('Teams by category (median level)', { exact: true })
        .waitFor();
      await page.getByRole('search', { name: 'Filter scorecards' }).waitFor();
      await page
        .getByRole('link', { name: /checkout-api/ })
        .first()
        .waitFor();
      await page.getByRole('textbox', { name: 'Search' }).fill('ledger');
      await page
        .getByRole('link', { name: /ledger-service/ })
        .first()
        .waitFor();
      await page
        .getByRole('link', { name: /checkout-api/ })
        .first()
        .waitFor({ state: 'detached' });
      await page.screenshot({
        path: path.join(SHOTS, 'org-overview.png'),
        fullPage: true,
      });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const file = await download.path();
      const csv = fs.readFileSync(file, 'utf8');
      if (!csv.startsWith('entityRef,') || !csv.includes('ledger-service')) {
        throw new Error('the CSV does not hold the filtered scorecards');
      }
      if (csv.includes('checkout-api')) {
        throw new Error('the CSV ignores the filter');
      }
    },
  },
];

async function runE2e(extraSteps = []) {
  const results = { passed: 0, failed: 0, failures: [] };
  fs.mkdirSync(SHOTS, { recursive: true });
  // A demo already running (e.g. `npm start` in another terminal) is reused.
  const running = await fetch(APP).then(
    r => r.ok,
    () => false,
  );
  const stop =
    process.env.MATURITY_E2E_BASE_URL || running ? () => {} : startDemo();
  let browser;
  try {
    await waitFor(
      'the app',
      async () => (await fetch(APP)).ok,
      READY_TIMEOUT_MS,
    );
    await waitFor(
      'evaluated scorecards',
      async () => {
        const res = await fetch(`${BACKEND}/api/maturity/v1/rollups/org`, {
          headers: { Authorization: `Bearer ${await guestToken()}` },
        });
        if (!res.ok || (await res.json()).entityCount < 30) return false;
        // The first full run backfills history; the UI is quick after it.
        const history = await fetch(
          `${BACKEND}/api/maturity/v1/entities/component/default/checkout-api/history`,
          { headers: { Authorization: `Bearer ${await guestToken()}` } },
        );
        return history.ok && (await history.json()).items.length > 1;
      },
      READY_TIMEOUT_MS,
    );

    // Evaluations hold SQLite's single connection; start once the backend
    // has answered promptly a few times in a row.
    let prompt = 0;
    await waitFor(
      'a responsive backend',
      async () => {
        const started = Date.now();
        const res = await fetch(`${BACKEND}/api/catalog/entities?limit=1`, {
          headers: { Authorization: `Bearer ${await guestToken()}` },
        });
        prompt = res.ok && Date.now() - started < 1500 ? prompt + 1 : 0;
        return prompt >= 3;
      },
      READY_TIMEOUT_MS,
    );

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    page.setDefaultTimeout(30_000);
    const pageErrors = [];
    page.on('pageerror', error => pageErrors.push(String(error)));

    for (const step of [...steps, ...extraSteps]) {
      try {
        await step.run(page);
        results.passed += 1;
        console.log(`  ✓ e2e: ${step.name}`);
      } catch (error) {
        results.failed += 1;
        results.failures.push(step.name);
        console.log(
          `  ✕ e2e: ${step.name}\n    ${String(error)
            .split('\n')
            .slice(0, 4)
            .join(' | ')}`,
        );
        await page
          .screenshot({
            path: path.join(
              require('node:os').tmpdir(),
              `maturity-e2e-failure-${results.failed}.png`,
            ),
          })
          .catch(() => {});
      }
    }
    if (pageErrors.length > 0) {
      results.failed += 1;
      console.log(`  ✕ e2e: no uncaught page errors\n    ${pageErrors[0]}`);
    } else {
      results.passed += 1;
      console.log('  ✓ e2e: no uncaught page errors');
    }
  } catch (error) {
    results.failed += 1;
    console.log(`  ✕ e2e: the demo came up\n    ${String(error)}`);
  } finally {
    await browser?.close().catch(() => {});
    stop();
  }
  return results;
}

module.exports = { runE2e, open, steps, CHROMIUM, APP };

if (require.main === module) {
  runE2e().then(r => {
    console.log(`\n${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed ? 1 : 0);
  });
}
