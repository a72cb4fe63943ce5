import {
  ResponseErrorPanel,
  Table,
  TableColumn,
  TableProps,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CategoryId,
  CATEGORY_IDS,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useCallback, useState } from 'react';
import {
  ListScorecardsQuery,
  maturityApiRef,
  ScorecardSummary,
} from '../../api/MaturityApi';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { EntityMaturityLink, shortEntityRef } from '../EntityMaturityLink';
import { RelativeTime } from '../RelativeTime';
import { bandLabel } from '../../scorecard/bandLabels';
import { mlopsLevelLabel } from '../../scorecard/mlopsLevelLabel';

/** The filters of the list; order and paging belong to the table. */
export type ScorecardFilters = Omit<
  ListScorecardsQuery,
  'orderBy' | 'order' | 'limit' | 'offset'
>;

type RemoteData = Extract<
  TableProps<ScorecardSummary>['data'],
  (...args: any[]) => unknown
>;
type RemoteQuery = Parameters<RemoteData>[0];

const SORTABLE_FIELDS: ReadonlyArray<string> = [
  'entityRef',
  'overallLevel',
  'evaluatedAt',
  'mlopsLevel',
];

/** The list query of one page of the table. */
export function pageQuery(
  filters: ScorecardFilters,
  query: Pick<RemoteQuery, 'page' | 'pageSize' | 'orderBy' | 'orderDirection'>,
): ListScorecardsQuery {
  const field = query.orderBy?.field as string | undefined;
  const sortable = field && SORTABLE_FIELDS.includes(field);
  return {
    ...filters,
    orderBy: sortable ? (field as ListScorecardsQuery['orderBy']) : undefined,
    order: sortable && query.orderDirection ? query.orderDirection : undefined,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
}

/** Column headings short enough for five level columns side by side. */
const CATEGORY_SHORT_TITLES: Record<CategoryId, string> = {
  culture: 'Culture',
  design: 'Design',
  'build-deploy': 'Build',
  test: 'Test',
  information: 'Info',
};

const nowrap = { whiteSpace: 'nowrap' } as const;
const compact = { paddingLeft: 4, paddingRight: 4 } as const;

/** The MLOps level column, for lists that may hold ML entities. */
const mlopsColumn: TableColumn<ScorecardSummary> = {
  title: (
    <abbr title="MLOps level (ML entities)" style={{ textDecoration: 'none' }}>
      MLOps
    </abbr>
  ),
  field: 'mlopsLevel',
  align: 'center',
  cellStyle: compact,
  headerStyle: compact,
  render: row =>
    row.mlopsLevel === null ? (
      '—'
    ) : (
      <abbr
        title={mlopsLevelLabel(row.mlopsLevel)}
        style={{ textDecoration: 'none' }}
      >
        {row.mlopsLevel}
      </abbr>
    ),
};

/**
 * A level read without waivers: the level, and the one the waivers give
 * where that is higher; a dash where it is not known yet (evaluated before
 * it was kept).
 */
function LevelWithoutWaivers(props: {
  scored: number;
  without: number | undefined;
  format: (level: number) => ReactNode;
}) {
  const { scored, without, format } = props;
  if (without === undefined) {
    return (
      <abbr
        title="Not known until the next evaluation"
        style={{ textDecoration: 'none' }}
      >
        —
      </abbr>
    );
  }
  if (without === scored) return <>{format(without)}</>;
  return (
    <abbr title={`${scored} with waivers`} style={{ textDecoration: 'none' }}>
      {format(without)}
      <Typography variant="caption" color="textSecondary" component="span">
        {' '}
        ({scored})
      </Typography>
    </abbr>
  );
}

function columnsOf(options: {
  mlops: boolean;
  /** Levels as they would be without waivers. */
  withoutWaivers: boolean;
}): TableColumn<ScorecardSummary>[] {
  const { withoutWaivers } = options;
  return [
    {
      title: 'Entity',
      field: 'entityRef',
      highlight: true,
      cellStyle: nowrap,
      render: row => (
        <>
          <EntityMaturityLink entityRef={row.entityRef}>
            {row.title ?? shortEntityRef(row.entityRef, 'component')}
          </EntityMaturityLink>
          <Typography variant="caption" color="textSecondary" component="div">
            {[row.kind, row.type].filter(Boolean).join(' · ')}
          </Typography>
        </>
      ),
    },
    {
      title: 'Owner',
      field: 'ownerRef',
      sorting: false,
      cellStyle: nowrap,
      render: row =>
        row.ownerRef ? (
          <EntityMaturityLink entityRef={row.ownerRef} defaultKind="group" />
        ) : (
          '—'
        ),
    },
    {
      title: 'System',
      field: 'systemRef',
      sorting: false,
      cellStyle: nowrap,
      render: row =>
        row.systemRef ? shortEntityRef(row.systemRef, 'system') : '—',
    },
    {
      title: withoutWaivers ? 'Overall without waivers' : 'Overall',
      field: 'overallLevel',
      render: row =>
        withoutWaivers ? (
          <LevelWithoutWaivers
            scored={row.overallLevel}
            without={row.levelsWithoutWaivers?.overallLevel}
            format={levelLabel}
          />
        ) : (
          levelLabel(row.overallLevel)
        ),
      cellStyle: nowrap,
    },
    ...CATEGORY_IDS.map(
      (id): TableColumn<ScorecardSummary> => ({
        title: (
          <abbr title={CATEGORY_TITLES[id]} style={{ textDecoration: 'none' }}>
            {CATEGORY_SHORT_TITLES[id]}
          </abbr>
        ),
        field: `categoryLevels.${id}`,
        sorting: false,
        align: 'center',
        cellStyle: compact,
        headerStyle: compact,
        render: row =>
          withoutWaivers ? (
            <LevelWithoutWaivers
              scored={row.categoryLevels[id]}
              without={row.levelsWithoutWaivers?.categoryLevels[id]}
              format={String}
            />
          ) : (
            row.categoryLevels[id] ?? '—'
          ),
      }),
    ),
    ...(options.mlops ? [mlopsColumn] : []),
    {
      title: 'Band',
      field: 'deliveryBand',
      sorting: false,
      // "Insufficient data" wraps between its words, not inside them.
      cellStyle: { minWidth: 96, wordBreak: 'normal', overflowWrap: 'normal' },
      render: row => bandLabel(row.deliveryBand),
    },
    {
      title: 'Evaluated',
      field: 'evaluatedAt',
      render: row => <RelativeTime time={row.evaluatedAt} />,
      cellStyle: nowrap,
    },
  ];
}

const columnSets = [false, true].map(mlops =>
  [false, true].map(withoutWaivers => columnsOf({ mlops, withoutWaivers })),
);

/** Props of {@link ScorecardSummaryTable}. */
export interface ScorecardSummaryTableProps {
  title: string;
  /** Which scorecards; changing them reloads from the first page. */
  filters: ScorecardFilters;
  pageSize?: number;
  /** Shown when the filters match nothing. */
  emptyContent?: ReactNode;
  /**
   * Whether to show (and sort by) the MLOps level column, e.g. when the
   * scope has ML entities; other entities have none.
   */
  showMlopsLevel?: boolean;
}

/**
 * Scorecard summaries the server filters, sorts and pages: entity, owner,
 * system, overall and per-category levels (without waivers when the
 * filters say so, with the level the waivers give beside), MLOps level if
 * asked, delivery band and evaluation time. Only the visible page is ever
 * fetched.
 */
export function ScorecardSummaryTable(props: ScorecardSummaryTableProps) {
  const {
    title,
    filters,
    pageSize = 20,
    emptyContent,
    showMlopsLevel = false,
  } = props;
  const maturityApi = useApi(maturityApiRef);
  const [error, setError] = useState<Error>();

  const fetchPage = useCallback(
    async (query: RemoteQuery) => {
      try {
        const page = await maturityApi.listScorecards(
          pageQuery(filters, query),
        );
        setError(undefined);
        return {
          data: page.items,
          page: query.page,
          totalCount: page.totalCount,
        };
      } catch (e) {
        setError(e as Error);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    [maturityApi, filters],
  );

  return (
    <>
      {error && (
        <ResponseErrorPanel
          title="Could not load the scorecards"
          error={error}
        />
      )}
      <Table<ScorecardSummary>
        // A new table, from the first page, whenever the filters change.
        key={JSON.stringify(filters)}
        title={title}
        columns={
          columnSets[Number(showMlopsLevel)][
            Number(filters.levels === 'withoutWaivers')
          ]
        }
        data={fetchPage}
        options={{
          pageSize,
          pageSizeOptions: [10, 20, 50, 100],
          search: false,
          padding: 'dense',
          draggable: false,
          emptyRowsWhenPaging: false,
          thirdSortClick: false,
        }}
        // The table's `emptyContent` is for local data only; with data
        // loaded page by page, the body's empty message is the place.
        {...(emptyContent
          ? { localization: { body: { emptyDataSourceMessage: emptyContent } } }
          : {})}
      />
    </>
  );
}
