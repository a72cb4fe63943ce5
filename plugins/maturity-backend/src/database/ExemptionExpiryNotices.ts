/** An approved exemption that ends soon, with the owner to tell. */
export interface ExpiringExemption {
  id: string;
  entityRef: string;
  checkId: string;
  /** Who requested it. */
  author: string;
  expiresAt: Date;
  /** The entity's owner as its latest scorecard stored it, if any. */
  ownerRef?: string;
}

/** Which expiring exemptions were notified, so each is notified once. */
export interface ExemptionExpiryNotices {
  /**
   * Approved exemptions expiring after `from` and at or before `until`
   * whose expiry was not notified yet, soonest first.
   */
  listUnnotifiedExpiring(from: Date, until: Date): Promise<ExpiringExemption[]>;
  /** Remembers these exemptions as notified (again is a no-op). */
  recordExpiryNotices(exemptionIds: string[], at: Date): Promise<void>;
}
