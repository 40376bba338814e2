import { createRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({ id: 'nkp' });

/**
 * The tabs of the NKP page, as paths below it. Both the new frontend system (sub-pages) and the
 * legacy page (TabbedLayout) mount the views at these paths, so links between views work in both.
 */
export const NKP_TABS = {
  overview: 'overview',
  myDeadlines: 'my-deadlines',
  clusters: 'clusters',
  plans: 'plans',
  exceptions: 'exceptions',
  calendar: 'calendar',
} as const;
