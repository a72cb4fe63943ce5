export {
  CheckStateChip,
  CHECK_STATE_LABELS,
  checkStateColor,
} from './CheckStateChip';
export type { CheckStateChipProps } from './CheckStateChip';
