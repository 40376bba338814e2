import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/nkp',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const nkpPlugin = createFrontendPlugin({
  pluginId: 'nkp',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
