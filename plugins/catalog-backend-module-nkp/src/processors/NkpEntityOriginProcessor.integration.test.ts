/*
 * The real catalog backend with this module on real databases: a registered file that imitates
 * NKP data next to the NKP provider's own entities. The provider's entities arrive, the ordinary
 * component in the file arrives, the look-alikes do not.
 */
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { catalogModuleNkp } from '../module';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const lookAlikes = resolve(__dirname, '__fixtures__/look-alikes.yaml');
const demoFleet = resolve(__dirname, '../../../../examples/nkp-demo-fleet');

jest.setTimeout(60_000);

describe('NKP look-alikes from a registered location', () => {
  it.each(databases.eachSupportedId())(
    'are refused by the catalog on %p, the NKP provider entities are not',
    async databaseId => {
      const logger = mockServices.logger.mock();
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleNkp,
          logger.factory,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.scheduler.factory(),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Resource', 'Component', 'Location'] }],
                locations: [{ type: 'file', target: lookAlikes }],
                providers: {
                  nkp: {
                    demo: {
                      offline: { paths: [`${demoFleet}/management`] },
                      allowedApiServers: ['10.42.0.0/16'],
                    },
                  },
                },
              },
            },
          }),
        ],
      });
      try {
        const { port } = backend.server.address() as AddressInfo;
        const entityNames = async (filter: string) => {
          const res = await fetch(
            `http://localhost:${port}/api/catalog/entities/by-query?filter=${encodeURIComponent(
              filter,
            )}&limit=500`,
          );
          return ((await res.json()).items as Entity[]).map(
            e => e.metadata.name,
          );
        };
        const refused = () =>
          logger.warn.mock.calls.map(([, meta]) => (meta as any)?.entityRef);

        // Processing is asynchronous: wait until the component is in and both look-alikes were
        // processed (and refused).
        for (let attempt = 0; attempt < 150; attempt++) {
          const components = await entityNames('kind=component');
          if (
            components.includes('acme-storefront') &&
            refused().includes('resource:default/demo-release-nkp-2.16.0') &&
            refused().includes('resource:default/acme-shadow-cluster')
          ) {
            break;
          }
          await new Promise(r => setTimeout(r, 200));
        }

        expect(await entityNames('kind=component')).toEqual([
          'acme-storefront',
        ]);
        const resources = await entityNames('kind=resource');
        expect(resources).toContain('demo-nkp-mgmt');
        expect(resources).not.toContain('demo-release-nkp-2.16.0');
        expect(resources).not.toContain('acme-shadow-cluster');
        expect(refused()).toEqual(
          expect.arrayContaining([
            'resource:default/demo-release-nkp-2.16.0',
            'resource:default/acme-shadow-cluster',
          ]),
        );
      } finally {
        await backend.stop();
      }
    },
  );
});
