import { InfoCard } from '@backstage/core-components';
import {
  CategoryId,
  RubricPreview,
  RubricPreviewScope,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { CATEGORY_TITLES } from '../../scorecard/categoryTitles';

/** Props of {@link RubricPreviewResult}. */
export interface RubricPreviewResultProps {
  preview: RubricPreview;
  /** Changes the page of affected entities (0-based). */
  onPageChange: (page: number) => void;
}

function scopeTitle(scope: RubricPreviewScope): string {
  if (scope === 'overall') return 'Overall';
  if (scope === 'mlops') return 'MLOps';
  return CATEGORY_TITLES[scope as CategoryId] ?? scope;
}

function change(from: number, to: number): string {
  return `${from} → ${to} (${to < from ? 'drops' : 'rises'})`;
}

function entities(count: number, kind: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? kind : `${kind}s`}`;
}

function SimpleTable(props: {
  label: string;
  header: string[];
  rows: ReactNode[][];
  empty: string;
}) {
  if (props.rows.length === 0) {
    return <Typography variant="body2">{props.empty}</Typography>;
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          {props.header.map(cell => (
            <TableCell key={cell} style={{ whiteSpace: 'nowrap' }}>
              {cell}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * What a proposed rubric override would do: how many entities move from
 * which level to which, the changed checks responsible, per team, and the
 * affected entities a page at a time.
 */
export function RubricPreviewResult(props: RubricPreviewResultProps) {
  const { preview, onPageChange } = props;
  const page = preview.entities;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <InfoCard title="Level changes">
          <Typography variant="body2" paragraph>
            {`${preview.entitiesChanged.toLocaleString(
              'en-US',
            )} of ${preview.entitiesCompared.toLocaleString(
              'en-US',
            )} entities would change level.`}
            {preview.notPreviewable > 0
              ? ` ${preview.notPreviewable.toLocaleString(
                  'en-US',
                )} could not be previewed: evaluated before their inputs were stored, they are compared after the next evaluation run.`
              : ''}
          </Typography>
          <SimpleTable
            label="Level changes"
            header={['Level', 'Change', 'Entities']}
            rows={preview.levelChanges.map(c => [
              scopeTitle(c.scope),
              change(c.from, c.to),
              entities(c.count, c.kind),
            ])}
            empty="No level would change."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Checks responsible">
          <SimpleTable
            label="Checks responsible"
            header={['Check', 'Lowers', 'Raises']}
            rows={preview.checks.map(c => [
              <>
                <Typography variant="body2">{c.title}</Typography>
                <Typography variant="caption">{c.checkId}</Typography>
              </>,
              c.lowered,
              c.raised,
            ])}
            empty={
              preview.changedChecks.length === 0
                ? 'The override changes no check of the active rubric.'
                : 'The changed checks move no level.'
            }
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Per team">
          <SimpleTable
            label="Per team"
            header={['Owner', 'Overall drops', 'Overall rises', 'Any change']}
            rows={preview.teams.map(t => [
              t.ownerRef ?? 'No owner',
              t.lowered,
              t.raised,
              t.changed,
            ])}
            empty="No team is affected."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Affected entities">
          <SimpleTable
            label="Affected entities"
            header={['Entity', 'Owner', 'Changes', 'Checks']}
            rows={page.items.map(e => [
              <>
                <Typography variant="body2">
                  {e.title ?? e.entityRef}
                </Typography>
                <Typography variant="caption">{e.entityRef}</Typography>
              </>,
              e.ownerRef ?? '—',
              e.changes
                .map(c => `${scopeTitle(c.scope)} ${c.from} → ${c.to}`)
                .join(', '),
              e.checks.join(', '),
            ])}
            empty="No entity is affected."
          />
          {page.totalCount > page.limit && (
            <TablePagination
              component="div"
              count={page.totalCount}
              page={Math.floor(page.offset / page.limit)}
              rowsPerPage={page.limit}
              rowsPerPageOptions={[page.limit]}
              onPageChange={(_event, next) => onPageChange(next)}
            />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
