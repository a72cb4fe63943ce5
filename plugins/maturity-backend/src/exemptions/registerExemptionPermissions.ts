import {
  AuthService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { maturityExemptionDecidePermission } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  maturityEntityPermissionResourceRef,
  maturityEntityPermissionRules,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

/**
 * Registers the plugin's `catalog-entity` resource type with the rules a
 * policy's conditional decisions on `maturity.exemption.decide` use: the
 * permission backend sends such conditions here, and the entity is loaded
 * from the catalog (with the plugin's own credentials) to apply them.
 */
export function registerExemptionPermissions(options: {
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
}) {
  const { catalog, auth } = options;
  options.permissionsRegistry.addResourceType({
    resourceRef: maturityEntityPermissionResourceRef,
    permissions: [maturityExemptionDecidePermission],
    rules: Object.values(maturityEntityPermissionRules),
    getResources: async resourceRefs => {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: resourceRefs },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return items.map(entity => entity ?? undefined);
    },
  });
}
