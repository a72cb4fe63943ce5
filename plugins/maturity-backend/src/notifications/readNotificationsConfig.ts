import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** What `maturity.notifications` says, read once at start-up. */
export interface NotificationsConfig {
  /** Whether the plugin sends notifications at all. Default true. */
  enabled: boolean;
  /**
   * Who is told of a requested exemption: these entities (groups or users)
   * for every entity. Empty (the default): the entity's owner.
   */
  exemptionDeciders: string[];
}

/**
 * Reads `maturity.notifications`. A decider that is not an entity ref stops
 * start-up with the path named, rather than silently telling nobody.
 */
export function readNotificationsConfig(config: Config): NotificationsConfig {
  const enabled =
    config.getOptionalBoolean('maturity.notifications.enabled') ?? true;
  const deciders =
    config.getOptionalStringArray('maturity.notifications.exemptionDeciders') ??
    [];
  const exemptionDeciders = deciders.map((ref, index) => {
    try {
      // Bare names are groups: `platform-team` is `group:default/platform-team`.
      return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' }));
    } catch {
      throw new Error(
        `Invalid config at maturity.notifications.exemptionDeciders[${index}]: '${ref}' is not an entity ref, e.g. group:default/platform-team`,
      );
    }
  });
  return { enabled, exemptionDeciders };
}
