import { RequestErrorFactory } from './fetchWithRetry';

/**
 * Reads a tool's answer as JSON. A body that is not JSON fails with
 * `<what> answered <status> with malformed JSON`, made by `createError`.
 * @public
 */
export async function readJsonBody<T = unknown>(
  response: Response,
  options: { what: string; createError: RequestErrorFactory },
): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw options.createError(
      `${options.what} answered ${response.status} with malformed JSON`,
      response.status,
    );
  }
}
