import { useApi } from '@backstage/core-plugin-api';
import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import { useCallback, useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { rowMemberFilters } from '../../scorecard/memberFilters';
import { childrenWithoutWaivers } from '../../scorecard/rollupWithoutWaivers';
import { statusColor } from '../../scorecard/statusColor';
import { useScorecardListLink } from '../../scorecard/useScorecardListLink';
import { isNotFound } from '../EntityScorecard/useEntityScorecard';
import { RollupHeatmap, RollupHeatmapRow } from '../RollupHeatmap';

type RollupChild = Rollup['children'][number];

const useStyles = makeStyles(theme => ({
  // The error colour is for the icon only: as text it is below 4.5:1 on
  // the dark theme's paper.
  error: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  errorIcon: { color: statusColor(theme, 'error') },
}));

type ChildrenState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | {
      status: 'loaded';
      children: RollupChild[];
      childrenWithoutWaivers: RollupChild[];
    };

/** Props of {@link OrgHierarchyHeatmap}. */
export interface OrgHierarchyHeatmapProps {
  /**
   * The root groups: the org rollup's children (with their medians without
   * waivers when `withoutWaivers`).
   */
  roots: RollupChild[];
  /** Show each group's median levels without waivers. */
  withoutWaivers?: boolean;
}

/**
 * The group hierarchy × the five categories. Root groups are listed first;
 * expanding a group fetches that group's rollup and shows its sub-groups
 * indented under it, so only the rollups a reader opens are loaded.
 */
export function OrgHierarchyHeatmap(props: OrgHierarchyHeatmapProps) {
  const { roots, withoutWaivers = false } = props;
  const maturityApi = useApi(maturityApiRef);
  const listLink = useScorecardListLink();
  const classes = useStyles();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [childrenOf, setChildrenOf] = useState<
    Readonly<Record<string, ChildrenState>>
  >({});

  const load = useCallback(
    async (scopeRef: string) => {
      setChildrenOf(prev => ({ ...prev, [scopeRef]: { status: 'loading' } }));
      try {
        const rollup = await maturityApi.getRollup(scopeRef);
        // A team without sub-groups lists its own entities as children;
        // the hierarchy shows groups only.
        const groups = rollup.childKind !== 'entity';
        setChildrenOf(prev => ({
          ...prev,
          [scopeRef]: {
            status: 'loaded',
            children: groups ? rollup.children : [],
            childrenWithoutWaivers: groups
              ? childrenWithoutWaivers(rollup)
              : [],
          },
        }));
      } catch (error) {
        setChildrenOf(prev => ({
          ...prev,
          [scopeRef]: isNotFound(error)
            ? { status: 'loaded', children: [], childrenWithoutWaivers: [] }
            : { status: 'error', error: error as Error },
        }));
      }
    },
    [maturityApi],
  );

  const toggle = useCallback(
    (scopeRef: string) => {
      const opening = !expanded.has(scopeRef);
      setExpanded(prev => {
        const next = new Set(prev);
        if (opening) {
          next.add(scopeRef);
        } else {
          next.delete(scopeRef);
        }
        return next;
      });
      const state = childrenOf[scopeRef];
      if (opening && (!state || state.status === 'error')) {
        load(scopeRef);
      }
    },
    [expanded, childrenOf, load],
  );

  const rows: RollupHeatmapRow[] = [];
  const addRows = (
    children: RollupChild[],
    depth: number,
    ancestors: ReadonlySet<string>,
  ) => {
    for (const child of children) {
      if (ancestors.has(child.scopeRef)) {
        continue;
      }
      const isOpen = expanded.has(child.scopeRef);
      const state = childrenOf[child.scopeRef];
      let note;
      if (isOpen && state?.status === 'loading') {
        note = (
          <LinearProgress
            aria-label={`Loading sub-groups of ${child.scopeRef}`}
          />
        );
      } else if (isOpen && state?.status === 'error') {
        note = (
          <Typography variant="body2" className={classes.error} role="alert">
            <ErrorOutline fontSize="small" className={classes.errorIcon} />
            Could not load the sub-groups: {state.error.message}
          </Typography>
        );
      } else if (
        isOpen &&
        state?.status === 'loaded' &&
        state.children.length === 0
      ) {
        note = (
          <Typography variant="body2" color="textSecondary">
            No sub-groups.
          </Typography>
        );
      }
      rows.push({ ...child, depth, expandable: true, expanded: isOpen, note });
      if (isOpen && state?.status === 'loaded') {
        addRows(
          withoutWaivers ? state.childrenWithoutWaivers : state.children,
          depth + 1,
          new Set([...ancestors, child.scopeRef]),
        );
      }
    }
  };
  addRows(roots, 0, new Set());

  return (
    <RollupHeatmap
      title={
        withoutWaivers
          ? 'Teams by category (median level without waivers)'
          : 'Teams by category (median level)'
      }
      valueLabel={
        withoutWaivers ? 'Median level without waivers' : 'Median level'
      }
      rows={rows}
      onToggle={toggle}
      cellLink={
        listLink
          ? row => {
              const filters = rowMemberFilters(row.scopeRef);
              return (
                filters &&
                listLink(
                  withoutWaivers
                    ? { ...filters, levels: 'withoutWaivers' }
                    : filters,
                )
              );
            }
          : undefined
      }
      emptyMessage="No group owns a scored entity yet."
    />
  );
}
