import {
  RepoFactEvent,
  RepoFactValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  DemoEntity,
  isDeployable,
  isMlEntity,
  isMlPipeline,
  isNotebookPrototype,
} from './DemoEntity';
import { getDemoProfile } from './demoProfiles';
import { SeededRandom } from './seededRandom';

/** Facts about running software, which a library's repository never has. */
const RUNTIME_FACTS = [
  'dockerfile',
  'iac',
  'iac-validated-in-ci',
  'gitops-manifest',
  'feature-flag-sdk',
  'telemetry-sdk',
  'api-spec',
  'zero-downtime-strategy',
  'e2e-gates-production',
  'progressive-delivery',
];

/**
 * What a scanner finds in the repository of a training pipeline: a
 * pipeline that CI deploys to staging and production, experiment tracking,
 * validation libraries and drift monitoring: MLOps level 2.
 */
const ML_PIPELINE_FACTS: Record<string, RepoFactValue> = {
  'ml-pipeline-definition': 'kubeflow',
  'experiment-tracking': 'mlflow',
  'data-validation': 'great-expectations',
  'model-validation': 'tensorflow-model-analysis',
  'drift-monitoring': 'evidently',
  'ml-pipeline-multi-env': true,
};

/**
 * An ML service that retrains its own model: an automated pipeline with
 * tracking and validation, but deployed to one environment and without
 * drift monitoring yet, which keeps it at MLOps level 1.
 */
const ML_SERVICE_FACTS: Record<string, RepoFactValue> = {
  'ml-pipeline-definition': 'mlproject',
  'experiment-tracking': 'mlflow',
  'data-validation': 'great-expectations',
  'model-validation': 'deepchecks',
  'drift-monitoring': false,
  'ml-pipeline-multi-env': false,
};

/**
 * Any other ML component (a library, a notebook experiment): no pipeline,
 * MLOps level 0.
 */
const ML_MANUAL_FACTS: Record<string, RepoFactValue> = {
  'ml-pipeline-definition': false,
  'experiment-tracking': false,
  'data-validation': false,
  'model-validation': false,
  'drift-monitoring': false,
  'ml-pipeline-multi-env': false,
};

/** A notebook experiment's repository: notebooks, no build, tests or CI. */
const NOTEBOOK_PROTOTYPE_FACTS: Record<string, RepoFactValue> = {
  'ci-config': false,
  'build-file': false,
  tests: false,
  'branch-protection': false,
  'branch-protection-required-checks': false,
  'tests-required-checks': false,
};

function mlFacts(entity: DemoEntity): Record<string, RepoFactValue> {
  if (isMlPipeline(entity)) return ML_PIPELINE_FACTS;
  if (isDeployable(entity)) return ML_SERVICE_FACTS;
  return ML_MANUAL_FACTS;
}

/**
 * The repository facts of a demo entity, all observed at one time.
 *
 * The observation time is passed in rather than taken from the day, so a
 * replay reports the same observation and the store keeps one row per fact.
 *
 * @internal
 */
export function demoRepoFacts(
  entity: DemoEntity,
  observedAt: string,
): RepoFactEvent[] {
  const facts: Record<string, RepoFactValue> = {
    ...getDemoProfile(entity.owner).repoFacts,
  };
  if (!isDeployable(entity)) {
    for (const fact of RUNTIME_FACTS) facts[fact] = false;
  }
  if (entity.type === 'website') {
    facts['api-spec'] = false;
  }
  if (typeof facts['stale-branches'] === 'number') {
    // Repositories of one team differ a little in housekeeping.
    const random = new SeededRandom(`${entity.entityRef}|repo-facts`);
    facts['stale-branches'] += random.integer(0, 3);
  }
  if (isMlEntity(entity)) {
    Object.assign(facts, mlFacts(entity));
  }
  if (isNotebookPrototype(entity)) {
    Object.assign(facts, NOTEBOOK_PROTOTYPE_FACTS);
  }
  return Object.entries(facts).map(([fact, value]) => ({
    type: 'repo_fact',
    source: 'demo',
    entityRef: entity.entityRef,
    fact,
    value,
    observedAt,
  }));
}
