import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** Exemptions of entities from checks. */
export interface ExemptionStore {
  createExemption(exemption: Exemption): Promise<void>;
  /** The entities' exemptions not revoked, oldest first. */
  listExemptions(entityRefs: string[]): Promise<Exemption[]>;
  getExemption(id: string): Promise<Exemption | undefined>;
  /** Whether an exemption not yet revoked was revoked. */
  revokeExemption(id: string, at: Date): Promise<boolean>;
}
