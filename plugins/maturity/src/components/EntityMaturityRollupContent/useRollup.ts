import { useApi } from '@backstage/core-plugin-api';
import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { isNotFound } from '../EntityScorecard/useEntityScorecard';

/**
 * The rollup of a group, system or domain; `undefined` (no error) when the
 * backend has not computed it yet (404).
 */
export function useRollup(scopeRef: string) {
  const maturityApi = useApi(maturityApiRef);
  return useAsyncRetry(async (): Promise<Rollup | undefined> => {
    try {
      return await maturityApi.getRollup(scopeRef);
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
  }, [maturityApi, scopeRef]);
}
