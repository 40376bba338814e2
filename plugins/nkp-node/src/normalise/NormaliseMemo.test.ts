/*
 * A memo must never change a result: after every change in a sequence, normalising with the
 * source's memo gives the same fleet, entities and warnings as normalising from scratch, and the
 * entities nothing changed for are the very objects built before.
 */

import { Entity } from '@backstage/catalog-model';
import {
  capiCluster,
  kommanderCluster,
  project,
  release,
  smallFleet,
  workspace,
} from '../testUtils/nkpObjects';
import { FleetEntityOptions, fleetToEntities } from './fleetToEntities';
import { NormaliseMemo } from './NormaliseMemo';
import { normaliseFleet } from './normaliseFleet';

const options: FleetEntityOptions = {
  sourceId: 'mgmt',
  entityNamePrefix: 'mgmt',
  locationRef: 'nkp:mgmt',
  owners: { default: 'group:default/platform', workspaces: {} },
};

function build(objects: unknown[], memo?: NormaliseMemo) {
  const { fleet, warnings } = normaliseFleet(objects, { memo });
  const built = fleetToEntities(fleet, options, memo);
  return {
    fleet,
    entities: built.entities,
    warnings: [...warnings, ...built.warnings],
  };
}

type Objects = ReturnType<typeof smallFleet>;
const named = (objects: unknown[], kind: string, name: string) =>
  objects.findIndex((o: any) => o.kind === kind && o.metadata?.name === name);
const replace = (
  objects: unknown[],
  kind: string,
  name: string,
  next: unknown,
) => objects.map((o, i) => (i === named(objects, kind, name) ? next : o));

const changes: Array<[string, (objects: Objects) => unknown[], string[]]> = [
  [
    'a managed cluster is upgraded',
    objects =>
      replace(
        objects,
        'Cluster',
        'acme-dev',
        capiCluster('acme-dev', 'acme-ns', {
          version: 'v1.34.3',
          clusterClass: 'nkp-nutanix-v2.17.1',
          labels: { env: 'dev' },
        }),
      ),
    ['Resource:mgmt-acme-dev'],
  ],
  [
    'a cluster is relabelled into a project placement',
    objects =>
      replace(
        objects,
        'KommanderCluster',
        'acme-dev',
        kommanderCluster('acme-dev', 'acme-ns', {
          capiName: 'acme-dev',
          labels: { env: 'prod' },
        }),
      ),
    ['Resource:mgmt-acme-dev', 'System:mgmt-acme-storefront'],
  ],
  [
    'a workspace changes its owner',
    objects =>
      replace(
        objects,
        'Workspace',
        'acme',
        workspace('acme', 'acme-ns', {
          labels: { 'nkp-lifecycle.io/owner': 'team-acme-platform' },
          clusterLabels: { tenant: 'acme' },
        }),
      ),
    [
      'Domain:mgmt-acme',
      'Resource:mgmt-acme-dev',
      'Resource:mgmt-acme-prod',
      'System:mgmt-acme-storefront',
    ],
  ],
  [
    'a project is deleted',
    objects =>
      objects.filter((_, i) => i !== named(objects, 'Project', 'storefront')),
    ['Resource:mgmt-acme-prod'],
  ],
  [
    'a cluster is added',
    objects => [
      ...objects,
      capiCluster('acme-qa', 'acme-ns', {
        version: 'v1.33.5',
        labels: { env: 'prod' },
      }),
      kommanderCluster('acme-qa', 'acme-ns', { capiName: 'acme-qa' }),
    ],
    ['Resource:mgmt-acme-qa', 'System:mgmt-acme-storefront'],
  ],
  [
    'a project gets a bad selector',
    objects =>
      replace(
        objects,
        'Project',
        'reports',
        project('reports', 'globex-ns', 'globex', {
          clusterSelector: {
            matchExpressions: [{ key: 'env', operator: 'Near' }],
          },
        }),
      ),
    ['Resource:mgmt-globex-eks', 'System:mgmt-globex-reports'],
  ],
  [
    'the management cluster is upgraded',
    objects =>
      replace(
        objects,
        'KommanderCluster',
        'host-cluster',
        kommanderCluster('host-cluster', 'kommander-default-workspace', {
          kubernetesVersion: 'v1.35.0',
        }),
      ),
    [],
  ],
  [
    'a Release appears',
    objects => [
      ...objects,
      release('nkp-2.17.1', 'v2.17.1', ['v1.34.3'], '2027-03-01'),
    ],
    ['Resource:mgmt-release-nkp-2.17.1'],
  ],
];

describe('NormaliseMemo', () => {
  it('gives the same results as normalising from scratch after every change', () => {
    const memo = new NormaliseMemo();
    let objects: unknown[] = smallFleet();
    expect(build(objects, memo)).toEqual(build(objects));
    for (const [, change] of changes) {
      objects = change(objects as Objects);
      expect(build(objects, memo)).toEqual(build(objects));
      // Asking twice with nothing changed changes nothing either.
      expect(build(objects, memo)).toEqual(build(objects));
    }
  });

  it.each(changes)(
    'rebuilds only the entities a change touches: %s',
    (_, change, rebuilt) => {
      const memo = new NormaliseMemo();
      const before = smallFleet();
      const first = build(before, memo).entities;
      const after = change(before);
      const second = build(after, memo).entities;
      expect(second).toEqual(build(after).entities);

      const previous = new Set<Entity>(first);
      expect(
        second
          .filter(entity => !previous.has(entity))
          .map(e => `${e.kind}:${e.metadata.name}`)
          .sort(),
      ).toEqual(rebuilt);
    },
  );

  it('rebuilds an entity whose context changed even though its object did not', () => {
    const memo = new NormaliseMemo();
    const objects = smallFleet();
    const { fleet } = normaliseFleet(objects, { memo });
    const first = fleetToEntities(fleet, options, memo).entities;
    const second = fleetToEntities(
      fleet,
      {
        ...options,
        dashboardUrl: 'https://nkp.example.com/dkp/kommander/dashboard',
      },
      memo,
    ).entities;
    expect(second[0]).not.toBe(first[0]);
    expect(second[0].metadata.links).toHaveLength(1);
  });

  it('holds only what the last build looked up: an object away for one build is read again', () => {
    const memo = new NormaliseMemo();
    const objects = smallFleet();
    const entityOf = (built: ReturnType<typeof build>) =>
      built.entities.find(e => e.metadata.name === 'mgmt-acme-dev');
    const first = entityOf(build(objects, memo));
    const at = named(objects, 'Cluster', 'acme-dev');
    expect(
      entityOf(
        build([...objects.slice(0, at), ...objects.slice(at + 1)], memo),
      ),
    ).not.toBeUndefined();
    // The same object, back after one build without it: built again, equal but not the same.
    const again = entityOf(build(objects, memo));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // While it stays, it is not built again.
    expect(entityOf(build(objects, memo))).toBe(again);
  });
});
