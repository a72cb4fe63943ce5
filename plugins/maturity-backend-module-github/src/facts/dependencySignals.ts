/**
 * The repository facts a dependency can show, named as in `REPO_FACT_NAMES`.
 * All booleans.
 */
export const DEPENDENCY_FACTS = [
  'feature-flag-sdk',
  'telemetry-sdk',
  'experiment-tracking',
  'data-validation',
  'model-validation',
  'drift-monitoring',
] as const;

/** One of {@link DEPENDENCY_FACTS}. */
export type DependencyFact = (typeof DEPENDENCY_FACTS)[number];

/** The package registry a manifest's dependency names belong to. */
export type Ecosystem =
  | 'npm'
  | 'pypi'
  | 'go'
  | 'maven'
  | 'rubygems'
  | 'cargo'
  | 'nuget';

/**
 * A tool a dependency reveals, and the facts it stands for.
 *
 * `name` is matched against the normalized dependency name (see
 * {@link normalizeDependencyName}): lower case; PyPI names with every run of
 * `-`, `_` and `.` as one `-` (PEP 503); Maven and Gradle dependencies as
 * `group:artifact`; Go modules by module path.
 */
export interface DependencySignal {
  tool: string;
  facts: DependencyFact[];
  name: RegExp;
  /** Only in these ecosystems: for names that mean something else elsewhere. */
  ecosystems?: Ecosystem[];
}

/**
 * Which dependencies show a feature-flag SDK, a telemetry SDK and the ML
 * libraries of the MLOps track. To recognise another tool, add a row.
 *
 * Evidently counts as drift monitoring only: its reports compare production
 * data and model quality over time. Counting it as model validation too
 * would let one monitoring library meet both the level 1 validation check
 * and the level 2 drift check; Deepchecks, TFMA and Giskard validate a
 * model before it is promoted.
 */
