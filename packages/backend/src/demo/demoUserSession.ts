/*
 * Demo only: what the demo's start-up flows share to call the plugins' REST
 * APIs as a named catalog user, signed in through one of the demo sign-in
 * providers (demoColleagueSignIn.ts).
 */

import { DiscoveryService } from '@backstage/backend-plugin-api';

/** The body of a successful answer; throws naming `what` otherwise. */
export async function json(res: Response, what: string) {
  if (!res.ok) throw new Error(`${what} answered ${res.status}`);
  return res.json();
}

/** Signs in through a demo provider: the user's token and entity ref. */
export async function demoUserSession(
  discovery: DiscoveryService,
  providerId: string,
) {
  const auth = await discovery.getBaseUrl('auth');
  const res = await fetch(`${auth}/${providerId}/refresh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
  });
  const body = await json(res, `the ${providerId} sign-in`);
  const token = body.backstageIdentity.token as string;
  return {
    userEntityRef: body.backstageIdentity.identity.userEntityRef as string,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
  };
}
