import { TypedRouter } from '@backstage/backend-openapi-utils';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CampaignChangeOutcome,
  CampaignStore,
  StoredCampaign,
} from '../database/CampaignStore';
import {
  CampaignTeam,
  maturityCampaignManagePermission,
  maturityScorecardReadPermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { randomUUID } from 'node:crypto';
import { CampaignProgressRefresher } from '../campaigns/CampaignProgressRefresher';
import { campaignStatus } from '../campaigns/campaignStatus';
import { utcDay } from '../campaigns/campaignDays';
import { toWireCampaign } from '../campaigns/toWireCampaign';
import {
  canonicalGroupRef,
  validateCampaignInput,
} from '../campaigns/validateCampaignInput';
import { RollupStore } from '../database/RollupStore';
import { StoredGroupTree } from '../rollups/StoredGroupTree';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { EndpointMap } from '../schema/openapi.generated';
import { AuthorizeRequest } from './authorizeCaller';

/** Who changed a campaign: the user, or the calling service's subject. */
function actorOf(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
): string {
  const { principal } = credentials;
  return principal.type === 'user'
    ? principal.userEntityRef
    : principal.subject;
}

/** The teams most entities short first, then by ref. */
export function mostShortFirst(teams: CampaignTeam[]): CampaignTeam[] {
  return teams
    .map(({ ownerRef, inScope, meeting }) => ({ ownerRef, inScope, meeting }))
    .sort(
      (a, b) =>
        b.inScope - b.meeting - (a.inScope - a.meeting) ||
        (a.ownerRef < b.ownerRef ? -1 : 1),
    );
}

/**
 * The group and its descendant groups, as a campaign's progress and the
 * scorecard list's `includeSubgroups` resolve them (StoredGroupTree); an
 * InputError naming `field` for a ref that is not a group's.
 */
export async function groupWithSubgroups(
  rollups: Pick<RollupStore, 'readSubgroups' | 'rollupsBuilt'>,
  field: string,
  ref: string,
): Promise<string[]> {
  const groupRef = canonicalGroupRef(field, ref);
  return (await new StoredGroupTree(rollups).withSubgroups([groupRef]))
    .groupRefs;
}

/**
 * The campaign routes. Reading needs `maturity.scorecard.read`; creating,
 * changing and deleting `maturity.campaign.manage`. A finished campaign is
 * read-only (409). Statuses are those of the UTC day `now` falls on.
 */
export function addCampaignRoutes(
  api: TypedRouter<EndpointMap>,
  options: {
    authorize: AuthorizeRequest;
    campaigns: CampaignStore;
    rollups: Pick<RollupStore, 'readSubgroups' | 'rollupsBuilt'>;
    evaluator: Pick<EntityEvaluator, 'rubric'>;
    /** For an input without its own reminders. */
    defaultReminderDaysBefore: number[];
    /** Told after each change, so the figures follow soon. */
    refresher?: CampaignProgressRefresher;
    now: () => Date;
  },
) {
  const { authorize, campaigns, rollups, evaluator, refresher, now } = options;
  const today = () => utcDay(now());
  const validate = (
    body: Parameters<typeof validateCampaignInput>[0],
    day: string,
    stored?: StoredCampaign,
  ) =>
    validateCampaignInput(body, {
      rubric: evaluator.rubric,
      defaultReminderDaysBefore: options.defaultReminderDaysBefore,
      today: day,
      storedStartsOn: stored?.startsOn,
    });

  async function found(id: string): Promise<StoredCampaign> {
    const campaign = await campaigns.getCampaign(id);
    if (!campaign) throw new NotFoundError(`No campaign ${id}`);
    return campaign;
  }

  /** The campaign, when it may still change on `day`. */
  async function changeable(id: string, day: string) {
    const campaign = await found(id);
    if (campaignStatus(campaign, day) === 'finished') {
      throw new ConflictError(
        `Campaign ${id} is finished: it is kept read-only with its final figures`,
      );
    }
    return campaign;
  }

  function assertChanged(id: string, outcome: CampaignChangeOutcome) {
    if (outcome === 'missing') throw new NotFoundError(`No campaign ${id}`);
    if (outcome === 'finished') {
      throw new ConflictError(
        `Campaign ${id} is finished: it is kept read-only with its final figures`,
      );
    }
  }

  const withSubgroups = (field: string, ref: string) =>
    groupWithSubgroups(rollups, field, ref);

  api.get('/v1/campaigns', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const day = today();
    const { team, status, limit, offset } = req.query;
    const page = await campaigns.listCampaignPage({
      statuses: status,
      today: day,
      ownerRefs:
        team !== undefined ? await withSubgroups('team', team) : undefined,
      limit: limit ?? 50,
      offset: offset ?? 0,
    });
    res.json({
      items: page.items.map(campaign => ({
        ...toWireCampaign(campaign, day),
        ...(campaign.team
          ? {
              team: {
                inScope: campaign.team.inScope,
                meeting: campaign.team.meeting,
              },
            }
          : {}),
      })),
      totalCount: page.totalCount,
    });
  });

  api.post('/v1/campaigns', async (req, res) => {
    const credentials = await authorize(req, maturityCampaignManagePermission);
    const at = now();
    const input = validate(req.body, utcDay(at));
    const by = actorOf(credentials);
    const campaign: StoredCampaign = {
      id: randomUUID(),
      ...input,
      createdBy: by,
      createdAt: at,
      updatedBy: by,
      updatedAt: at,
    };
    await campaigns.createCampaign(campaign);
    refresher?.refreshSoon(campaign.id);
    res.status(201).json(toWireCampaign(campaign, utcDay(at)));
  });

  api.get('/v1/campaigns/:id', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const campaign = await found(req.params.id);
    const days = await campaigns.readDays(campaign.id);
    res.json({
      campaign: toWireCampaign(campaign, today()),
      days: days.map(({ day, inScope, meeting }) => ({
        day,
        inScope,
        meeting,
      })),
      teams: mostShortFirst(days[days.length - 1]?.teams ?? []),
    });
  });

  api.put('/v1/campaigns/:id', async (req, res) => {
    const credentials = await authorize(req, maturityCampaignManagePermission);
    const at = now();
    const stored = await changeable(req.params.id, utcDay(at));
    const { id } = stored;
    const input = validate(req.body, utcDay(at), stored);
    assertChanged(
      id,
      await campaigns.updateCampaign(id, input, actorOf(credentials), at),
    );
    refresher?.refreshSoon(id);
    res.json(toWireCampaign(await found(id), utcDay(at)));
  });

  api.delete('/v1/campaigns/:id', async (req, res) => {
    await authorize(req, maturityCampaignManagePermission);
    const { id } = await changeable(req.params.id, today());
    assertChanged(id, await campaigns.deleteCampaign(id));
    res.status(204).end();
  });

  api.get('/v1/campaigns/:id/entities', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const { owner, meetsGoal } = req.query;
    const ownerRefs =
      owner !== undefined ? await withSubgroups('owner', owner) : undefined;
    const { id } = await found(req.params.id);
    res.json(
      await campaigns.listCampaignEntities(id, {
        meetsGoal,
        ownerRefs,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      }),
    );
  });

  api.get('/v1/entities/:kind/:namespace/:name/campaigns', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const results = await campaigns.listEntityResults(
      canonicalEntityRef(req.params),
    );
    if (results.length === 0) {
      res.json({ items: [] });
      return;
    }
    const byCampaign = new Map(results.map(r => [r.campaignId, r]));
    const day = today();
    // Only the entity's campaigns, nearest deadline first already; finished
    // ones are left for the campaign pages.
    const open = await campaigns.listCampaigns({
      ids: [...byCampaign.keys()],
      unfinished: true,
    });
    const items = open.flatMap(stored => {
      const result = byCampaign.get(stored.id);
      const campaign = toWireCampaign(stored, day);
      if (!result || campaign.status === 'finished') return [];
      return [
        {
          campaign,
          meetsGoal: result.meetsGoal,
          ...(result.shortfall ? { shortfall: result.shortfall } : {}),
        },
      ];
    });
    res.json({ items });
  });
}
