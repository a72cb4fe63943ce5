import {
  RubricPreview,
  RubricPreviewEntity,
  RubricPreviewScope,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EntityPreview } from './previewEntity';
import { RubricComparison } from './compareRubrics';

const SCOPE_ORDER: RubricPreviewScope[] = [
  'overall',
  'culture',
  'design',
  'build-deploy',
  'test',
  'information',
  'mlops',
];

/** The entity a preview is about, as the tally lists it. */
export interface PreviewedEntity {
  entityRef: string;
  kind: string;
  title?: string;
  ownerRef?: string;
}

type Counter = { lowered: number; raised: number };

/**
 * Adds up entity previews, one entity at a time in entity ref order, into
 * a rubric preview: counts per scope, kind and change, per responsible
 * check and per owner, and the one page of affected entities asked for, so
 * a preview of any size holds only its totals and that page.
 */
export class RubricPreviewTally {
  private compared = 0;
  private changed = 0;
  private notPreviewable = 0;
  private readonly levelChanges = new Map<string, number>();
  private readonly checks = new Map<string, Counter>();
  private readonly teams = new Map<
    string | null,
    Counter & { changed: number }
  >();
  private readonly page: RubricPreviewEntity[] = [];

  constructor(
    private readonly comparison: RubricComparison,
    private readonly paging: { limit: number; offset: number },
  ) {}

  add(entity: PreviewedEntity, preview: EntityPreview): void {
    if (!preview.previewable) {
      this.notPreviewable += 1;
      return;
    }
    this.compared += 1;
    if (preview.changes.length === 0) return;
    const index = this.changed;
    this.changed += 1;

    const kind = entity.kind.toLocaleLowerCase('en-US');
    const responsible = new Set<string>();
    for (const change of preview.changes) {
      const key = `${change.scope}\u0000${kind}\u0000${change.from}\u0000${change.to}`;
      this.levelChanges.set(key, (this.levelChanges.get(key) ?? 0) + 1);
      if (change.scope === 'overall') continue;
      for (const checkId of change.checks) {
        responsible.add(checkId);
        const counter = this.checks.get(checkId) ?? { lowered: 0, raised: 0 };
        if (change.to < change.from) counter.lowered += 1;
        else counter.raised += 1;
        this.checks.set(checkId, counter);
      }
    }

    const owner = entity.ownerRef ?? null;
    const team = this.teams.get(owner) ?? { lowered: 0, raised: 0, changed: 0 };
    team.changed += 1;
    const overall = preview.changes.find(c => c.scope === 'overall');
    if (overall && overall.to < overall.from) team.lowered += 1;
    if (overall && overall.to > overall.from) team.raised += 1;
    this.teams.set(owner, team);

    const { limit, offset } = this.paging;
    if (index >= offset && index < offset + limit) {
      this.page.push({
        entityRef: entity.entityRef,
        title: entity.title ?? null,
        kind,
        ownerRef: owner,
        changes: preview.changes.map(({ scope, from, to }) => ({
          scope,
          from,
          to,
        })),
        checks: [...responsible],
      });
    }
  }

  result(versions: { current: string; proposed: string }): RubricPreview {
    const titles = new Map(
      this.comparison.changedChecks.map(c => [c.checkId, c.title]),
    );
    const levelChanges = [...this.levelChanges].map(([key, count]) => {
      const [scope, kind, from, to] = key.split('\u0000');
      return {
        scope: scope as RubricPreviewScope,
        kind,
        from: Number(from),
        to: Number(to),
        count,
      };
    });
    levelChanges.sort(
      (a, b) =>
        SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) ||
        b.count - a.count ||
        a.kind.localeCompare(b.kind) ||
        b.from - a.from ||
        a.to - b.to,
    );
    const checks = [...this.checks]
      .map(([checkId, counter]) => ({
        checkId,
        title: titles.get(checkId) ?? checkId,
        ...counter,
      }))
      .sort(
        (a, b) =>
          b.lowered + b.raised - (a.lowered + a.raised) ||
          a.checkId.localeCompare(b.checkId),
      );
    const teams = [...this.teams]
      .map(([ownerRef, counter]) => ({ ownerRef, ...counter }))
      .sort(
        (a, b) =>
          b.lowered - a.lowered ||
          b.changed - a.changed ||
          (a.ownerRef ?? '').localeCompare(b.ownerRef ?? ''),
      );
    return {
      currentRubricVersion: versions.current,
      proposedRubricVersion: versions.proposed,
      entitiesCompared: this.compared,
      entitiesChanged: this.changed,
      notPreviewable: this.notPreviewable,
      changedChecks: this.comparison.changedChecks,
      levelChanges,
      checks,
      teams,
      entities: {
        items: this.page,
        totalCount: this.changed,
        limit: this.paging.limit,
        offset: this.paging.offset,
      },
    };
  }
}
