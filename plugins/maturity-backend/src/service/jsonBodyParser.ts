import { InputError } from '@backstage/errors';
import express from 'express';
import { IngestLimits } from './IngestLimits';
import { jsonNestsDeeperThan } from './jsonNestingDepth';

/**
 * Deepest nesting of arrays and objects a request body may have. The
 * deepest valid body (a batch, an event, a list of SHAs) nests 3 levels.
 */
export const MAX_JSON_DEPTH = 16;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = status === 400 ? 'InputError' : 'UnsupportedMediaTypeError';
  }
}

/**
 * express.json with the limits of the API: at most `maxBodyBytes` (413),
 * UTF-8 only (415), and nested at most MAX_JSON_DEPTH levels, checked on the
 * raw bytes before parsing (400 naming the body), so that no recursive code
 * ever walks a deep structure. Unparsable JSON is a 400 naming the body.
 */
export function jsonBodyParser(limits: IngestLimits): express.Handler {
  const parse = express.json({
    limit: limits.maxBodyBytes,
    verify(req, _res, buf) {
      const charset = /;\s*charset=["']?([^;"'\s]+)/i.exec(
        String(req.headers['content-type'] ?? ''),
      )?.[1];
      if (charset && charset.toLowerCase() !== 'utf-8') {
        throw new BodyError(415, `body: send JSON as UTF-8, not ${charset}`);
      }
      if (jsonNestsDeeperThan(buf, MAX_JSON_DEPTH)) {
        throw new BodyError(
          400,
          `body: nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
        );
      }
    },
  });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      const failure = error as { type?: string; message: string } | undefined;
      if (failure?.type === 'entity.parse.failed') {
        next(new InputError(`body: not valid JSON (${failure.message})`));
        return;
      }
      // body-parser's own refusals (size, charset, encoding) name the body too.
      if (failure?.type && !failure.message.startsWith('body: ')) {
        failure.message = `body: ${failure.message}`;
      }
      next(error);
    });
}
