/*
 * A patch must give what a full build gives: after each change of a sequence, the patched
 * entities equal those of building the changed objects from scratch, or the patcher says it
 * cannot tell (undefined) and changes nothing.
 */

import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { readNkpSourceSettings } from '../config/readNkpSourceConfig';
import type { NkpObjectEvent } from '../NkpSource';
import {
  capiCluster,
  kommanderCluster,
  nkpCluster,
  smallFleet,
  workspace,
} from '../testUtils/nkpObjects';
import { buildEntities } from './buildEntities';
import { NormaliseMemo } from './NormaliseMemo';

const source = readNkpSourceSettings(
  'mgmt',
  new ConfigReader({
    api: { url: 'https://mgmt.example:6443', token: 't' },
    allowedApiServers: ['*.example'],
    owners: { default: 'group:default/platform' },
  }),
);

type RawObject = Record<string, any>;

/** The fleet, and a way to change one object of it as a watch would (a new object). */
function followed(initial: RawObject[]) {
  const objects = initial.map(o => structuredClone(o));
  const memo = new NormaliseMemo();
  const first = buildEntities(source, objects, { memo, patchable: true });
  return {
    objects,
    patcher: first.patcher!,
    first,
    modify(kind: string, name: string, change: (o: RawObject) => void) {
      const at = objects.findIndex(
        o => o.kind === kind && o.metadata.name === name,
      );
      const next = structuredClone(objects[at]);
      change(next);
      const event: NkpObjectEvent = {
        type: 'MODIFIED',
        object: next,
        previous: objects[at],
      };
      objects[at] = next;
      return event;
    },
    /** What a full build of the current objects gives, from scratch. */
    full: () => buildEntities(source, objects),
  };
}

const byName = (entities: Entity[]) =>
  Object.fromEntries(entities.map(e => [`${e.kind}:${e.metadata.name}`, e]));

type Change = [kind: string, name: string, change: (o: RawObject) => void];

const version = (v: string) => (o: RawObject) => {
  o.spec.topology.version = v;
};

