/**
 * Test utilities for Maturity source modules.
 *
 * @packageDocumentation
 */

export { RecordingSink } from './RecordingSink';
