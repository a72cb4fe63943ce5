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
 * @deprecated No longer checked: anyone who may read scorecards requests an
 * exemption, and {@link maturityExemptionDecidePermission} decides it. Kept
 * so policies naming it still compile.
 */
export const maturityExemptionManagePermission = createPermission({
  name: 'maturity.exemption.manage',
  attributes: { action: 'update' },
});

/**
 * Approve, deny and revoke exemptions of one catalog entity: a resource
 * permission, checked with the entity's ref, so a policy can decide it per
 * entity with conditions (e.g. "not for the entities one owns").
 * @public
 */
export const maturityExemptionDecidePermission = createPermission({
  name: 'maturity.exemption.decide',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Preview what a proposed rubric override would do to every entity's levels.
 * @public
 */
export const maturityRubricPreviewPermission = createPermission({
  name: 'maturity.rubric.preview',
  attributes: { action: 'read' },
});

/**
 * Create, change and delete campaigns. Reading them needs only
 * {@link maturityScorecardReadPermission}.
 * @public
 */
export const maturityCampaignManagePermission = createPermission({
  name: 'maturity.campaign.manage',
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
  maturityExemptionDecidePermission,
  maturityRubricPreviewPermission,
  maturityCampaignManagePermission,
];
