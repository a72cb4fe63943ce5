import { EvaluationRecord } from '../ScorecardStore';
import { makeEvaluation } from '../../testing/makeEvaluation';

/** Three evaluated components of three teams, for the scorecard tests. */
export const records: EvaluationRecord[] = [
  makeEvaluation('component:default/checkout-api', {
    owner: 'group:default/checkout',
    system: 'system:default/order-management',
    levels: [3, 2, 3, 2, 3],
    failing: ['build-deploy.4.ci-success'],
  }),
  makeEvaluation('component:default/ledger-service', {
    owner: 'group:default/payments',
    system: 'system:default/payments-system',
    levels: [4, 4, 4, 3, 4],
  }),
  makeEvaluation('component:default/invoice-generator', {
    owner: 'group:default/billing-legacy',
    system: 'system:default/billing',
    levels: [1, 1, 0, 0, 1],
    failing: ['build-deploy.4.ci-success', 'test.1.tests'],
  }),
];
