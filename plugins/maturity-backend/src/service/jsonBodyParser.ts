import { InputError } from '@backstage/errors';
import express from 'express';
import { IngestLimits } from './IngestLimits';
import { findJsonShapeProblem } from './jsonShape';
import { spec } from '../schema/openapi.generated';

/**
 * Deepest nesting of arrays and objects a request body may have. The
 * deepest valid body (a batch, an event, a list of SHAs) nests 3 levels.
 */
export const MAX_JSON_DEPTH = 16;

/** The largest value of a bound (`maxItems`, `maxLength`) in the spec's schemas. */
function largestSchemaBound(bound: 'maxItems' | 'maxLength'): number {
  let largest = 0;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === bound && typeof inner === 'number') {
          largest = Math.max(largest, inner);
        } else {
          visit(inner);
        }
      }
    }
  };
  visit(spec.components.schemas);
  return largest;
}

// Raw bytes one character of a JSON string can take: `\uXXXX`.
const MAX_BYTES_PER_CHARACTER = 6;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = status === 400 ? 'InputError' : 'UnsupportedMediaTypeError';
  }
}

/**
 * express.json with the limits of the API: at most `maxBodyBytes` (413),
 * UTF-8 only (415), nested at most MAX_JSON_DEPTH levels, no array longer
 * than the longest the API accepts (a batch's events, or the largest
 * `maxItems` of the schemas) and no string that must be longer than the
 * largest `maxLength`, all checked on the raw bytes before
 * parsing (400 naming the body): no recursive code ever walks a deep
 * structure, and no parse is spent on an array that would be refused.
 * Unparsable JSON is a 400 naming the body.
 */
export function jsonBodyParser(limits: IngestLimits): express.Handler {
  const shape = {
    maxDepth: MAX_JSON_DEPTH,
    maxArrayItems: Math.max(
      limits.maxEventsPerBatch,
      largestSchemaBound('maxItems'),
    ),
    // Generous: a string this long in bytes is too long in characters
    // however it is encoded; shorter ones get the message naming the field.
    maxStringBytes: MAX_BYTES_PER_CHARACTER * largestSchemaBound('maxLength'),
  };
  const parse = express.json({
    limit: limits.maxBodyBytes,
    verify(req, _res, buf) {
      const charset = /;\s*charset=["']?([^;"'\s]+)/i.exec(
        String(req.headers['content-type'] ?? ''),
      )?.[1];
      if (charset && charset.toLowerCase() !== 'utf-8') {
        throw new BodyError(415, `body: send JSON as UTF-8, not ${charset}`);
      }
      const problem = findJsonShapeProblem(buf, shape);
      if (problem === 'depth') {
        throw new BodyError(
          400,
          `body: nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
        );
      }
      if (problem === 'arrayItems') {
        throw new BodyError(
          400,
          `body: holds an array of more than ${shape.maxArrayItems} items, more than any field or batch accepts`,
        );
      }
      if (problem === 'stringBytes') {
        throw new BodyError(
          400,
          `body: holds a string of more than ${shape.maxStringBytes} bytes, longer than any field accepts`,
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
