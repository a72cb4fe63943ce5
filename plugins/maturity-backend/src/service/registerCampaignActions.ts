import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  Campaign,
  maturityScorecardReadPermission,
  Rubric,
  RubricCheck,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { utcDay } from '../campaigns/campaignDays';
import { goalInWords } from '../campaigns/goalInWords';
import { toWireCampaign } from '../campaigns/toWireCampaign';
import { CampaignStore } from '../database/CampaignStore';
import { RollupStore } from '../database/RollupStore';
import { RubricTitles } from '../notifications/RubricTitles';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { authorizeCaller } from './authorizeCaller';
import { groupWithSubgroups, mostShortFirst } from './campaignRoutes';

function rubricChecks(rubric: Rubric): Map<string, RubricCheck> {
  return new Map(
    [...rubric.categories.flatMap(c => c.levels), ...rubric.mlops.levels]
      .flatMap(level => level.checks)
      .map(check => [check.id, check]),
  );
}

/** A campaign as an agent reads it: the essentials and its latest share. */
function summary(campaign: Campaign, titles: RubricTitles) {
  const { latest } = campaign;
  return {
    id: campaign.id,
    title: campaign.title,
    ownerRef: campaign.ownerRef,
    status: campaign.status,
    goal: goalInWords(campaign.goal, titles, 'full'),
    allowExemptions: campaign.allowExemptions,
    startsOn: campaign.startsOn,
    deadline: campaign.deadline,
    ...(latest
      ? {
          latest: {
            day: latest.day,
            inScope: latest.inScope,
            meeting: latest.meeting,
          },
        }
      : {}),
  };
}

/**
 * Registers `list-maturity-campaigns` and `get-maturity-campaign`, so an
 * agent can say which campaigns run, how far they are, and what each entity
 * still short lacks — with the caller's own permissions (the routes').
 */
