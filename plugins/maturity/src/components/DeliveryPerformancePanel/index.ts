export {
  DeliveryPerformancePanel,
  formatDoraValue,
} from './DeliveryPerformancePanel';
export type { DeliveryPerformancePanelProps } from './DeliveryPerformancePanel';
