import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';

// knex prefixes a failed statement's error message with the statement.
const DATABASE_ERRORS = new Set([
  'SqliteError',
  'DatabaseError',
  'KnexTimeoutError',
]);

function isDatabaseError(error: unknown): boolean {
  const e = error as { constructor?: { name?: string }; code?: unknown };
  return (
    !!e &&
    (DATABASE_ERRORS.has(e.constructor?.name ?? '') ||
      (typeof e.code === 'string' && e.code.startsWith('SQLITE_')))
  );
}

/**
 * Replaces a database error on its way to Backstage's error handler by one
 * without its text (which holds the SQL statement and its values), after
 * logging the original. Every input is bounded before it reaches the store,
 * so this is for the database failing, not for callers.
 */
export function databaseErrorsWithoutSql(
  logger?: LoggerService,
): express.ErrorRequestHandler {
  return (error, _req, _res, next) => {
    if (!isDatabaseError(error)) {
      next(error);
      return;
    }
    logger?.error('Maturity request failed in the database', error);
    const hidden = new Error('The request failed in the database');
    delete hidden.stack;
    next(hidden);
  };
}
