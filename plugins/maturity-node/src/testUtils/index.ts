/**
 * Test utilities for Maturity source modules.
 *
 * @packageDocumentation
 */

export { RecordingSink } from './RecordingSink';
export type { MaturityEventSink, SourceEvent } from '../sources';
