import { useApi } from '@backstage/core-plugin-api';
import {
  defaultRubric,
  Rubric,
  RubricCheck as RubricCheckDefinition,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { useCallback, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../api/MaturityApi';
import { checkTitle } from './categoryTitles';

/** One check of a rubric, by id and title. */
export interface RubricCheck {
  id: string;
  title: string;
}

/**
 * Every check of a rubric, category by category and level by level, then
 * the MLOps track's.
 */
export function checkListOf(
  rubric: Rubric,
  options: { enabledOnly?: boolean } = {},
): RubricCheck[] {
  const levels = [
    ...rubric.categories.flatMap(category => category.levels),
    ...rubric.mlops.levels,
  ];
  return levels.flatMap(level =>
    level.checks
      .filter(check => !options.enabledOnly || check.enabled)
      .map(check => ({ id: check.id, title: check.title })),
  );
}

/** Check id → title of every check in a rubric. */
export function checkTitlesOf(rubric: Rubric) {
  return new Map(checkListOf(rubric).map(check => [check.id, check.title]));
}

function useActiveRubric() {
  const maturityApi = useApi(maturityApiRef);
  return useAsync(() => maturityApi.getRubric(), [maturityApi]).value;
}

/**
 * The title of a check by id, from the active rubric; the default rubric's
 * title (or the id) until it has loaded or when it cannot be loaded.
 */
export function useCheckTitles(): (checkId: string) => string {
  const rubric = useActiveRubric();
  const titles = useMemo(() => rubric && checkTitlesOf(rubric), [rubric]);
  return useCallback(
    (checkId: string) => titles?.get(checkId) ?? checkTitle(checkId),
    [titles],
  );
}

/**
 * The checks of the active rubric; the default rubric's until it has loaded
 * or when it cannot be loaded.
 */
export function useRubricChecks(
  options: { enabledOnly?: boolean } = {},
): RubricCheck[] {
  const rubric = useActiveRubric();
  const { enabledOnly } = options;
  return useMemo(
    () => checkListOf(rubric ?? defaultRubric, { enabledOnly }),
    [rubric, enabledOnly],
  );
}

/**
 * A check of the active rubric by id, with its "how to fix"; the default
 * rubric's until it has loaded or when it cannot be loaded, undefined for
 * an id neither has.
 */
export function useRubricCheckById(): (
  checkId: string,
) => RubricCheckDefinition | undefined {
  const rubric = useActiveRubric();
  const checks = useMemo(() => {
    const levels = [rubric, defaultRubric].flatMap(r =>
      r ? [...r.categories.flatMap(c => c.levels), ...r.mlops.levels] : [],
    );
    const byId = new Map<string, RubricCheckDefinition>();
    for (const check of levels.flatMap(level => level.checks)) {
      if (!byId.has(check.id)) byId.set(check.id, check);
    }
    return byId;
  }, [rubric]);
  return useCallback((checkId: string) => checks.get(checkId), [checks]);
}