export const DEPENDENCY_SIGNALS: readonly DependencySignal[] = [
  // Feature flags
  {
    tool: 'LaunchDarkly',
    facts: ['feature-flag-sdk'],
    name: /^(@launchdarkly\/|launchdarkly([-._]|$)|ldclient|github\.com\/launchdarkly\/|com\.launchdarkly[.:])/,
  },
  {
    tool: 'Unleash',
    facts: ['feature-flag-sdk'],
    name: /^(@unleash\/|unleash([-._]|client|$)|github\.com\/unleash\/|io\.getunleash[.:])/,
  },
  {
    tool: 'Flagsmith',
    facts: ['feature-flag-sdk'],
    name: /^(@flagsmith\/|flagsmith|github\.com\/flagsmith\/|com\.flagsmith[.:])/,
  },
  {
    tool: 'Split',
    facts: ['feature-flag-sdk'],
    name: /^(@splitsoftware\/|splitio([-._]|$)|splitclient-rb$|github\.com\/splitio\/|io\.split\.client[.:])/,
  },
  {
    tool: 'ConfigCat',
    facts: ['feature-flag-sdk'],
    name: /^(@configcat\/|configcat|github\.com\/configcat\/|com\.configcat[.:])/,
  },
  {
    tool: 'OpenFeature',
    facts: ['feature-flag-sdk'],
    name: /^(@openfeature\/|open-?feature([-._]|$)|github\.com\/open-feature\/|dev\.openfeature[.:])/,
  },
  {
    tool: 'GrowthBook',
    facts: ['feature-flag-sdk'],
    name: /^(@growthbook\/|growthbook|github\.com\/growthbook\/|io\.growthbook[.:])/,
  },
  {
    tool: 'Flipt',
    facts: ['feature-flag-sdk'],
    name: /^(@flipt-io\/|flipt([-._]|$)|go\.flipt\.io\/|io\.flipt[.:])/,
  },
  {
    tool: 'Statsig',
    facts: ['feature-flag-sdk'],
    name: /^(@statsig\/|statsig|github\.com\/statsig-io\/|com\.statsig[.:])/,
  },
  {
    tool: 'Optimizely',
    facts: ['feature-flag-sdk'],
    name: /^(@optimizely\/|optimizely|github\.com\/optimizely\/|com\.optimizely[.:])/,
  },

  // Telemetry
  {
    tool: 'OpenTelemetry',
    facts: ['telemetry-sdk'],
    name: /^(@opentelemetry\/|opentelemetry([-._]|$)|go\.opentelemetry\.io\/|io\.opentelemetry[.:])/,
  },
  {
    tool: 'Datadog',
    facts: ['telemetry-sdk'],
    name: /^(@datadog\/|dd-trace|ddtrace$|datadog([-._]|$)|github\.com\/datadog\/|gopkg\.in\/datadog\/|com\.datadoghq[.:])/,
  },
  {
    tool: 'New Relic',
    facts: ['telemetry-sdk'],
    name: /^(@newrelic\/|newrelic|github\.com\/newrelic\/|com\.newrelic[.:])/,
  },
  {
    tool: 'Prometheus client',
    facts: ['telemetry-sdk'],
    name: /^(prom-client$|prometheus([-._]|$)|github\.com\/prometheus\/client_golang|io\.prometheus[.:])/,
  },
  {
    tool: 'Micrometer',
    facts: ['telemetry-sdk'],
    name: /^io\.micrometer[.:]/,
  },
  {
    tool: 'Sentry',
    facts: ['telemetry-sdk'],
    name: /^(@sentry\/|sentry([-._]|$)|github\.com\/getsentry\/|io\.sentry[.:])/,
  },
  {
    tool: 'Honeycomb',
    facts: ['telemetry-sdk'],
    name: /^(@honeycombio\/|honeycomb([-._]|$)|libhoney|github\.com\/honeycombio\/|io\.honeycomb[.:])/,
  },
  {
    tool: 'Elastic APM',
    facts: ['telemetry-sdk'],
    name: /^(elastic-apm|elastic\.apm|@elastic\/apm|go\.elastic\.co\/apm|co\.elastic\.apm[.:])/,
  },
  {
    tool: 'Dynatrace',
    facts: ['telemetry-sdk'],
    name: /^(@dynatrace\/|dynatrace|oneagent-sdk|github\.com\/dynatrace\/|com\.dynatrace[.:])/,
  },

  // Experiment and metadata tracking
  {
    tool: 'MLflow',
    facts: ['experiment-tracking'],
    name: /^(mlflow([-._]|$)|org\.mlflow[.:])/,
  },
  {
    tool: 'Weights & Biases',
    facts: ['experiment-tracking'],
    name: /^(wandb$|@wandb\/)/,
  },
  {
    tool: 'Neptune',
    facts: ['experiment-tracking'],
    name: /^neptune(-|$)/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Comet',
    facts: ['experiment-tracking'],
    name: /^comet-ml$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'ClearML',
    facts: ['experiment-tracking'],
    name: /^clearml(-|$)/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Aim',
    facts: ['experiment-tracking'],
    name: /^aim$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'DVCLive',
    facts: ['experiment-tracking'],
    name: /^dvclive$/,
    ecosystems: ['pypi'],
  },

  // Data and model validation
  {
    tool: 'Great Expectations',
    facts: ['data-validation'],
    name: /^great-expectations$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Pandera',
    facts: ['data-validation'],
    name: /^pandera$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'TensorFlow Data Validation',
    facts: ['data-validation'],
    name: /^tensorflow-data-validation$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Soda',
    facts: ['data-validation'],
    name: /^soda(-(core|sql|spark)(-.+)?)?$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Deepchecks',
    facts: ['data-validation', 'model-validation'],
    name: /^deepchecks$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'TensorFlow Model Analysis',
    facts: ['model-validation'],
    name: /^tensorflow-model-analysis$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Giskard',
    facts: ['model-validation'],
    name: /^giskard$/,
    ecosystems: ['pypi'],
  },

  // Drift and skew monitoring
  {
    tool: 'Evidently',
    facts: ['drift-monitoring'],
    name: /^evidently$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Alibi Detect',
    facts: ['drift-monitoring'],
    name: /^alibi-detect$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'NannyML',
    facts: ['drift-monitoring'],
    name: /^nannyml$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'whylogs',
    facts: ['drift-monitoring'],
    name: /^whylogs$/,
    ecosystems: ['pypi'],
  },
  {
    tool: 'Arize',
    facts: ['drift-monitoring'],
    name: /^arize$/,
    ecosystems: ['pypi'],
  },
];

/**
 * A dependency name as {@link DependencySignal} rows match it: lower case,
 * and for PyPI every run of `-`, `_` and `.` as one `-` (PEP 503), so
 * `Great_Expectations` and `great-expectations` are one package.
 */
export function normalizeDependencyName(
  ecosystem: Ecosystem,
  name: string,
): string {
  const lower = name.trim().toLowerCase();
  return ecosystem === 'pypi' ? lower.replace(/[-_.]+/g, '-') : lower;
}

/** The tools a manifest's dependencies reveal, each once, in table order. */
export function classifyDependencies(
  ecosystem: Ecosystem,
  names: string[],
  signals: readonly DependencySignal[] = DEPENDENCY_SIGNALS,
): DependencySignal[] {
  const normalized = names.map(n => normalizeDependencyName(ecosystem, n));
  return signals.filter(
    signal =>
      (!signal.ecosystems || signal.ecosystems.includes(ecosystem)) &&
      normalized.some(name => signal.name.test(name)),
  );
}
