import { TypedRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  maturityScorecardReadPermission,
  maturityScorecardRefreshPermission,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  ListScorecardsOptions,
  ScorecardResultStore,
  ScorecardSummary,
} from '../database/ScorecardStore';
import { HistoryStore } from '../database/HistoryStore';
import { RollupStore } from '../database/RollupStore';
import { StoredGroupTree } from '../rollups/StoredGroupTree';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { scorecardsToCsv } from './scorecardsToCsv';
import { DAY_MS } from '../durations';
import { parseTimeParameter } from './queryParameters';
import { EndpointMap } from '../schema/openapi.generated';
import { AuthorizeRequest } from './authorizeCaller';
import {
  canonicalEntityKind,
  canonicalEntityRef,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

const DEFAULT_HISTORY_DAYS = 180;
/** Rows per read while writing a CSV export. */
const CSV_PAGE = 500;
/** Most rows one CSV export holds (documented in the spec). */
export const MAX_CSV_ROWS = 20000;

/**
 * Scorecard, metrics, history, rollup and rubric routes: every read is one
 * indexed query on the precomputed tables (exemptions: exemptionRoutes).
 */
export function addScorecardRoutes(
  api: TypedRouter<EndpointMap>,
  options: {
    authorize: AuthorizeRequest;
    results: ScorecardResultStore;
    history: HistoryStore;
    rollups: RollupStore;
    evaluator: EntityEvaluator;
  },
) {
  const { authorize, results, history, rollups, evaluator } = options;
  const groupTree = new StoredGroupTree(rollups);
  /** Ids of the rubric's checks, its categories' and its MLOps track's. */
  const rubricCheckIds = () => {
    const { categories, mlops } = evaluator.rubric;
    const levels = [...categories.flatMap(c => c.levels), ...mlops.levels];
    return new Set(levels.flatMap(l => l.checks.map(check => check.id)));
  };

  api.get('/v1/entities/:kind/:namespace/:name/scorecard', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const entityRef = canonicalEntityRef(req.params);
    const scorecard = await results.getScorecard(entityRef);
    if (!scorecard) {
      throw new NotFoundError(`No scorecard for ${entityRef} yet`);
    }
    res.json(scorecard);
  });

  api.get('/v1/entities/:kind/:namespace/:name/metrics', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const entityRef = canonicalEntityRef(req.params);
    const metrics = await results.getMetrics(entityRef);
    if (!metrics) {
      throw new NotFoundError(`No metrics for ${entityRef} yet`);
    }
    res.json(metrics);
  });

  api.get('/v1/entities/:kind/:namespace/:name/history', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    if (req.query.asOf !== undefined) {
      if (req.query.from !== undefined || req.query.to !== undefined) {
        throw new InputError('asOf: give either asOf or from/to, not both');
      }
      const point = await history.getHistoryAsOf(
        canonicalEntityRef(req.params),
        parseTimeParameter('asOf', req.query.asOf, { dateAllowed: true }),
      );
      res.json({ items: point ? [point] : [] });
      return;
    }
    const to =
      req.query.to !== undefined
        ? parseTimeParameter('to', req.query.to)
        : new Date();
    const from =
      req.query.from !== undefined
        ? parseTimeParameter('from', req.query.from)
        : new Date(to.getTime() - DEFAULT_HISTORY_DAYS * DAY_MS);
    if (from.getTime() > to.getTime()) {
      throw new InputError('from: must not be after to');
    }
    res.json({
      items: await history.getHistory(canonicalEntityRef(req.params), from, to),
    });
  });

  api.post('/v1/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    await authorize(req, maturityScorecardRefreshPermission);
    const entityRef = canonicalEntityRef(req.params);
    const evaluated = await evaluator.evaluateRefs([entityRef]);
    if (evaluated === 0) {
      throw new NotFoundError(
        `${entityRef} is not in the catalog, or not evaluated`,
      );
    }
    res.json(await results.getScorecard(entityRef));
  });

  api.get('/v1/scorecards', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const query = req.query;
    if (
      query.minLevel !== undefined &&
      query.maxLevel !== undefined &&
      query.minLevel > query.maxLevel
    ) {
      throw new InputError('minLevel: must not be above maxLevel');
    }
    if (
      query.minMlopsLevel !== undefined &&
      query.maxMlopsLevel !== undefined &&
      query.minMlopsLevel > query.maxMlopsLevel
    ) {
      throw new InputError('minMlopsLevel: must not be above maxMlopsLevel');
    }
    if (
      query.failingCheck !== undefined &&
      !rubricCheckIds().has(query.failingCheck)
    ) {
      throw new InputError(
        `failingCheck: unknown check '${query.failingCheck}'`,
      );
    }
    if (
      query.waivedCheck !== undefined &&
      !rubricCheckIds().has(query.waivedCheck)
    ) {
      throw new InputError(`waivedCheck: unknown check '${query.waivedCheck}'`);
    }
    let ownerRefs = query.owner?.map(owner => canonicalEntityRef(owner));
    if (ownerRefs && query.includeSubgroups) {
      ownerRefs = (await groupTree.withSubgroups(ownerRefs)).groupRefs;
    }
    const filters: ListScorecardsOptions = {
      ownerRefs,
      systemRef: query.system && canonicalEntityRef(query.system),
      domainRef: query.domain && canonicalEntityRef(query.domain),
      kind: query.kind && canonicalEntityKind(query.kind),
      lifecycle: query.lifecycle,
      type: query.type,
      tag: query.tag,
      minLevel: query.minLevel,
      maxLevel: query.maxLevel,
      minMlopsLevel: query.minMlopsLevel,
      maxMlopsLevel: query.maxMlopsLevel,
      search: query.q,
      failingCheck: query.failingCheck,
      waivedCheck: query.waivedCheck,
      deliveryBand: query.deliveryBand,
      levels: query.levels,
      orderBy: query.orderBy ?? 'entityRef',
      order: query.order ?? 'asc',
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    };
    if (query.format !== 'csv') {
      res.json(await results.listScorecards(filters));
      return;
    }
    // The export honours offset and limit; without a limit it holds every
    // matching row up to MAX_CSV_ROWS. X-Total-Count says how many matched.
    const wanted = query.limit ?? MAX_CSV_ROWS;
    const rows: ScorecardSummary[] = [];
    let totalCount = 0;
    while (rows.length < wanted) {
      const page = await results.listScorecards({
        ...filters,
        limit: Math.min(CSV_PAGE, wanted - rows.length),
        offset: filters.offset + rows.length,
      });
      totalCount = page.totalCount;
      rows.push(...page.items);
      if (page.items.length < CSV_PAGE) break;
    }
    res
      .status(200)
      .set('X-Total-Count', String(totalCount))
      .type('text/csv')
      .set(
        'Content-Disposition',
        'attachment; filename="maturity-scorecards.csv"',
      )
      .send(scorecardsToCsv(rows));
  });

  api.get('/v1/rollups/org', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const rollup = await rollups.getRollup('org');
    if (!rollup) throw new NotFoundError('No rollups computed yet');
    res.json(rollup);
  });

  api.get('/v1/rollups/:kind/:namespace/:name', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    const scopeRef = canonicalEntityRef(req.params);
    const rollup = await rollups.getRollup(scopeRef);
    if (!rollup) throw new NotFoundError(`No rollup for ${scopeRef}`);
    res.json(rollup);
  });

  api.get('/v1/rubric', async (req, res) => {
    await authorize(req, maturityScorecardReadPermission);
    res.json(evaluator.rubric);
  });
}
