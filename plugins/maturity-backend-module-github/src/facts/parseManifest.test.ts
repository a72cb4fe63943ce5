import { readFileSync } from 'fs';
import { join } from 'path';
import { classifyDependencies } from './dependencySignals';
import {
  MANIFEST_ECOSYSTEMS,
  ManifestFormat,
  manifestFormatOf,
  parseManifest,
  requirementName,
} from './parseManifest';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../__fixtures__/manifests', name), 'utf8');

describe('manifestFormatOf', () => {
  it.each<[string, ManifestFormat | undefined]>([
    ['package.json', 'package.json'],
    ['services/checkout/package.json', 'package.json'],
    ['requirements.txt', 'requirements'],
    ['ml/requirements-dev.txt', 'requirements'],
    ['requirements/prod.txt', 'requirements'],
    ['pyproject.toml', 'pyproject.toml'],
    ['Pipfile', 'Pipfile'],
    ['setup.cfg', 'setup.cfg'],
    ['go.mod', 'go.mod'],
    ['pom.xml', 'pom.xml'],
    ['build.gradle', 'build.gradle'],
    ['app/build.gradle.kts', 'build.gradle'],
    ['gradle/libs.versions.toml', 'gradle-version-catalog'],
    ['Gemfile', 'Gemfile'],
    ['Cargo.toml', 'Cargo.toml'],
    ['src/Checkout.Api/Checkout.Api.csproj', 'msbuild-project'],
    ['src/Pricing/Pricing.fsproj', 'msbuild-project'],
    // Lockfiles and look-alikes are not manifests.
    ['package-lock.json', undefined],
    ['Pipfile.lock', undefined],
    ['go.sum', undefined],
    ['Gemfile.lock', undefined],
    ['docs/requirements.md', undefined],
    ['libs.versions.toml', undefined],
    ['settings.gradle.kts', undefined],
  ])('%s → %s', (path, format) => {
    expect(manifestFormatOf(path)).toBe(format);
  });
});

describe('requirementName', () => {
  it.each([
    ['mlflow', 'mlflow'],
    ['mlflow==2.17.0', 'mlflow'],
    ['mlflow[extras]>=2.17 ; python_version >= "3.9"', 'mlflow'],
    ['evidently @ https://example.com/evidently.whl', 'evidently'],
    ['pandas (>=2)', 'pandas'],
    ['zope.interface~=7.1', 'zope.interface'],
    ['  great_expectations!=1.0  ', 'great_expectations'],
  ])('%s → %s', (requirement, name) => {
    expect(requirementName(requirement)).toBe(name);
  });

  it.each([
    'https://example.com/pkg.whl',
    'git+https://github.com/acme/x.git',
    './libs/shared',
    '',
  ])('%s is not a name', requirement => {
    expect(requirementName(requirement)).toBeUndefined();
  });
});

/**
 * Each fixture: its format, the dependency names read from it, and the
 * tools those reveal.
 */
