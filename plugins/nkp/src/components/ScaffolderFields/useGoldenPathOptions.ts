import { useApi } from '@backstage/core-plugin-api';
import { NkpGoldenPathOptions } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';

/**
 * What the cluster request form offers the signed-in user (`GET /golden-path/options`): the one
 * loader every field that needs groups, sizes, Prism Centrals or deliveries shares.
 */
export function useGoldenPathOptions(): {
  options?: NkpGoldenPathOptions;
  loading: boolean;
  error?: Error;
  retry: () => void;
} {
  const nkpApi = useApi(nkpApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => nkpApi.getGoldenPathOptions(),
    [nkpApi],
  );
  return { options: value, loading, error, retry };
}
