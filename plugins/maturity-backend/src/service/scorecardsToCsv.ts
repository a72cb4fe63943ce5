import { CATEGORY_IDS } from '@internal/plugin-maturity-common';
import { ScorecardSummary } from '../database/ScorecardStore';

const HEADER = [
  'entityRef',
  'title',
  'kind',
  'type',
  'lifecycle',
  'owner',
  'system',
  'domain',
  'overallLevel',
  ...CATEGORY_IDS,
  'deliveryBand',
  'imbalanced',
  'rubricVersion',
  'evaluatedAt',
];

// RFC 4180 quoting; a leading formula character is neutralised so a
// spreadsheet never executes a value from the catalog.
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The scorecard list as CSV, one row per entity. */
export function scorecardsToCsv(rows: ScorecardSummary[]): string {
  const lines = [HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.entityRef,
        row.title,
        row.kind,
        row.type,
        row.lifecycle,
        row.ownerRef,
        row.systemRef,
        row.domainRef,
        row.overallLevel,
        ...CATEGORY_IDS.map(c => row.categoryLevels[c]),
        row.deliveryBand,
        row.imbalanced,
        row.rubricVersion,
        row.evaluatedAt,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
