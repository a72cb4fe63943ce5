import {
  MaturityEventType,
  StoredMaturityEvent,
} from '@internal/plugin-maturity-common';

/** A stored event of one type, e.g. `StoredEventOf<'deployment'>`. */
export type StoredEventOf<T extends MaturityEventType> = Extract<
  StoredMaturityEvent,
  { type: T }
>;
