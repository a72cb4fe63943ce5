/**
 * Types, the normalized event model and permissions shared by the Maturity
 * frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './events';
export * from './permissions';
