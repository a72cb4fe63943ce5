import { Knex } from 'knex';
import { readPreviewRows } from './operations/rubricPreview/readPreviewRows';
import { RubricPreviewReader } from './RubricPreviewReader';

/** Reads the stored results a rubric preview evaluates, batch by batch. */
export class DatabaseRubricPreviewReader implements RubricPreviewReader {
  constructor(private readonly db: Knex) {}

  readPreviewRows(options: {
    withMetrics: boolean;
    withInputs: boolean;
    batchSize?: number;
  }) {
    return readPreviewRows(this.db, options);
  }
}
