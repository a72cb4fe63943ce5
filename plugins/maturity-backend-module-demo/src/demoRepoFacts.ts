import {
  RepoFactEvent,
  RepoFactValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DemoEntity, isDeployable, isMlPipeline } from './DemoEntity';
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
];

/**
 * What a scanner finds in an ML pipeline's repository: a pipeline
 * definition, experiment tracking and validation libraries, but no drift
 * monitoring yet, which keeps it at MLOps level 1.
 */
const ML_PIPELINE_FACTS: Record<string, RepoFactValue> = {
  'ml-pipeline-definition': 'kubeflow',
  'experiment-tracking': 'mlflow',
  'data-validation': 'great-expectations',
  'model-validation': 'tensorflow-model-analysis',
  'drift-monitoring': false,
};

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
  if (isMlPipeline(entity)) {
    Object.assign(facts, ML_PIPELINE_FACTS);
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
