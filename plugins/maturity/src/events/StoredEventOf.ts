import {
  MaturityEventType,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** A stored event of one type, e.g. `StoredEventOf<'deployment'>`. */
export type StoredEventOf<T extends MaturityEventType> = Extract<
  StoredMaturityEvent,
  { type: T }
>;
