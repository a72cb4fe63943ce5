import {
  CATEGORY_IDS,
  isWaived,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
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
  'mlopsLevel',
  'rubricVersion',
  'evaluatedAt',
  'overallLevelWithoutWaivers',
  'waivedChecks',
];

// A cell a spreadsheet could read as a formula: a formula character (ASCII,
// fullwidth or small form, or the minus sign) after any leading whitespace or
// invisible format character (space, tab, no-break space, BOM, zero-width
// and bidirectional marks...), which spreadsheets skip; or a leading tab or
// carriage return.
const FORMULA =
  /^(?:[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]|[\t\r])/u;

// RFC 4180 quoting; a formula is neutralised with a leading apostrophe so a
// spreadsheet never executes a value from the catalog.
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** How many of the row's checks are met only through their exemption. */
function waivedChecks(row: ScorecardSummary): number {
  let count = 0;
  for (const [checkId, state] of Object.entries(row.checkStates)) {
    const stateWithoutWaiver = row.waivedCheckStates?.[checkId];
    if (
      isWaived({
        state,
        stateWithoutWaiver:
          stateWithoutWaiver === 'exempt' ? undefined : stateWithoutWaiver,
      })
    ) {
      count += 1;
    }
  }
  return count;
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
        row.mlopsLevel,
        row.rubricVersion,
        row.evaluatedAt,
        // Empty when not known (evaluated before it was kept).
        row.levelsWithoutWaivers?.overallLevel,
        row.waivedCheckStates && waivedChecks(row),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
