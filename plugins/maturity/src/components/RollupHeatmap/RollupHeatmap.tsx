import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import {
  CategoryId,
  CATEGORY_IDS,
  LEVEL_NAMES,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ChevronRight from '@material-ui/icons/ChevronRight';
import ExpandMore from '@material-ui/icons/ExpandMore';
import { Fragment, ReactNode } from 'react';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { levelShade } from '../../scorecard/levelShade';
import { EntityMaturityLink, shortEntityRef } from '../EntityMaturityLink';

/** One row of the heatmap: a sub-scope of a rollup and its medians. */
export interface RollupHeatmapRow {
  scopeRef: string;
  /** Shown instead of the short reference, e.g. an entity's title. */
  title?: string;
  entityCount: number;
  overallMedian: number | null;
  categoryMedians: Record<CategoryId, number | null>;
  /** Indentation, 0 for top-level rows. */
  depth?: number;
  /** Shows an expand/collapse button. */
  expandable?: boolean;
  expanded?: boolean;
  /** A full-width line under the row: loading, an error, "no sub-groups". */
  note?: ReactNode;
}

/** Props of {@link RollupHeatmap}. */
export interface RollupHeatmapProps {
  title: string;
  rows: RollupHeatmapRow[];
  /** Called with the row's scope when its expand button is pressed. */
  onToggle?: (scopeRef: string) => void;
  /** Shown instead of the table when there are no rows. */
  emptyMessage?: ReactNode;
  /** Heading of the first column. */
  scopeTitle?: string;
  /** What the cells hold, for the legend: `Median level` unless given. */
  valueLabel?: string;
  /**
   * Where a row's entities are listed; its cells link there. Rows without
   * a link (entity rows, say) have plain cells.
   */
  cellLink?: (row: RollupHeatmapRow) => string | undefined;
  /** A line under the table, e.g. that only some rows are shown. */
  footnote?: ReactNode;
}

const LEGEND_LEVELS: MaturityLevel[] = [0, 1, 2, 3, 4, 5];

const useStyles = makeStyles(theme => ({
  table: { '& td, & th': { padding: theme.spacing(0.75, 1) } },
  scope: { display: 'flex', alignItems: 'center', minWidth: 200 },
  toggleSpacer: { display: 'inline-block', width: 30, flexShrink: 0 },
  toggle: { padding: theme.spacing(0.25), marginRight: theme.spacing(0.5) },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  // The shade sets the text colour for contrast; the link keeps it and is
  // told apart by its underline.
  cellLink: { color: 'inherit', textDecoration: 'underline' },
  footnote: { marginTop: theme.spacing(1) },
  cell: {
    textAlign: 'center',
    fontWeight: theme.typography.fontWeightBold as number,
    fontVariantNumeric: 'tabular-nums',
    minWidth: 72,
    borderLeft: `2px solid ${theme.palette.background.paper}`,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    marginTop: theme.spacing(2),
  },
  legendItem: { display: 'inline-flex', alignItems: 'center' },
  swatch: {
    display: 'inline-block',
    width: 16,
    height: 16,
    marginRight: theme.spacing(0.5),
    borderRadius: 2,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

function formatMedian(median: number | null): string {
  if (median === null) {
    return '—';
  }
  return Number.isInteger(median) ? String(median) : median.toFixed(1);
}

/**
 * Sub-scopes × the five categories: each cell holds the median level as a
 * number on a shade of the theme's primary colour, with a legend. Each row
 * links to its entity's Maturity tab and may expand to show its own
 * sub-scopes, indented.
 */
export function RollupHeatmap(props: RollupHeatmapProps) {
  const {
    title,
    rows,
    onToggle,
    emptyMessage = 'No sub-groups.',
    scopeTitle = 'Group',
    valueLabel = 'Median level',
    cellLink,
    footnote,
  } = props;
  const classes = useStyles();
  const theme = useTheme();

  const heatCell = (
    median: number | null,
    label: string,
    link: string | undefined,
  ) => {
    const shade = levelShade(theme, median);
    const text = formatMedian(median);
    return (
      <TableCell
        className={classes.cell}
        style={{ background: shade.background, color: shade.color }}
        title={`${label}: ${median === null ? 'no data' : levelLabel(median)}`}
      >
        {link && median !== null ? (
          <Link to={link} className={classes.cellLink}>
            {text}
          </Link>
        ) : (
          text
        )}
      </TableCell>
    );
  };

  return (
    <InfoCard title={title}>
      {rows.length === 0 ? (
        <Typography color="textSecondary">{emptyMessage}</Typography>
      ) : (
        <>
          <Table size="small" aria-label={title} className={classes.table}>
            <TableHead>
              <TableRow>
                <TableCell>{scopeTitle}</TableCell>
                <TableCell className={classes.number}>Entities</TableCell>
                <TableCell className={classes.cell}>Overall</TableCell>
                {CATEGORY_IDS.map(id => (
                  <TableCell key={id} className={classes.cell}>
                    {CATEGORY_TITLES[id]}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => {
                const name =
                  row.title ??
                  shortEntityRef(
                    row.scopeRef,
                    parseEntityRef(row.scopeRef).kind,
                  );
                const link = cellLink?.(row);
                const indent = theme.spacing(3 * (row.depth ?? 0));
                return (
                  <Fragment key={`${row.depth ?? 0}:${row.scopeRef}`}>
                    <TableRow data-testid={`heatmap-row-${row.scopeRef}`}>
                      <TableCell component="th" scope="row">
                        <span
                          className={classes.scope}
                          style={{ paddingLeft: indent }}
                        >
                          {row.expandable && onToggle ? (
                            <IconButton
                              size="small"
                              className={classes.toggle}
                              aria-expanded={!!row.expanded}
                              aria-label={`${
                                row.expanded ? 'Collapse' : 'Expand'
                              } ${name}`}
                              onClick={() => onToggle(row.scopeRef)}
                            >
                              {row.expanded ? <ExpandMore /> : <ChevronRight />}
                            </IconButton>
                          ) : (
                            onToggle && (
                              <span className={classes.toggleSpacer} />
                            )
                          )}
                          <EntityMaturityLink entityRef={row.scopeRef}>
                            {name}
                          </EntityMaturityLink>
                        </span>
                      </TableCell>
                      <TableCell className={classes.number}>
                        {row.entityCount}
                      </TableCell>
                      {heatCell(row.overallMedian, 'Overall', link)}
                      {CATEGORY_IDS.map(id => (
                        <Fragment key={id}>
                          {heatCell(
                            row.categoryMedians[id] ?? null,
                            CATEGORY_TITLES[id],
                            link,
                          )}
                        </Fragment>
                      ))}
                    </TableRow>
                    {row.note && (
                      <TableRow>
                        <TableCell
                          colSpan={3 + CATEGORY_IDS.length}
                          style={{
                            paddingLeft: theme.spacing(
                              3 * ((row.depth ?? 0) + 1) + 1,
                            ),
                          }}
                        >
                          {row.note}
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
          <div
            className={classes.legend}
            role="group"
            aria-label={`Legend: ${valueLabel.toLocaleLowerCase('en-US')}`}
          >
            <Typography variant="caption" color="textSecondary">
              {valueLabel}
            </Typography>
            {LEGEND_LEVELS.map(level => (
              <span key={level} className={classes.legendItem}>
                <span
                  className={classes.swatch}
                  style={{ background: levelShade(theme, level).background }}
                />
                <Typography variant="caption">
                  {level} {LEVEL_NAMES[level]}
                </Typography>
              </span>
            ))}
            <span className={classes.legendItem}>
              <span
                className={classes.swatch}
                style={{ background: levelShade(theme, null).background }}
              />
              <Typography variant="caption">— no data</Typography>
            </span>
          </div>
          {footnote && (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.footnote}
            >
              {footnote}
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
