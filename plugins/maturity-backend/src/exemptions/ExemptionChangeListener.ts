import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * What happened to an exemption: the workflow's transitions.
 *
 * requested → approved | denied | withdrawn; approved → revoked | expired.
 */
export type ExemptionAction =
  | 'requested'
  | 'approved'
  | 'denied'
  | 'withdrawn'
  | 'revoked'
  | 'expired';

/** The actor of changes nobody made: auto-approval and expiry. */
export const SYSTEM_ACTOR = 'system';

/** One committed state change of an exemption. */
export interface ExemptionChange {
  /** The exemption as it is after the change. */
  exemption: Exemption;
  action: ExemptionAction;
  /** Entity ref of the user who made the change, or {@link SYSTEM_ACTOR}. */
  actor: string;
  /** When the change was made (RFC 3339). */
  at: string;
  /** The decider's or requester's comment, when one was given. */
  comment?: string;
}

/**
 * Told about every state change of an exemption after it was committed, e.g.
 * to notify the requester or the deciders. A request approved at once by
 * `maturity.exemptions.autoApprove` is one change: `approved` by
 * {@link SYSTEM_ACTOR} (the exemption's `requestedBy` says who asked).
 * A listener that throws does not undo the change; the error is logged.
 */
export interface ExemptionChangeListener {
  exemptionChanged(change: ExemptionChange): Promise<void>;
}

/** The default listener: nobody is told. */
export const noExemptionChangeListener: ExemptionChangeListener = {
  async exemptionChanged() {},
};