describe('FleetPatcher', () => {
  it.each<[string, Change[][]]>([
    [
      'a new Kubernetes version of a managed cluster',
      [[['Cluster', 'acme-prod', version('v1.35.0')]]],
    ],
    [
      'versions, phases and a display name, one after another, on the same and other clusters',
      [
        [['Cluster', 'acme-prod', version('v1.35.0')]],
        [
          [
            'Cluster',
            'acme-prod',
            o => {
              o.status.phase = 'Provisioning';
            },
          ],
        ],
        [
          [
            'Cluster',
            'acme-dev',
            o => {
              o.spec.topology.class = 'nkp-nutanix-v2.17.1';
            },
          ],
        ],
        [
          [
            'KommanderCluster',
            'acme-dev',
            o => {
              o.metadata.annotations = {
                'kommander.mesosphere.io/display-name': 'ACME dev',
              };
            },
          ],
        ],
      ],
    ],
    [
      'two changes in one batch, the second to the object the first made',
      [
        [
          ['Cluster', 'acme-prod', version('v1.35.0')],
          ['Cluster', 'acme-prod', version('v1.35.1')],
          ['KommanderCluster', 'globex-eks', o => (o.status.phase = 'Failed')],
        ],
      ],
    ],
    [
      'an endpoint that is no longer allowed',
      [
        [
          [
            'Cluster',
            'acme-dev',
            o => (o.spec.controlPlaneEndpoint = { host: 'x.evil', port: 443 }),
          ],
        ],
      ],
    ],
  ])('patches %s as a full build would', (_, batches) => {
    const fleet = followed(smallFleet());
    for (const batch of batches) {
      const events = batch.map(([kind, name, change]) =>
        fleet.modify(kind, name, change),
      );
      const patched = fleet.patcher.patch(events);
      const full = fleet.full();
      expect(patched).toBeDefined();
      expect(patched!.entities).toEqual(full.entities);
      // Only the changed clusters' entities are new
      const changedNames = new Set(batch.map(([, name]) => name));
      expect(
        patched!.changed
          .map(e => e.metadata.annotations!['nkp-lifecycle.io/object-name'])
          .sort(),
      ).toEqual([...changedNames].sort());
      for (const warning of patched!.warnings) {
        expect(full.warnings).toContainEqual(warning);
      }
    }
  });

  it.each<[string, (fleet: ReturnType<typeof followed>) => NkpObjectEvent[]]>([
    [
      'a label change (it may move the cluster between projects)',
      f => [
        f.modify('Cluster', 'acme-prod', o => (o.metadata.labels.env = 'dev')),
      ],
    ],
    [
      'a change to the source own cluster',
      f => [f.modify('Cluster', 'mgmt', version('v1.35.0'))],
    ],
    [
      'a KommanderCluster pointing at another CAPI Cluster',
      f => [
        f.modify('KommanderCluster', 'acme-dev', o => {
          o.spec.clusterRef.capiCluster.name = 'acme-prod';
        }),
      ],
    ],
    [
      'a workspace change',
      f => [
        f.modify('Workspace', 'acme', o => {
          o.metadata.labels['nkp-lifecycle.io/owner'] = 'team-b';
        }),
      ],
    ],
    [
      'an added object',
      () => [{ type: 'ADDED', object: capiCluster('acme-new', 'acme-ns') }],
    ],
    [
      'a deleted object',
      f => {
        const gone = f.objects.find(o => o.metadata.name === 'acme-dev')!;
        return [{ type: 'DELETED', object: gone, previous: gone }];
      },
    ],
    [
      'an object the last build did not read',
      () => [
        {
          type: 'MODIFIED',
          object: capiCluster('acme-prod', 'acme-ns'),
          previous: capiCluster('acme-prod', 'acme-ns'),
        },
      ],
    ],
    [
      'a good change in the same batch as one it cannot patch',
      f => [
        f.modify('Cluster', 'acme-dev', version('v1.35.0')),
        f.modify('Cluster', 'mgmt', version('v1.35.0')),
      ],
    ],
  ])('cannot patch %s, and then patches as before', (_, events) => {
    const fleet = followed(smallFleet());
    const original = [...fleet.objects];
    expect(fleet.patcher.patch(events(fleet))).toBeUndefined();
    // Nothing changed: a later good change patches from the last build
    const at = original.findIndex(o => o.metadata.name === 'globex-eks');
    const next = structuredClone(original[at]);
    next.status.kubernetesVersion = 'v1.33.1';
    const patched = fleet.patcher.patch([
      { type: 'MODIFIED', object: next, previous: original[at] },
    ]);
    original[at] = next;
    expect(patched!.entities).toEqual(buildEntities(source, original).entities);
  });

  it('patches a cluster with an NKPCluster and a workspace with cluster labels', () => {
    const fleet = followed([
      ...smallFleet(),
      workspace('initech', 'initech-ns', { clusterLabels: { tenant: 'i' } }),
      capiCluster('initech-1', 'initech-ns'),
      kommanderCluster('initech-1', 'initech-ns', { capiName: 'initech-1' }),
      nkpCluster('initech-1', 'initech-ns', { platformVersion: '2.16.1' }),
    ]);
    const event = fleet.modify('NKPCluster', 'initech-1', o => {
      o.status.platformVersion = '2.17.1';
    });
    const patched = fleet.patcher.patch([event]);
    expect(patched!.entities).toEqual(fleet.full().entities);
    expect(
      byName(patched!.changed)['Resource:mgmt-initech-1']?.metadata
        .annotations?.['nkp-lifecycle.io/nkp-version'],
    ).toBe('2.17.1');
  });

  it.each([
    ['patches the cluster whose entity was kept', 'dup-a', true],
    ['cannot patch the cluster whose entity was dropped', 'dup:a', false],
  ])('after two clusters map to one entity name, %s', (_, name, patchable) => {
    // `dup:a` is not a valid entity name; rewritten, it is `dup-a`'s: the first one keeps it.
    const fleet = followed([
      ...smallFleet(),
      capiCluster('dup-a', 'acme-ns'),
      capiCluster('dup:a', 'acme-ns'),
    ]);
    const event = fleet.modify('Cluster', name, version('v1.35.0'));
    const patched = fleet.patcher.patch([event]);
    const full = fleet.full();
    expect(
      full.warnings.filter(w => w.message.includes('same entity name')),
    ).toHaveLength(1);
    expect(patched?.entities).toEqual(patchable ? full.entities : undefined);
  });
});
