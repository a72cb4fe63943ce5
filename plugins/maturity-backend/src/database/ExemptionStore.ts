import {
  Exemption,
  ExemptionEvent,
  ExemptionStatus,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** One state change to make, if the exemption is in one of `from`. */
export interface ExemptionTransition {
  id: string;
  from: ExemptionStatus[];
  to: ExemptionStatus;
  actor: string;
  at: Date;
  comment?: string;
  /** An approval's expiry; `null` for none. Absent: unchanged. */
  expiresAt?: Date | null;
}

/** What came of a transition: the exemption after it, or why not. */
export type ExemptionTransitionOutcome =
  | { exemption: Exemption }
  | { missing: true }
  | { conflict: ExemptionStatus };

/** Exemptions of entities from checks, and the audit list of their changes. */
export interface ExemptionStore {
  /** Stores a new exemption and its first audit rows in one transaction. */
  createExemption(
    exemption: Exemption,
    events: Omit<ExemptionEvent, 'exemptionId' | 'entityRef' | 'checkId'>[],
  ): Promise<void>;
  /**
   * The entities' approved exemptions, expired by time or not, oldest
   * first: what scoring may apply.
   */
  listExemptions(entityRefs: string[]): Promise<Exemption[]>;
  /** Every exemption of the entity, in any state, oldest request first. */
  listEntityExemptions(entityRef: string): Promise<Exemption[]>;
  getExemption(id: string): Promise<Exemption | undefined>;
  /** Makes the change and keeps its audit row, atomically. */
  transitionExemption(
    transition: ExemptionTransition,
  ): Promise<ExemptionTransitionOutcome>;
  /** The audit list of the entity's exemptions, newest first. */
  listExemptionEvents(entityRef: string): Promise<ExemptionEvent[]>;
  /**
   * Approved exemptions whose expiry is at or before `now` become expired
   * (each with its audit row); returns them.
   */
  expireExemptions(now: Date, actor: string): Promise<Exemption[]>;
}
