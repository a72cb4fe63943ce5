import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { maturityExemptionDecidePermission } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  createMaturityEntityConditionalDecision,
  maturityEntityConditions,
} from './exemptionDecisionRules';

// The README's example policy, as written there: it must compile and decide
// as the README says.
class ExemptionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, maturityExemptionDecidePermission)) {
      const claims = user?.info.ownershipEntityRefs ?? [];
      if (!claims.includes('group:default/platform')) {
        return { result: AuthorizeResult.DENY };
      }
      // The platform group decides, except for the entities it owns.
      return createMaturityEntityConditionalDecision(request.permission, {
        not: maturityEntityConditions.isEntityOwner({ claims }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const userOf = (ownershipEntityRefs: string[]) =>
  ({
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as unknown as PolicyQueryUser);

describe('the README example policy', () => {
  const policy = new ExemptionPolicy();
  const decide = { permission: maturityExemptionDecidePermission };

  it('denies deciding to anyone outside the platform group', async () => {
    await expect(
      policy.handle(
        decide,
        userOf(['user:default/ana', 'group:default/checkout']),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets the platform group decide on the entities it does not own', async () => {
    const claims = ['user:default/bo', 'group:default/platform'];
    await expect(policy.handle(decide, userOf(claims))).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'maturity',
      resourceType: 'catalog-entity',
      conditions: {
        not: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims },
        },
      },
    });
  });
});
