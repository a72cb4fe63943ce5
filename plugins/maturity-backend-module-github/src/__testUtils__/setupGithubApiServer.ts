import { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { SeenRequest, githubHandlers } from './githubApi';

/**
 * An msw server answering as the GitHub API from the fixtures, for one test
 * file: listening for the file's tests, handlers and the record of requests
 * reset before each test. `more` adds handlers that record into the same
 * list (e.g. webhookLookupHandlers).
 */
export function setupGithubApiServer(
  more: (seen: SeenRequest[]) => RequestHandler[] = () => [],
) {
  const seen: SeenRequest[] = [];
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    seen.length = 0;
    server.resetHandlers(...githubHandlers(seen), ...more(seen));
  });
  afterAll(() => server.close());
  return { server, seen };
}
