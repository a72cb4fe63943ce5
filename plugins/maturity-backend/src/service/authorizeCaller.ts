import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Throws a NotAllowedError unless the caller holds the permission: a basic
 * one, or a resource permission on the resource `resourceRef` names.
 */
export type AuthorizeCaller = {
  (
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void>;
  (
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    resourceRef: string,
  ): Promise<void>;
};

/**
 * The one authorization check of the plugin's routes and actions: basic
 * permissions are decided for the caller alone; a resource permission (to
 * decide exemptions of a catalog entity) for the caller and the entity, so a
 * policy's conditional decision is resolved on it.
 */
export function authorizeCaller(
  permissions: PermissionsService,
): AuthorizeCaller {
  return async (
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
  ) => {
    const [decision] = await permissions.authorize(
      [
        permission.type === 'resource'
          ? { permission, resourceRef: resourceRef! }
          : { permission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  };
}

/**
 * A route's caller, authorized: reads the request's credentials (users and
 * services unless `allow` says otherwise), checks the permission with
 * {@link authorizeCaller}, and returns them.
 */
export type AuthorizeRequest = <
  TAllowed extends keyof BackstagePrincipalTypes = 'user' | 'service',
>(
  req: Parameters<HttpAuthService['credentials']>[0],
  permission: BasicPermission,
  options?: { allow: TAllowed[] },
) => Promise<BackstageCredentials<BackstagePrincipalTypes[TAllowed]>>;

/** {@link AuthorizeRequest} for routes. */
export function authorizeRequest(
  httpAuth: HttpAuthService,
  authorize: AuthorizeCaller,
): AuthorizeRequest {
  return async <TAllowed extends keyof BackstagePrincipalTypes>(
    req: Parameters<HttpAuthService['credentials']>[0],
    permission: BasicPermission,
    options?: { allow: TAllowed[] },
  ) => {
    const credentials = await httpAuth.credentials<TAllowed>(req, {
      allow: options?.allow ?? (['user', 'service'] as TAllowed[]),
    });
    await authorize(credentials, permission);
    return credentials;
  };
}
