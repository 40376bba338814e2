/**
 * Renders a view in a test app with the NKP API, the permission API (ALLOW unless told), the
 * signed-in user and an alert API to assert on.
 */
import {
  AlertApi,
  alertApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { RenderResult } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { NkpApi, nkpApiRef } from '../api/NkpApi';
import { rootRouteRef } from '../routes';

export interface RenderOptions {
  /** Permission names to deny; everything else is allowed. */
  deny?: string[];
  ownershipEntityRefs?: string[];
  routeEntries?: string[];
}

export async function renderView(
  element: JSX.Element,
  api: NkpApi,
  options: RenderOptions = {},
): Promise<RenderResult & { alertApi: jest.Mocked<AlertApi> }> {
  const alertApi = {
    post: jest.fn(),
    alert$: jest.fn(),
  } as unknown as jest.Mocked<AlertApi>;
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [nkpApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              options.deny?.includes(request.permission.name)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          }),
        ],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/me',
            ownershipEntityRefs: options.ownershipEntityRefs ?? [
              'user:default/me',
              'group:default/team-globex',
            ],
          }),
        ],
        [alertApiRef, alertApi],
      ]}
    >
      {/* usePermission caches decisions in SWR; a fresh cache keeps tests from seeing each other's */}
      <SWRConfig value={{ provider: () => new Map() }}>{element}</SWRConfig>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/nkp': rootRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
  return { ...rendered, alertApi };
}
