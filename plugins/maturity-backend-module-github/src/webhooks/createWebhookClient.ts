import { GithubCredentialsProvider } from '@backstage/integration';
import { GithubClient } from '../api/GithubClient';

/**
 * The client for the look-ups of webhook deliveries. GitHub waits 10
 * seconds for an answer and the events ingress answers once the delivery is
 * written, so its requests are short and never wait out a rate limit: a
 * delivery that cannot be completed is skipped and the next pull sync reads
 * what it carried.
 */
export function createWebhookClient(
  credentials: GithubCredentialsProvider,
): GithubClient {
  return new GithubClient({
    credentials,
    timeoutMs: 3_000,
    maxAttempts: 2,
    backoffMs: 200,
    maxRateLimitWaitMs: 0,
  });
}
