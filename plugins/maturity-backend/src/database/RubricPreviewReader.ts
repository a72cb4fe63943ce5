import {
  CheckState,
  EntityMetrics,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RubricInputs } from './RubricInputs';

/** What a rubric preview reads of one evaluated entity. */
export interface RubricPreviewRow {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
  /** An ML entity: the rubric's MLOps track applied to it. */
  isMl: boolean;
  /** Each evaluated check's stored state, by check id. */
  checkStates: Record<string, CheckState>;
  evaluatedAt: Date;
  /** With `withMetrics`; absent when no metrics are stored. */
  metrics?: EntityMetrics;
  /** With `withInputs`; absent when evaluated before inputs were stored. */
  inputs?: RubricInputs;
}

/** Reads every evaluated entity's stored results, a batch at a time. */
export interface RubricPreviewReader {
  /**
   * Every evaluated entity in entity ref order, in batches of at most
   * `batchSize` rows (one statement each), so a preview never holds more
   * than a batch of stored documents.
   */
  readPreviewRows(options: {
    withMetrics: boolean;
    withInputs: boolean;
    batchSize?: number;
  }): AsyncIterable<RubricPreviewRow[]>;
}
