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
 * Every permission the Maturity plugin checks.
 * @public
 */
export const maturityPermissions = [
  maturityEventsCreatePermission,
  maturityEventsReadPermission,
];
