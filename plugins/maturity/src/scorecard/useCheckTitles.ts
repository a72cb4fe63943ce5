import { useApi } from '@backstage/core-plugin-api';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { useCallback, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef, MaturityRubricDocument } from '../api/MaturityApi';
import { checkTitle } from './categoryTitles';

interface RubricLevelShape {
  checks?: Array<{ id?: string; title?: string }>;
}

interface RubricShape {
  categories?: Array<{ levels?: RubricLevelShape[] }>;
  mlops?: { levels?: RubricLevelShape[] };
}

/** One check of a rubric, by id and title. */
export interface RubricCheck {
  id: string;
  title: string;
}

/**
 * Every check of a rubric document, category by category and level by
 * level, then the MLOps track's.
 */
export function checkListOf(rubric: MaturityRubricDocument): RubricCheck[] {
  const shape = rubric as RubricShape;
  const levels = [
    ...(shape.categories ?? []).flatMap(category => category.levels ?? []),
    ...(shape.mlops?.levels ?? []),
  ];
  const checks: RubricCheck[] = [];
  for (const level of levels) {
    for (const check of level.checks ?? []) {
      if (check.id && check.title) {
        checks.push({ id: check.id, title: check.title });
      }
    }
  }
  return checks;
}

/** Check id → title of every check in a rubric document. */
export function checkTitlesOf(rubric: MaturityRubricDocument) {
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
export function useRubricChecks(): RubricCheck[] {
  const rubric = useActiveRubric();
  return useMemo(
    () =>
      checkListOf(
        rubric ?? (defaultRubric as unknown as MaturityRubricDocument),
      ),
    [rubric],
  );
}
