export { computeEntityMetrics } from './computeEntityMetrics';
export type { ComputeEntityMetricsOptions } from './computeEntityMetrics';
export { ciStepKindsOf } from './ciStepKinds';
export {
  linkIncidents,
  type IncidentDeploymentLink,
  type IncidentLinkMethod,
} from './linkIncidentsToDeployments';
