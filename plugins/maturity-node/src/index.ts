/**
 * Extension points and types for Maturity source modules: backend modules
 * that collect events from a tool (GitHub, PagerDuty, ...) and write them into
 * the Maturity plugin's store.
 *
 * @packageDocumentation
 */

export * from './sources';
export { mapWithConcurrency } from './mapWithConcurrency';