export function registerCampaignActions(
  actionsRegistry: ActionsRegistryService,
  options: {
    campaigns: CampaignStore;
    rollups: Pick<RollupStore, 'readSubgroups' | 'rollupsBuilt'>;
    evaluator: Pick<EntityEvaluator, 'rubric'>;
    permissions: PermissionsService;
    now?: () => Date;
  },
) {
  const { campaigns, rollups, evaluator } = options;
  const authorize = authorizeCaller(options.permissions);
  const today = () => utcDay((options.now ?? (() => new Date()))());

  actionsRegistry.register({
    name: 'list-maturity-campaigns',
    title: 'List maturity campaigns',
    description:
      "The maturity campaigns: drives by a platform team to have every in-scope entity reach a goal (pass given checks, or reach a category, overall or MLOps level) by a deadline. Each with its status (upcoming, active, finished), goal in words, deadline and the latest figures (entities in scope, entities meeting the goal), nearest deadline first, a page at a time (`limit`, `offset`; `totalCount` says how many match). With `team`, only campaigns covering entities that group or its sub-groups own, with that team's part.",
    visibilityPermission: maturityScorecardReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .optional()
            .describe('A group, e.g. group:default/payments'),
          status: z
            .enum(['upcoming', 'active', 'finished'])
            .optional()
            .describe('Only campaigns with this status'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('Campaigns to list (default 50)'),
          offset: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe('Campaigns to skip, for the next page'),
        }),
      output: z =>
        z.object({
          campaigns: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              ownerRef: z.string(),
              status: z.string(),
              goal: z.string(),
              allowExemptions: z.boolean(),
              startsOn: z.string(),
              deadline: z.string(),
              latest: z
                .object({
                  day: z.string(),
                  inScope: z.number(),
                  meeting: z.number(),
                })
                .optional()
                .describe('Absent before the first computation'),
              team: z
                .object({ inScope: z.number(), meeting: z.number() })
                .optional()
                .describe("The team's part, when asked for a team"),
            }),
          ),
          totalCount: z
            .number()
            .describe('How many campaigns match (more pages when above)'),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, maturityScorecardReadPermission);
      const day = today();
      const titles = new RubricTitles(evaluator.rubric);
      const page = await campaigns.listCampaignPage({
        statuses: input.status ? [input.status] : undefined,
        today: day,
        ownerRefs: input.team
          ? await groupWithSubgroups(rollups, 'team', input.team)
          : undefined,
        limit: input.limit ?? 50,
        offset: input.offset ?? 0,
      });
      const listed = page.items.map(stored => {
        const campaign = summary(toWireCampaign(stored, day), titles);
        return stored.team
          ? {
              ...campaign,
              team: {
                inScope: stored.team.inScope,
                meeting: stored.team.meeting,
              },
            }
          : campaign;
      });
      return {
        output: { campaigns: listed, totalCount: page.totalCount },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-maturity-campaign',
    title: 'Get a maturity campaign',
    description:
      'One maturity campaign by id (from list-maturity-campaigns): its goal, scope, milestones and status, its burn-up (entities in scope and meeting the goal per day), its teams most entities short first, and a page of the entities still short with the checks each fails and how to fix them.',
    visibilityPermission: maturityScorecardReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          id: z.string().describe('The campaign id'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('Entities still short to list (default 20)'),
          offset: z.number().int().min(0).optional(),
        }),
      output: z =>
        z.object({
          found: z.boolean(),
          id: z.string(),
          campaign: z
            .object({})
            .passthrough()
            .optional()
            .describe('As GET /v1/campaigns/{id} returns it'),
          goal: z.string().optional().describe('The goal in words'),
          days: z
            .array(
              z.object({
                day: z.string(),
                inScope: z.number(),
                meeting: z.number(),
              }),
            )
            .optional()
            .describe('The burn-up, oldest day first'),
          teams: z
            .array(
              z.object({
                ownerRef: z.string(),
                inScope: z.number(),
                meeting: z.number(),
              }),
            )
            .optional()
            .describe('Per owning team on the latest day, most short first'),
          entitiesShort: z
            .object({
              totalCount: z.number(),
              items: z.array(
                z.object({
                  entityRef: z.string(),
                  title: z.string().optional(),
                  ownerRef: z.string().optional(),
                  level: z
                    .number()
                    .optional()
                    .describe('For a level goal: the level it has'),
                  failingChecks: z.array(
                    z.object({
                      checkId: z.string(),
                      title: z.string(),
                      howToFix: z.string(),
                    }),
                  ),
                }),
              ),
            })
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, maturityScorecardReadPermission);
      const stored = await campaigns.getCampaign(input.id);
      if (!stored) return { output: { found: false, id: input.id } };
      const { rubric } = evaluator;
      const checks = rubricChecks(rubric);
      const [days, short] = await Promise.all([
        campaigns.readDays(stored.id),
        campaigns.listCampaignEntities(stored.id, {
          meetsGoal: false,
          limit: input.limit ?? 20,
          offset: input.offset ?? 0,
        }),
      ]);
      return {
        output: {
          found: true,
          id: stored.id,
          campaign: { ...toWireCampaign(stored, today()) },
          goal: goalInWords(stored.goal, new RubricTitles(rubric), 'full'),
          days: days.map(({ day, inScope, meeting }) => ({
            day,
            inScope,
            meeting,
          })),
          teams: mostShortFirst(days[days.length - 1]?.teams ?? []),
          entitiesShort: {
            totalCount: short.totalCount,
            items: short.items.map(entity => ({
              entityRef: entity.entityRef,
              ...(entity.title ? { title: entity.title } : {}),
              ...(entity.ownerRef ? { ownerRef: entity.ownerRef } : {}),
              ...(entity.shortfall?.level !== undefined
                ? { level: entity.shortfall.level }
                : {}),
              failingChecks: (entity.shortfall?.failingChecks ?? []).map(
                checkId => ({
                  checkId,
                  title: checks.get(checkId)?.title ?? checkId,
                  howToFix: checks.get(checkId)?.howToFix ?? '',
                }),
              ),
            })),
          },
        },
      };
    },
  });
}
