import { TypedRouter } from '@backstage/backend-openapi-utils';
import {
  Exemption,
  maturityExemptionDecidePermission,
  maturityScorecardReadPermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ExemptionStore } from '../database/ExemptionStore';
import { ExemptionWorkflow } from '../exemptions/ExemptionWorkflow';
import { EndpointMap } from '../schema/openapi.generated';
import { AuthorizeCaller, AuthorizeRequest } from './authorizeCaller';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/**
 * The exemption workflow's routes. Reading and requesting need the read
 * permission; approving, denying and revoking need
 * `maturity.exemption.decide` on the exemption's entity; withdrawing is the
 * requester's alone. Only users request and decide, never services.
 */
export function addExemptionRoutes(
  api: TypedRouter<EndpointMap>,
  options: {
    authorize: AuthorizeRequest;
    authorizeCaller: AuthorizeCaller;
    exemptions: Pick<
      ExemptionStore,
      'listEntityExemptions' | 'listExemptionEvents'
    >;
    workflow: ExemptionWorkflow;
  },
) {
  const { authorize, authorizeCaller, exemptions, workflow } = options;

  /** The exemption, once the caller may decide on its entity. */
  async function forDecider(req: Parameters<AuthorizeRequest>[0], id: string) {
    const credentials = await authorize(req, maturityScorecardReadPermission, {
      allow: ['user'],
    });
    const exemption: Exemption = await workflow.get(id);
    await authorizeCaller(
      credentials,
      maturityExemptionDecidePermission,
      exemption.entityRef,
    );
    return { exemption, actor: credentials.principal.userEntityRef };
  }

  api.get(
    '/v1/entities/:kind/:namespace/:name/exemptions',
    async (req, res) => {
      await authorize(req, maturityScorecardReadPermission);
      res.json({
        items: await exemptions.listEntityExemptions(
          canonicalEntityRef(req.params),
        ),
      });
    },
  );

  api.get(
    '/v1/entities/:kind/:namespace/:name/exemption-events',
    async (req, res) => {
      await authorize(req, maturityScorecardReadPermission);
      res.json({
        items: await exemptions.listExemptionEvents(
          canonicalEntityRef(req.params),
        ),
      });
    },
  );

  api.post(
    '/v1/entities/:kind/:namespace/:name/exemptions',
    async (req, res) => {
      const credentials = await authorize(
        req,
        maturityScorecardReadPermission,
        {
          allow: ['user'],
        },
      );
      const { checkId, reason, expiresAt } = req.body;
      const exemption = await workflow.request({
        entityRef: canonicalEntityRef(req.params),
        checkId,
        reason,
        expiresAt,
        requester: credentials.principal.userEntityRef,
      });
      res.status(201).json(exemption);
    },
  );

  api.post('/v1/exemptions/:id/approve', async (req, res) => {
    const { exemption, actor } = await forDecider(req, req.params.id);
    res.json(await workflow.approve(exemption, actor, req.body));
  });

  api.post('/v1/exemptions/:id/deny', async (req, res) => {
    const { exemption, actor } = await forDecider(req, req.params.id);
    res.json(await workflow.deny(exemption, actor, req.body.comment));
  });

  api.post('/v1/exemptions/:id/revoke', async (req, res) => {
    const { exemption, actor } = await forDecider(req, req.params.id);
    res.json(await workflow.revoke(exemption, actor, req.body.comment));
  });

  // Deprecated: DELETE revoked before the workflow existed.
  api.delete('/v1/exemptions/:id', async (req, res) => {
    const { exemption, actor } = await forDecider(req, req.params.id);
    await workflow.revoke(exemption, actor);
    res.status(204).end();
  });

  api.post('/v1/exemptions/:id/withdraw', async (req, res) => {
    const credentials = await authorize(req, maturityScorecardReadPermission, {
      allow: ['user'],
    });
    const exemption = await workflow.get(req.params.id);
    res.json(
      await workflow.withdraw(
        exemption,
        credentials.principal.userEntityRef,
        req.body.comment,
      ),
    );
  });
}
