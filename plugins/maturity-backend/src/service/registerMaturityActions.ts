import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  LEVEL_NAMES,
  maturityScorecardReadPermission,
  nextLevelBlockers,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ScorecardResultStore } from '../database/ScorecardStore';
import { RollupStore } from '../database/RollupStore';
import { authorizeCaller } from './authorizeCaller';
import { ExemptionWorkflow } from '../exemptions/ExemptionWorkflow';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

function canonicalRef(value: string): string {
  try {
    return canonicalEntityRef(
      parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

/** A group reference in canonical form; a bare name is a group's. */
function canonicalGroupRef(value: string): string {
  try {
    return canonicalEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(`ownerRef: ${(error as Error).message}`);
  }
}

/**
 * Registers the main reads as actions, so agents (MCP clients) can ask for an
 * entity's maturity or a team's rollup with the caller's own permissions.
 */
export function registerMaturityActions(
  actionsRegistry: ActionsRegistryService,
  options: {
    results: ScorecardResultStore;
    rollups: RollupStore;
    permissions: PermissionsService;
    /** Given, agents may request exemptions too. */
    exemptionWorkflow?: ExemptionWorkflow;
  },
) {
  const { results, rollups, permissions, exemptionWorkflow } = options;
  const authorize = authorizeCaller(permissions);

  if (exemptionWorkflow) {
    actionsRegistry.register({
      name: 'request-maturity-exemption',
      title: 'Request a maturity exemption',
      description:
        "Requests an exemption (waiver) of one maturity check for one entity, on behalf of the calling user, who becomes the requester. A decider approves or denies it later (unless the check is configured for auto-approval); only an approved exemption counts the check as met. Give the reason the check does not fit and, ideally, an expiry. Check ids come from get-entity-maturity's blockers (e.g. 'test.3.e2e-tests').",
      visibilityPermission: maturityScorecardReadPermission,
      attributes: { readOnly: false, idempotent: false, destructive: false },
      schema: {
        input: z =>
          z.object({
            entityRef: z
              .string()
              .describe(
                'Entity reference, e.g. component:default/checkout-api',
              ),
            checkId: z.string().describe('The check to waive'),
            reason: z
              .string()
              .min(1)
              .max(2000)
              .describe('Why the check does not apply or cannot be met yet'),
            expiresAt: z
              .string()
              .optional()
              .describe(
                'RFC 3339 date-time the waiver should end, e.g. 2027-03-31T00:00:00Z',
              ),
          }),
        output: z =>
          z.object({
            id: z.string(),
            entityRef: z.string(),
            checkId: z.string(),
            status: z
              .string()
              .describe("'requested', or 'approved' when auto-approved"),
            expiresAt: z.string().optional(),
          }),
      },
      action: async ({ input, credentials }) => {
        await authorize(credentials, maturityScorecardReadPermission);
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type !== 'user' || !principal.userEntityRef) {
          throw new NotAllowedError('Only users may request exemptions');
        }
        const exemption = await exemptionWorkflow.request({
          entityRef: canonicalRef(input.entityRef),
          checkId: input.checkId,
          reason: input.reason,
          expiresAt: input.expiresAt,
          requester: principal.userEntityRef,
        });
        return {
          output: {
            id: exemption.id,
            entityRef: exemption.entityRef,
            checkId: exemption.checkId,
            status: exemption.status,
            ...(exemption.expiresAt ? { expiresAt: exemption.expiresAt } : {}),
          },
        };
      },
    });
  }

  actionsRegistry.register({
    name: 'get-entity-maturity',
    title: 'Get entity maturity',
    description:
      "An entity's DevOps maturity scorecard: overall and per-category levels (0-5, Continuous Delivery Maturity Model), its DORA delivery band and metrics with sample sizes, and the failing checks that block each category's next level with how to fix them. Computed from recorded deploys, CI runs, pull requests and incidents.",
    visibilityPermission: maturityScorecardReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity reference, e.g. component:default/checkout-api'),
        }),
      output: z =>
        z.object({
          found: z.boolean(),
          entityRef: z.string(),
          overallLevel: z.number().optional(),
          overallLevelName: z.string().optional(),
          evaluatedAt: z.string().optional(),
          categories: z
            .array(z.object({ category: z.string(), level: z.number() }))
            .optional(),
          deliveryBand: z.string().nullable().optional(),
          delivery: z
            .array(
              z.object({
                metric: z.string(),
                value: z.number().nullable(),
                status: z.string(),
                sampleSize: z.number(),
                band: z.string().nullable(),
              }),
            )
            .optional(),
          nextLevelBlockers: z
            .array(
              z.object({
                category: z.string(),
                nextLevel: z.number(),
                checks: z.array(
                  z.object({
                    checkId: z.string(),
                    title: z.string(),
                    state: z.string(),
                    message: z.string(),
                    howToFix: z.string(),
                  }),
                ),
              }),
            )
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, maturityScorecardReadPermission);
      const entityRef = canonicalRef(input.entityRef);
      const scorecard = await results.getScorecard(entityRef);
      if (!scorecard) {
        return { output: { found: false, entityRef } };
      }
      const { delivery } = scorecard;
      return {
        output: {
          found: true,
          entityRef,
          overallLevel: scorecard.overallLevel,
          overallLevelName: LEVEL_NAMES[scorecard.overallLevel],
          evaluatedAt: scorecard.evaluatedAt,
          categories: scorecard.categories.map(c => ({
            category: c.category,
            level: c.level,
          })),
          deliveryBand: delivery.overallBand,
          delivery: [
            delivery.deploymentFrequency,
            delivery.leadTime,
            delivery.changeFailureRate,
            delivery.recoveryTime,
            delivery.reworkRate,
          ].map(m => ({
            metric: m.metricId,
            value: m.value,
            status: m.status,
            sampleSize: m.sampleSize,
            band: m.band,
          })),
          nextLevelBlockers: nextLevelBlockers(scorecard).map(b => ({
            category: b.category,
            nextLevel: b.nextLevel,
            checks: b.checks.map(c => ({
              checkId: c.checkId,
              title: c.title,
              state: c.state,
              message: c.message,
              howToFix: c.howToFix,
            })),
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-maturity-rollup',
    title: 'Get maturity rollup',
    description:
      "Maturity across a group (including all its sub-groups), a system, a domain, or the whole organisation ('org'): level distribution, category medians, the most failed checks, how many entities improved or dropped in the last 30 days, and for ML entities their Google MLOps levels (0 manual, 1 ML pipeline automation, 2 CI/CD pipeline automation).",
    visibilityPermission: maturityScorecardReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          scopeRef: z
            .string()
            .describe(
              "'org', or a group, system or domain ref, e.g. group:default/payments",
            ),
        }),
      output: z =>
        z.object({
          found: z.boolean(),
          scopeRef: z.string(),
          entityCount: z.number().optional(),
          overallMedian: z.number().nullable().optional(),
          levelDistribution: z.array(z.number()).optional(),
          categoryMedians: z.record(z.number().nullable()).optional(),
          mostFailedChecks: z
            .array(
              z.object({
                checkId: z.string(),
                failed: z.number(),
                applicable: z.number(),
              }),
            )
            .optional(),
          improved: z.number().optional(),
          dropped: z.number().optional(),
          mlops: z
            .object({
              entityCount: z.number(),
              levelDistribution: z.array(z.number()),
              median: z.number(),
              mostFailedChecks: z.array(
                z.object({
                  checkId: z.string(),
                  failed: z.number(),
                  applicable: z.number(),
                }),
              ),
            })
            .optional()
            .describe('Absent when the scope has no ML entity'),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, maturityScorecardReadPermission);
      const scopeRef =
        input.scopeRef.trim().toLocaleLowerCase('en-US') === 'org'
          ? 'org'
          : canonicalRef(input.scopeRef);
      const rollup = await rollups.getRollup(scopeRef);
      if (!rollup) {
        return { output: { found: false, scopeRef } };
      }
      return {
        output: {
          found: true,
          scopeRef,
          entityCount: rollup.entityCount,
          overallMedian: rollup.overall.median,
          levelDistribution: [...rollup.overall.distribution],
          categoryMedians: Object.fromEntries(
            Object.entries(rollup.categories).map(([c, s]) => [c, s.median]),
          ),
          mostFailedChecks: rollup.mostFailedChecks,
          improved: rollup.movers.improved.length,
          dropped: rollup.movers.dropped.length,
          ...(rollup.mlops
            ? {
                mlops: {
                  entityCount: rollup.mlops.entityCount,
                  levelDistribution: [...rollup.mlops.distribution],
                  median: rollup.mlops.median,
                  mostFailedChecks: rollup.mlops.mostFailedChecks,
                },
              }
            : {}),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'list-maturity-at-risk',
    title: 'List maturity levels at risk',
    description:
      "The categories whose maturity level is held above what today's checks give, for one entity or the entities a team (group) owns directly: a level drops only after it was found below on several days in a row (maturity.evaluation.levelDropAfterDays), so these are the drops still preventable. For each: the held and today's level, the day it drops if still below, and the checks that cause it with how to fix them.",
    visibilityPermission: maturityScorecardReadPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe('An entity, e.g. component:default/checkout-api'),
          ownerRef: z
            .string()
            .optional()
            .describe('A team, e.g. group:default/payments'),
        }),
      output: z =>
        z.object({
          entities: z.array(
            z.object({
              entityRef: z.string(),
              overallLevel: z.number(),
              rawOverallLevel: z.number().optional(),
              categories: z.array(
                z.object({
                  category: z.string(),
                  heldLevel: z.number(),
                  rawLevel: z.number(),
                  belowDays: z.number(),
                  dropsOn: z.string(),
                  checks: z.array(
                    z.object({
                      checkId: z.string(),
                      title: z.string(),
                      state: z.string(),
                      howToFix: z.string(),
                    }),
                  ),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, maturityScorecardReadPermission);
      if (!input.entityRef === !input.ownerRef) {
        throw new InputError('Give exactly one of entityRef and ownerRef');
      }
      const scorecards = await results.listAtRisk(
        input.entityRef
          ? { entityRef: canonicalRef(input.entityRef) }
          : { ownerRef: canonicalGroupRef(input.ownerRef!) },
      );
      return {
        output: {
          entities: scorecards.map(scorecard => ({
            entityRef: scorecard.entityRef,
            overallLevel: scorecard.overallLevel,
            ...(scorecard.rawOverallLevel !== undefined
              ? { rawOverallLevel: scorecard.rawOverallLevel }
              : {}),
            categories: scorecard.categories.flatMap(category =>
              category.atRisk
                ? [
                    {
                      category: category.category,
                      heldLevel: category.level,
                      rawLevel: category.rawLevel ?? category.level,
                      belowDays: category.atRisk.belowDays,
                      dropsOn: category.atRisk.dropsOn,
                      checks: category.atRisk.checks.flatMap(id => {
                        const check = scorecard.checks.find(
                          c => c.checkId === id,
                        );
                        return check
                          ? [
                              {
                                checkId: id,
                                title: check.title,
                                state: check.state,
                                howToFix: check.howToFix,
                              },
                            ]
                          : [];
                      }),
                    },
                  ]
                : [],
            ),
          })),
        },
      };
    },
  });
}
