import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Write raw events through the ingest API.
 * @public
 */
export const maturityEventsCreatePermission = createPermission({
  name: 'maturity.events.create',
  attributes: { action: 'create' },
});

/**
 * Read an entity's raw events and activity.
 * @public
 */
export const maturityEventsReadPermission = createPermission({
  name: 'maturity.events.read',
  attributes: { action: 'read' },
});

/**
 * Read scorecards, metrics, history, rollups and the rubric.
 * @public
 */
export const maturityScorecardReadPermission = createPermission({
  name: 'maturity.scorecard.read',
  attributes: { action: 'read' },
});

/**
 * Re-evaluate an entity on demand.
 * @public
 */
export const maturityScorecardRefreshPermission = createPermission({
  name: 'maturity.scorecard.refresh',
  attributes: { action: 'update' },
});

/**
 * Create and revoke exemptions (waivers of a check for an entity).
 * @public
 */
export const maturityExemptionManagePermission = createPermission({
  name: 'maturity.exemption.manage',
  attributes: { action: 'update' },
});

/**
 * Every permission the Maturity plugin checks.
 * @public
 */
export const maturityPermissions = [
  maturityEventsCreatePermission,
  maturityEventsReadPermission,
  maturityScorecardReadPermission,
  maturityScorecardRefreshPermission,
  maturityExemptionManagePermission,
];
