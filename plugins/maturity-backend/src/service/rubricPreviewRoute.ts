import { TypedRouter } from '@backstage/backend-openapi-utils';
import { maturityRubricPreviewPermission } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RubricPreviewReader } from '../database/RubricPreviewReader';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { previewRubric } from '../scoring/preview/previewRubric';
import { EndpointMap } from '../schema/openapi.generated';
import { AuthorizeRequest } from './authorizeCaller';

/**
 * `POST /v1/rubric/preview`: what a proposed rubric override would do to
 * every entity's levels, from the stored results.
 */
export function addRubricPreviewRoute(
  api: TypedRouter<EndpointMap>,
  options: {
    authorize: AuthorizeRequest;
    rubricPreview: RubricPreviewReader;
    evaluator: Pick<EntityEvaluator, 'rubric' | 'advisoryCheckIds'>;
  },
) {
  api.post('/v1/rubric/preview', async (req, res) => {
    await options.authorize(req, maturityRubricPreviewPermission);
    res.json(
      await previewRubric(options.rubricPreview, {
        current: options.evaluator.rubric,
        advisoryChecks: await options.evaluator.advisoryCheckIds(),
        overrides: req.body.rubric,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      }),
    );
  });
}