const MANIFESTS: Array<[string, ManifestFormat, string[], string[]]> = [
  [
    'checkout.package.json',
    'package.json',
    [
      '@launchdarkly/node-server-sdk',
      '@opentelemetry/api',
      '@opentelemetry/sdk-node',
      'express',
      'jest',
      'typescript',
    ],
    ['LaunchDarkly', 'OpenTelemetry'],
  ],
  [
    // Peer and optional dependencies count.
    'frontend.package.json',
    'package.json',
    ['react', '@sentry/react', '@openfeature/web-sdk'],
    ['OpenFeature', 'Sentry'],
  ],
  [
    // Options, URLs and paths are skipped; an editable install by #egg=.
    'ml.requirements.txt',
    'requirements',
    ['pandas', 'scikit-learn', 'mlflow', 'evidently', 'acme_feature_store'],
    ['MLflow', 'Evidently'],
  ],
  [
    'validation.requirements.txt',
    'requirements',
    ['Great_Expectations', 'pandera', 'tensorflow-model-analysis'],
    ['Great Expectations', 'Pandera', 'TensorFlow Model Analysis'],
  ],
  [
    // Not the build system's requirements; not an include-group's name.
    'pep621.pyproject.toml',
    'pyproject.toml',
    [
      'numpy',
      'wandb',
      'deepchecks',
      'alibi-detect',
      'whylogs',
      'ruff',
      'pytest',
      'nannyml',
    ],
    ['Weights & Biases', 'Deepchecks', 'Alibi Detect', 'NannyML', 'whylogs'],
  ],
  [
    'poetry.pyproject.toml',
    'pyproject.toml',
    [
      'comet_ml',
      'soda-core-postgres',
      'giskard',
      'arize',
      'pytest',
      'tensorflow-data-validation',
    ],
    ['Comet', 'TensorFlow Data Validation', 'Soda', 'Giskard', 'Arize'],
  ],
  [
    'service.Pipfile',
    'Pipfile',
    ['flask', 'ddtrace', 'UnleashClient', 'pytest'],
    ['Unleash', 'Datadog'],
  ],
  [
    'service.setup.cfg',
    'setup.cfg',
    ['requests', 'opentelemetry-sdk', 'flagsmith', 'prometheus_client'],
    ['Flagsmith', 'OpenTelemetry', 'Prometheus client'],
  ],
  [
    // Indirect requirements are other modules' dependencies.
    'service.go.mod',
    'go.mod',
    [
      'github.com/launchdarkly/go-server-sdk/v7',
      'github.com/go-chi/chi/v5',
      'go.opentelemetry.io/otel',
      'github.com/prometheus/client_golang',
    ],
    ['LaunchDarkly', 'OpenTelemetry', 'Prometheus client'],
  ],
  [
    // Not managed versions, comments or build plugins' dependencies.
    'service.pom.xml',
    'pom.xml',
    [
      'org.springframework.boot:spring-boot-starter-web',
      'io.micrometer:micrometer-registry-prometheus',
      'dev.openfeature:sdk',
    ],
    ['OpenFeature', 'Micrometer'],
  ],
  [
    // A platform inside a configuration counts; comments and plugins not.
    'service.build.gradle.kts',
    'build.gradle',
    [
      'io.opentelemetry:opentelemetry-bom',
      'io.opentelemetry:opentelemetry-api',
      'org.springframework.boot:spring-boot-starter-web',
      'org.junit.jupiter:junit-jupiter',
    ],
    ['OpenTelemetry'],
  ],
  [
    // Map notation and a custom configuration; not the script's classpath.
    'service.build.gradle',
    'build.gradle',
    [
      'org.springframework.boot:spring-boot-starter-web',
      'com.configcat:configcat-java-client',
      'co.elastic.apm:elastic-apm-agent',
    ],
    ['ConfigCat', 'Elastic APM'],
  ],
  [
    'service.libs.versions.toml',
    'gradle-version-catalog',
    [
      'com.statsig:serversdk',
      'io.sentry:sentry',
      'io.honeycomb:honeycomb-opentelemetry-sdk',
      'org.junit.jupiter:junit-jupiter',
    ],
    ['Statsig', 'Sentry', 'Honeycomb'],
  ],
  [
    'service.Gemfile',
    'Gemfile',
    ['rails', 'growthbook', 'newrelic_rpm', 'rspec-rails'],
    ['GrowthBook', 'New Relic'],
  ],
  [
    'service.Cargo.toml',
    'Cargo.toml',
    ['tokio', 'opentelemetry', 'serde', 'sentry', 'flipt', 'optimizely'],
    ['Flipt', 'Optimizely', 'OpenTelemetry', 'Sentry'],
  ],
  [
    // With a byte order mark; a commented-out reference does not count.
    'checkout.csproj.xml',
    'msbuild-project',
    ['Splitio', 'Dynatrace.OneAgent.Sdk', 'Swashbuckle.AspNetCore'],
    ['Split', 'Dynatrace'],
  ],
];

describe('parseManifest', () => {
  it.each(MANIFESTS)(
    '%s (%s) declares its dependencies',
    (file, format, names) => {
      expect(parseManifest(format, fixture(file))).toEqual(names);
    },
  );

  it.each(MANIFESTS)(
    '%s (%s) reveals its tools',
    (file, format, _names, tools) => {
      const names = parseManifest(format, fixture(file))!;
      expect(
        classifyDependencies(MANIFEST_ECOSYSTEMS[format], names).map(
          s => s.tool,
        ),
      ).toEqual(tools);
    },
  );

  it('cannot read a package.json that is not a JSON object', () => {
    expect(parseManifest('package.json', '{ "name": ')).toBeUndefined();
    expect(parseManifest('package.json', '[]')).toBeUndefined();
    expect(parseManifest('package.json', '{}')).toEqual([]);
  });

  it('reads Windows line endings', () => {
    expect(
      parseManifest('requirements', 'mlflow==2.17\r\nevidently\r\n'),
    ).toEqual(['mlflow', 'evidently']);
    expect(
      parseManifest(
        'go.mod',
        'module x\r\n\r\nrequire (\r\n\tgo.opentelemetry.io/otel v1.32.0\r\n)\r\n',
      ),
    ).toEqual(['go.opentelemetry.io/otel']);
  });

  it('reads setup.cfg requirements on one line, separated by semicolons', () => {
    expect(
      parseManifest(
        'setup.cfg',
        '[options]\ninstall_requires = mlflow>=2; evidently\n',
      ),
    ).toEqual(['mlflow', 'evidently']);
  });
});
