import { resolve } from 'node:path';
import { OfflineExportSource } from '../offline/OfflineExportSource';
import { fleetToEntities } from './fleetToEntities';
import { normaliseFleet } from './normaliseFleet';
import { slimObject } from './slimObject';
import {
  capiCluster,
  nkpCluster,
  release,
  smallFleet,
} from '../testUtils/nkpObjects';
import { RawObject } from './types';

const demoFleet = resolve(__dirname, '../../../../examples/nkp-demo-fleet');

function normalised(
  objects: readonly unknown[],
  model: 'management' | 'self-managed',
) {
  const { fleet, warnings } = normaliseFleet(objects, { model });
  const { entities } = fleetToEntities(fleet, {
    sourceId: 'demo',
    entityNamePrefix: 'demo',
    locationRef: 'nkp:demo',
    owners: { default: 'group:default/unknown', workspaces: {} },
  });
  return { fleet, warnings, entities };
}

describe('slimObject', () => {
  it.each([
    ['management', 'management'],
    ['hooli', 'self-managed'],
    ['stark', 'self-managed'],
  ] as const)(
    'keeps everything normalisation reads from the %s demo export',
    async (folder, model) => {
      const { objects } = await new OfflineExportSource(
        [folder],
        demoFleet,
      ).read(new AbortController().signal);
      expect(normalised(objects.map(slimObject), model)).toEqual(
        normalised(objects, model),
      );
    },
  );

  it('keeps what the newer NKP kinds and the fixtures carry', () => {
    const objects: RawObject[] = [
      ...smallFleet(),
      nkpCluster('acme-prod', 'acme-ns', {
        platformVersion: 'v2.18.0',
        kubernetesVersion: 'v1.35.0',
        phase: 'Upgrading',
      }),
      release('nkp-2.18.0', 'v2.18.0', ['v1.35.0'], '2027-06-30'),
    ];
    expect(normalised(objects.map(slimObject), 'management')).toEqual(
      normalised(objects, 'management'),
    );
  });

  it('drops what no reader looks at', () => {
    const capi = capiCluster('c1', 'ns') as RawObject & Record<string, any>;
    capi.metadata.annotations = {
      'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}',
      'kommander.mesosphere.io/display-name': 'C one',
    };
    capi.metadata.managedFields = [{ manager: 'capi' }];
    expect(slimObject(capi)).toEqual({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: {
        name: 'c1',
        namespace: 'ns',
        labels: { 'cluster.x-k8s.io/provider': 'nutanix' },
        annotations: { 'kommander.mesosphere.io/display-name': 'C one' },
      },
      spec: {
        controlPlaneEndpoint: { host: 'c1.example', port: 6443 },
        topology: { class: 'nkp-nutanix-v2.17.1', version: 'v1.34.3' },
      },
      status: { phase: 'Provisioned' },
    });
  });

  it.each([
    {
      case: 'a branch that is not an object is left out',
      spec: { topology: 'v1.34.3', controlPlaneEndpoint: 'nowhere' },
      slim: { controlPlaneEndpoint: 'nowhere' },
    },
    {
      case: 'a branch with nothing read below it is left out',
      spec: { topology: { controlPlane: { replicas: 3 } } },
      slim: undefined,
    },
    {
      case: 'a value read is kept whatever it is, for normalisation to judge',
      spec: { topology: { version: 134, classRef: { name: ['x'] } } },
      slim: { topology: { version: 134, classRef: { name: ['x'] } } },
    },
  ])('$case', ({ spec, slim }) => {
    const capi = { ...capiCluster('c1', 'ns'), spec };
    expect(slimObject(capi).spec).toEqual(slim);
  });

  it('leaves objects it cannot place alone, so normalisation can name them', () => {
    const odd = { kind: 'Cluster', metadata: 'not-an-object' };
    expect(slimObject(odd)).toBe(odd);
    const foreign = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } };
    expect(slimObject(foreign)).toBe(foreign);
  });
});
