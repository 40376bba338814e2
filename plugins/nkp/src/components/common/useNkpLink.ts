import { useRouteRef } from '@backstage/core-plugin-api';
import { NKP_TABS, NkpTab, rootRouteRef } from '../../routes';

/**
 * A function that builds links to the tabs of the NKP page, e.g. the clusters tab filtered by a
 * state. Returns undefined links when the NKP page is not mounted (e.g. a card on its own).
 */
export function useNkpLink(): (
  tab: NkpTab,
  params?: Record<string, string | string[]>,
) => string | undefined {
  let base: string | undefined;
  try {
    // useRouteRef runs all its hooks before it throws for a route that is not mounted, so the
    // hook order is the same on every render; the card then simply has no link.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(rootRouteRef)();
  } catch {
    base = undefined;
  }
  return (tab, params) => {
    if (base === undefined) return undefined;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params ?? {})) {
      for (const v of Array.isArray(value) ? value : [value])
        search.append(key, v);
    }
    const query = search.toString();
    return `${base.replace(/\/$/, '')}/${NKP_TABS[tab].path}${
      query ? `?${query}` : ''
    }`;
  };
}
