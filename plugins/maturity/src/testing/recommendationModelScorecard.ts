// The MLOps part evaluated by the default rubric from the facts of an ML
// pipeline with a pipeline definition, validation and experiment tracking,
// deployed to one environment and without drift monitoring; the CDMM part
// borrowed from checkout-api. Shaped exactly like the contract types.
import {
  CheckResult,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { checkoutApiScorecard } from './checkoutApiScorecard';

export const ML_ENTITY_REF = 'component:default/recommendation-model-training';

/** The seven checks of the MLOps track: level 1 met, level 2 not. */
export const recommendationModelMlopsChecks: CheckResult[] = [
  {
    checkId: 'mlops.1.pipeline-definition',
    title:
      'ML pipeline defined (Kubeflow, TFX, Vertex, Airflow, SageMaker, MLproject, dvc.yaml, ZenML, Metaflow)',
    category: 'mlops',
    level: 1,
    required: true,
    state: 'pass',
    message: 'ml-pipeline-definition: true',
    observed: { 'ml-pipeline-definition': true },
    source: 'MLOps',
    howToFix:
      'Define training as a pipeline in an orchestrator instead of notebooks run by hand.',
    evidence: [],
  },
  {
    checkId: 'mlops.1.training-runs',
    title:
      'Training pipeline runs in the window (approximated: at least one pipeline run recorded)',
    category: 'mlops',
    level: 1,
    required: false,
    state: 'pass',
    message: '38 ≥ 1 CI runs',
    observed: { ci_runs: 38, 'ci_runs.sampleSize': 38 },
    threshold: '>= 1',
    source: 'MLOps',
    howToFix: 'Run the training pipeline on a schedule or on new data.',
    evidence: ['build:25176', 'build:25177', 'build:25173'],
  },
  {
    checkId: 'mlops.1.data-and-model-validation',
    title: 'Data and model validation libraries used',
    category: 'mlops',
    level: 1,
    required: false,
    state: 'pass',
    message: 'data-validation: true; model-validation: true',
    observed: { 'data-validation': true, 'model-validation': true },
    source: 'MLOps',
    howToFix:
      'Validate input data (e.g. Great Expectations, TFDV) and trained models before promotion.',
    evidence: [],
  },
  {
    checkId: 'mlops.1.experiment-tracking',
    title: 'Experiment and metadata tracking',
    category: 'mlops',
    level: 1,
    required: false,
    state: 'pass',
    message: 'experiment-tracking: true',
    observed: { 'experiment-tracking': true },
    source: 'MLOps',
    howToFix:
      'Track experiments, parameters and artefacts with MLflow, Weights & Biases or similar.',
    evidence: [],
  },
  {
    checkId: 'mlops.2.pipeline-multi-env',
    title: 'Pipeline deployed by CI to at least 2 environments',
    category: 'mlops',
    level: 2,
    required: true,
    state: 'fail',
    message: 'ml-pipeline-multi-env: false, expected true',
    observed: { 'ml-pipeline-multi-env': false },
    source: 'MLOps',
    howToFix:
      'Deploy the pipeline itself from CI to a staging and a production environment.',
    evidence: [],
  },
  {
    checkId: 'mlops.2.pipeline-tests',
    title:
      'Pipeline code tested in CI (approximated: tests present and CI configured)',
    category: 'mlops',
    level: 2,
    required: false,
    state: 'pass',
    message: 'tests: true; ci-config: true',
    observed: { tests: true, 'ci-config': true },
    source: 'MLOps',
    howToFix: 'Unit-test the pipeline components and run the tests in CI.',
    evidence: [],
  },
  {
    checkId: 'mlops.2.drift-monitoring',
    title: 'Drift or skew monitoring configured',
    category: 'mlops',
    level: 2,
    required: false,
    state: 'fail',
    message: 'drift-monitoring: false, expected true',
    observed: { 'drift-monitoring': false },
    source: 'MLOps',
    howToFix:
      'Monitor serving data for drift and training/serving skew and alert on it.',
    evidence: [],
  },
];

/** An ML pipeline's scorecard: MLOps level 1, ML pipeline automation. */
export const recommendationModelScorecard: Scorecard = {
  ...checkoutApiScorecard,
  entityRef: ML_ENTITY_REF,
  checks: [...checkoutApiScorecard.checks, ...recommendationModelMlopsChecks],
  mlops: { level: 1 },
};
