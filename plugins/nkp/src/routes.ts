import { createRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({ id: 'nkp' });

/**
 * The tabs of the NKP page, in order: the path of each below the page and its title. Both the new
 * frontend system (sub-pages) and the legacy page (TabbedLayout) mount the views from here, so
 * links between views work in both.
 */
export const NKP_TABS = {
  overview: { path: 'overview', title: 'Overview' },
  myDeadlines: { path: 'my-deadlines', title: 'My deadlines' },
  clusters: { path: 'clusters', title: 'Clusters' },
  plans: { path: 'plans', title: 'Upgrade plans' },
  exceptions: { path: 'exceptions', title: 'Exceptions' },
  calendar: { path: 'calendar', title: 'Release calendar' },
} as const;

/** A tab of the NKP page. */
export type NkpTab = keyof typeof NKP_TABS;
