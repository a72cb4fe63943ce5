import { EvaluationInput } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * What an entity's evaluation read besides its metrics, stored with them so
 * that a proposed rubric can be evaluated from stored data alone: the
 * catalog facts, the repository facts as the rubric saw them (with those
 * its CI steps prove), the connected tools and the days of history.
 * Exemptions are left out: they show in the stored check states.
 */
export type RubricInputs = Omit<
  EvaluationInput,
  'metrics' | 'exemptions' | 'now' | 'window'
>;
