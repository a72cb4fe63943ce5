export { computeEntityMetrics } from './computeEntityMetrics';
export type { ComputeEntityMetricsOptions } from './computeEntityMetrics';
export { ciStepKindsByEntity, ciStepKindsOf } from './ciStepKinds';
export { groupByEntity } from './groupByEntity';
export {
  linkIncidents,
  type IncidentDeploymentLink,
  type IncidentLinkMethod,
} from './linkIncidentsToDeployments';
