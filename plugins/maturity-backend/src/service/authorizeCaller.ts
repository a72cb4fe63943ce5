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
} from '@backstage/plugin-permission-common';

/** Throws a NotAllowedError unless the caller holds the permission. */
export type AuthorizeCaller = (
  credentials: BackstageCredentials,
  permission: BasicPermission,
) => Promise<void>;

/**
 * The one authorization check of the plugin's routes and actions: every
 * permission is a basic one, decided for the caller alone.
 */
export function authorizeCaller(
  permissions: PermissionsService,
): AuthorizeCaller {
  return async (credentials, permission) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
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
