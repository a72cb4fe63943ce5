export { computeEntityMetrics } from './computeEntityMetrics';
export type { ComputeEntityMetricsOptions } from './computeEntityMetrics';
export type {
  MetricsEntityContext,
  MetricsWindow,
} from './MetricsEntityContext';
export {
  linkIncidentsToDeployments,
  type IncidentDeploymentLink,
  type IncidentLinkMethod,
} from './linkIncidentsToDeployments';
