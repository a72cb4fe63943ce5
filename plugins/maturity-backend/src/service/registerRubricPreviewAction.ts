import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { maturityRubricPreviewPermission } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RubricPreviewReader } from '../database/RubricPreviewReader';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { describeLevelChanges } from '../scoring/preview/describeLevelChanges';
import { previewRubric } from '../scoring/preview/previewRubric';
import { authorizeCaller } from './authorizeCaller';

/**
 * Registers `preview-maturity-rubric`, so an agent can tell a platform team
 * what a proposed rubric change would do before it is merged, with the
 * caller's own permissions (the route's).
 */
export function registerRubricPreviewAction(
  actionsRegistry: ActionsRegistryService,
  options: {
    rubricPreview: RubricPreviewReader;
    evaluator: Pick<EntityEvaluator, 'rubric' | 'advisoryCheckIds'>;
    permissions: PermissionsService;
  },
) {
  const authorize = authorizeCaller(options.permissions);
  actionsRegistry.register({
    name: 'preview-maturity-rubric',
    title: 'Preview a maturity rubric change',
    description:
      "Previews what a proposed maturity rubric override would do to every entity's maturity levels before it is applied: how many entities of each kind drop or rise from which level to which (overall, per category, MLOps), the changed checks responsible, per owning team, and a page of affected entities. The override has the shape of `maturity.rubric` in app-config and replaces the configured one: `checks: { '<checkId>': { threshold?, enabled?, required? } }` and `addChecks: [...]`; check ids and rules come from the rubric (e.g. 'test.3.e2e-tests'). Computed from stored results, no data is changed.",
    visibilityPermission: maturityRubricPreviewPermission,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          rubric: z
            .record(z.string(), z.unknown())
            .describe('The proposed maturity.rubric override'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(500)
            .optional()
            .describe('Affected entities to list (default 20)'),
          offset: z.number().int().min(0).optional(),
        }),
      output: z =>
        z.object({
          summary: z
            .array(z.string())
            .describe('Each level change as a sentence'),
          preview: z
            .object({})
            .passthrough()
            .describe(
              'The full preview, as POST /v1/rubric/preview returns it',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorize(credentials, maturityRubricPreviewPermission);
      const preview = await previewRubric(options.rubricPreview, {
        current: options.evaluator.rubric,
        advisoryChecks: await options.evaluator.advisoryCheckIds(),
        overrides: input.rubric,
        limit: input.limit ?? 20,
        offset: input.offset ?? 0,
      });
      return {
        output: {
          summary: describeLevelChanges(preview.levelChanges),
          preview,
        },
      };
    },
  });
}
