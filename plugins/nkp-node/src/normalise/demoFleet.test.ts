/*
 * The demo fleet in examples/nkp-demo-fleet is what the portal shows by default; it goes through
 * the same source and normalisation as production data, and must stay warning-free.
 */

import { resolve } from 'node:path';
import { normaliseFleet } from './normaliseFleet';
import { NkpSourceModel } from './readClusters';
import { OfflineExportSource } from '../offline/OfflineExportSource';

const demoFleet = resolve(__dirname, '../../../../examples/nkp-demo-fleet');

async function readDemo(folder: string, model: NkpSourceModel) {
  const { objects } = await new OfflineExportSource([folder], demoFleet).read(
    new AbortController().signal,
  );
  return normaliseFleet(objects, { model });
}

describe('the demo fleet', () => {
  it('holds a management cluster with managed and attached clusters across four minors', async () => {
    const { fleet, warnings } = await readDemo('management', 'management');
    expect(warnings).toEqual([]);
    expect(
      fleet.clusters.map(c =>
        [
          c.name,
          c.type,
          c.kubernetesVersion,
          c.nkpVersion,
          c.phase,
          c.workspace,
          c.projects.join(','),
        ].join(' '),
      ),
    ).toEqual([
      'acme-dev-01 managed 1.33.5 2.16.1 Provisioned acme-retail acme-dev-tools',
      'acme-prod-01 managed 1.34.3 2.17.1 Provisioned acme-retail checkout,storefront',
      'acme-prod-02 managed 1.34.3 2.17.1 Provisioned acme-retail checkout,storefront',
      'globex-pay-dr managed 1.32.3 2.15.2 Provisioned globex-payments payments-core',
      'globex-pay-prod managed 1.33.5 2.16.1 Provisioned globex-payments payments-core,payments-reporting',
      'globex-pay-staging managed 1.34.3 2.17.1 Provisioning globex-payments ',
      'initech-bi-01 managed 1.32.3 2.15.2 Provisioned initech-analytics bi-dashboards',
      'initech-eks-attached attached 1.32.9  Joined initech-analytics bi-dashboards',
      'initech-etl-01 managed 1.31.4 2.14.0 Provisioned initech-analytics data-pipelines',
      'nkp-mgmt management 1.34.3 2.17.1 Provisioned default-workspace platform-observability',
      'umbrella-research-01 managed 1.34.3 2.17.1 Provisioned umbrella-labs ml-research',
      'umbrella-sandbox managed 1.33.5 2.16.1 Provisioned umbrella-labs lab-sandbox',
    ]);
    expect(fleet.workspaces.map(w => `${w.name}:${w.owner ?? ''}`)).toEqual([
      'acme-retail:team-acme',
      'default-workspace:',
      'globex-payments:team-globex',
      'initech-analytics:team-initech',
      'umbrella-labs:team-umbrella',
    ]);
    expect(fleet.projects).toHaveLength(10);
  });

  it.each([
    ['hooli', 'hooli-nkp self-managed 1.33.5 2.16.1 hooli-chat,hooli-search'],
    ['stark', 'stark-nkp self-managed 1.31.4 2.14.0 stark-armory,stark-jarvis'],
  ])('holds the self-managed tenant %s', async (folder, expected) => {
    const { fleet, warnings } = await readDemo(folder, 'self-managed');
    expect(warnings).toEqual([]);
    expect(
      fleet.clusters.map(c =>
        [
          c.name,
          c.type,
          c.kubernetesVersion,
          c.nkpVersion,
          c.projects.join(','),
        ].join(' '),
      ),
    ).toEqual([expected]);
  });
});
