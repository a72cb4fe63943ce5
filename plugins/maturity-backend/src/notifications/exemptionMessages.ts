import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ExpiringExemption } from '../database/ExemptionExpiryNotices';
import { SYSTEM_ACTOR } from '../exemptions/ExemptionChangeListener';
import { OwnerNotification } from './OwnerNotificationSender';
import { entityName, maturityTabLink } from './maturityTabLink';
import { linkFor, listEntries } from './listedEntities';
import { RubricTitles } from './RubricTitles';
import { MATURITY_TOPICS } from './topics';

/** Owners hear of an approved exemption this many days before it ends. */
export const EXPIRY_NOTICE_DAYS = 7;

const day = (time: string | Date) => new Date(time).toISOString().slice(0, 10);

const who = (ref: string) =>
  ref === SYSTEM_ACTOR ? 'automatically' : `by ${entityName(ref)}`;

/**
 * To the deciders: someone asks to waive a check of an entity. The
 * requester is left out even when they are one of the deciders.
 */
export function exemptionRequestedMessage(
  exemption: Exemption,
  deciders: string[],
  titles: RubricTitles,
): OwnerNotification {
  const until = exemption.requestedExpiresAt ?? exemption.expiresAt;
  return {
    to: deciders,
    notTo: [exemption.author],
    payload: {
      title: `Exemption requested: ${entityName(exemption.entityRef)}`,
      description: `${entityName(
        exemption.author,
      )} asks to waive "${titles.check(exemption.checkId)}"${
        until ? ` until ${day(until)}` : ''
      }: ${exemption.reason}`,
      link: maturityTabLink(exemption.entityRef),
      severity: 'normal',
      topic: MATURITY_TOPICS.exemptionRequested,
      scope: `maturity-exemption:${exemption.id}`,
      metadata: { entityRef: exemption.entityRef, exemptionId: exemption.id },
    },
  };
}

/** To the requester: their exemption was approved, denied or revoked. */
export function exemptionDecidedMessage(
  exemption: Exemption,
  action: 'approved' | 'denied' | 'revoked',
  actor: string,
  titles: RubricTitles,
  comment?: string,
): OwnerNotification {
  const check = titles.check(exemption.checkId);
  const until =
    action === 'approved' && exemption.expiresAt
      ? ` until ${day(exemption.expiresAt)}`
      : '';
  return {
    to: [exemption.author],
    payload: {
      title: `Exemption ${action}: ${entityName(exemption.entityRef)}`,
      description: `"${check}" ${action} ${who(actor)}${until}${
        comment ? `: ${comment}` : ''
      }`,
      link: maturityTabLink(exemption.entityRef),
      // A lost waiver may lower a level at the next evaluation.
      severity: action === 'approved' ? 'normal' : 'high',
      topic: MATURITY_TOPICS.exemptionDecided,
      scope: `maturity-exemption:${exemption.id}`,
      metadata: { entityRef: exemption.entityRef, exemptionId: exemption.id },
    },
  };
}

/**
 * To an owner: its exemptions that end within days, all in one
 * notification, e.g. "checkout-api: Coverage on 2026-12-09".
 */
export function exemptionsExpiringMessage(
  ownerRef: string,
  exemptions: ExpiringExemption[],
  titles: RubricTitles,
): OwnerNotification {
  const refs = [...new Set(exemptions.map(e => e.entityRef))];
  const title =
    exemptions.length === 1
      ? `Exemption expires ${day(exemptions[0].expiresAt)}: ${entityName(
          exemptions[0].entityRef,
        )}`
      : `${exemptions.length} exemptions expire within ${EXPIRY_NOTICE_DAYS} days`;
  return {
    to: [ownerRef],
    payload: {
      title,
      description: listEntries(
        exemptions.map(
          e =>
            `${entityName(e.entityRef)}: "${titles.check(e.checkId)}" on ${day(
              e.expiresAt,
            )}`,
        ),
      ),
      link: linkFor(ownerRef, refs),
      severity: 'normal',
      topic: MATURITY_TOPICS.exemptionExpiring,
      metadata: { exemptionIds: exemptions.map(e => e.id) },
    },
  };
}
