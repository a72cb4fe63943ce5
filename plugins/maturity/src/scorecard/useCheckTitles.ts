import { useApi } from '@backstage/core-plugin-api';
import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef, MaturityRubricDocument } from '../api/MaturityApi';
import { checkTitle } from './categoryTitles';

interface RubricShape {
  categories?: Array<{
    levels?: Array<{ checks?: Array<{ id?: string; title?: string }> }>;
  }>;
}

/** Check id → title of every check in a rubric document. */
export function checkTitlesOf(rubric: MaturityRubricDocument) {
  const titles = new Map<string, string>();
  for (const category of (rubric as RubricShape).categories ?? []) {
    for (const level of category.levels ?? []) {
      for (const check of level.checks ?? []) {
        if (check.id && check.title) {
          titles.set(check.id, check.title);
        }
      }
    }
  }
  return titles;
}

/**
 * The title of a check by id, from the active rubric; the default rubric's
 * title (or the id) until it has loaded or when it cannot be loaded.
 */
export function useCheckTitles(): (checkId: string) => string {
  const maturityApi = useApi(maturityApiRef);
  const { value: titles } = useAsync(
    async () => checkTitlesOf(await maturityApi.getRubric()),
    [maturityApi],
  );
  return useCallback(
    (checkId: string) => titles?.get(checkId) ?? checkTitle(checkId),
    [titles],
  );
}
