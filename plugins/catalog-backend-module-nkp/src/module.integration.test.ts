/*
 * The real catalog backend plus this module on real databases: the demo fleet goes through the
 * offline source, the provider and the catalog's own processing, and comes out of the catalog API
 * as entities with their relations.
 */

import { Entity } from '@backstage/catalog-model';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { catalogModuleNkp } from './module';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
if (
  process.env.NKP_TEST_REQUIRE_POSTGRES === 'true' &&
  !databases.supports('POSTGRES_15')
) {
  throw new Error(
    'PostgreSQL integration tests required but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
  );
}

const demoFleet = resolve(__dirname, '../../../examples/nkp-demo-fleet');

jest.setTimeout(60_000);

describe('catalogModuleNkp with the catalog backend', () => {
  it.each(databases.eachSupportedId())(
    'ingests the demo fleet into the catalog on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleNkp,
          mockServices.database.factory({ knex }),
          // Runs every scheduled task once at startup, i.e. one ingestion per source.
          mockServices.scheduler.factory(),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                // The default rules allow only a few kinds from locations; be explicit.
                rules: [
                  { allow: ['Resource', 'System', 'Domain', 'Location'] },
                ],
                providers: {
                  nkp: {
                    demo: {
                      offline: { paths: [`${demoFleet}/management`] },
                      dashboardUrl:
                        'https://nkp-mgmt.demo.example/dkp/kommander/dashboard',
                      owners: { default: 'group:default/platform-team' },
                      allowedApiServers: ['10.42.0.0/16'],
                    },
                    hooli: {
                      model: 'self-managed',
                      offline: { paths: [`${demoFleet}/hooli`] },
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
        const query = async (filter: string): Promise<Entity[]> => {
          const response = await fetch(
            `http://localhost:${port}/api/catalog/entities/by-query?filter=${encodeURIComponent(
              filter,
            )}&limit=500`,
          );
          expect(response.status).toBe(200);
          return (await response.json()).items;
        };

        // The catalog processes new entities asynchronously; wait until every cluster has its
        // relations (i.e. has been processed, not just stored).
        let clusters: Entity[] = [];
        for (let attempt = 0; attempt < 100; attempt++) {
          clusters = await query('kind=resource,spec.type=kubernetes-cluster');
          if (
            clusters.length === 13 &&
            clusters.every(c => c.relations?.length)
          ) {
            break;
          }
          await new Promise(r => setTimeout(r, 200));
        }

        expect(clusters.map(c => c.metadata.name).sort()).toEqual([
          'demo-acme-dev-01',
          'demo-acme-prod-01',
          'demo-acme-prod-02',
          'demo-globex-pay-dr',
          'demo-globex-pay-prod',
          'demo-globex-pay-staging',
          'demo-initech-bi-01',
          'demo-initech-eks-attached',
          'demo-initech-etl-01',
          'demo-nkp-mgmt',
          'demo-umbrella-research-01',
          'demo-umbrella-sandbox',
          'hooli-hooli-nkp',
        ]);

        const prod = clusters.find(
          c => c.metadata.name === 'demo-acme-prod-01',
        )!;
        expect(prod.metadata.annotations).toMatchObject({
          'nkp-lifecycle.io/cluster-type': 'managed',
          'nkp-lifecycle.io/kubernetes-version': '1.34.3',
          'nkp-lifecycle.io/nkp-version': '2.17.1',
          'nkp-lifecycle.io/management-cluster': 'demo-nkp-mgmt',
          'kubernetes.io/api-server': 'https://10.42.10.10:6443',
        });
        const relations = prod
          .relations!.map(r => `${r.type} ${r.targetRef}`)
          .sort();
        expect(relations).toEqual(
          expect.arrayContaining([
            'dependencyOf system:default/demo-acme-retail-checkout',
            'dependencyOf system:default/demo-acme-retail-storefront',
            'dependsOn resource:default/demo-nkp-mgmt',
            'ownedBy group:default/team-acme',
          ]),
        );

        const hooli = clusters.find(
          c => c.metadata.name === 'hooli-hooli-nkp',
        )!;
        expect(hooli.metadata.annotations).toMatchObject({
          'nkp-lifecycle.io/cluster-type': 'self-managed',
          'nkp-lifecycle.io/nkp-version': '2.16.1',
          'nkp-lifecycle.io/management-cluster': 'hooli-hooli-nkp',
        });

        // Both sources have a default-workspace; the prefixes keep them apart.
        const domains = await query('kind=domain');
        expect(domains.map(d => d.metadata.name)).toEqual(
          expect.arrayContaining([
            'demo-default-workspace',
            'hooli-default-workspace',
          ]),
        );
        const [storefront] = await query(
          'kind=system,metadata.name=demo-acme-retail-storefront',
        );
        expect(storefront.spec).toMatchObject({
          domain: 'domain:default/demo-acme-retail',
          owner: 'group:default/team-acme',
        });
      } finally {
        await backend.stop();
      }
    },
  );
});
