import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_POLICY_CONFIG,
  FleetEvaluation,
  NkpClusterFacts,
  buildReleaseCalendar,
  evaluateFleet,
  parsePolicyConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore } from '../database/PolicyStore';
import { ClusterIndex } from '../state/ClusterIndex';
import { FleetSnapshot } from '../state/FleetState';
import { dueNotifications, notifyOwners } from './notifyOwners';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const today = '2026-05-01';
const facts = (name: string, owner: string, nkp: string): NkpClusterFacts => ({
  entityRef: `resource:default/${name}`,
  name,
  owner,
  clusterType: 'self-managed',
  nkpVersion: nkp,
  kubernetesVersion: '1.32.1',
  workspace: name,
  projects: [],
});

function snapshotOf(evaluation: FleetEvaluation): FleetSnapshot {
  return {
    evaluation,
    calendar: buildReleaseCalendar(),
    served: [],
    feeds: [],
    plans: [],
    exceptions: [],
    byRef: new Map(),
    index: new ClusterIndex(evaluation.clusters),
    evaluatedAt: `${evaluation.evaluatedOn}T00:00:00.000Z`,
    takenNames: new Set(),
    nameKeys: new Map(),
    engine: {
      calendar: buildReleaseCalendar(),
      config: DEFAULT_POLICY_CONFIG,
      plans: [],
      exceptions: [],
      now: new Date(`${evaluation.evaluatedOn}T00:00:00.000Z`),
    },
  };
}

function snapshotOn(day: string): FleetSnapshot {
  const evaluation = evaluateFleet({
    clusters: [
      facts('acme', 'team-acme', '2.15.0'),
      facts('hooli', 'group:default/team-hooli', '2.15.0'),
      facts('stark', 'group:default/team-stark', '2.16.0'),
    ],
    calendar: buildReleaseCalendar(),
    config: parsePolicyConfig({
      managedSkew: { enabled: false },
      selfManagedWindow: { enabled: false },
      upstreamEol: { enabled: false },
    }),
    plans: [
      // Deadline 2026-05-31: the 30-day reminder is due today
      {
        id: 'p-acme',
        title: 'Acme to 2.16',
        targetVersion: '2.16',
        announcedAt: '2026-03-02',
        scope: { kind: 'workspace', name: 'acme' },
      },
      // Deadline passed on 2026-04-01: unsupported
      {
        id: 'p-hooli',
        title: 'Hooli to 2.16',
        targetVersion: '2.16',
        announcedAt: '2026-01-01',
        scope: { kind: 'workspace', name: 'hooli' },
      },
    ],
    now: day,
  });
  return snapshotOf(evaluation);
}

describe('notifyOwners', () => {
  it('reminds, warns of lost support, and leaves compliant owners alone', () => {
    const due = dueNotifications(snapshotOn(today));
    expect(due.map(d => [d.key, d.options.recipients])).toEqual([
      [
        'reminder:p-acme:resource:default/acme:30',
        { type: 'entity', entityRef: 'group:default/team-acme' },
      ],
      [
        'unsupported:resource:default/hooli:2026-04-01',
        { type: 'entity', entityRef: 'group:default/team-hooli' },
      ],
    ]);
    expect(due[1].options.payload).toMatchObject({
      title: 'hooli has lost support',
      severity: 'critical',
      link: '/catalog/default/resource/hooli',
    });
  });

  describe('a management-plane plan', () => {
    // mgmt on 1.33 moves to NKP 2.17 (Kubernetes 1.34), deadline 2026-05-31: ready (1.33) and
    // slow (1.32, two minors behind the target) are managed by it.
    const managedBy = (name: string, k8s: string): NkpClusterFacts => ({
      ...facts(name, `group:default/team-${name}`, '2.16.0'),
      clusterType: 'managed',
      managementCluster: 'mgmt',
      kubernetesVersion: k8s,
    });
    const on = (day: string) =>
      dueNotifications(
        snapshotOf(
          evaluateFleet({
            clusters: [
              {
                ...facts('mgmt', 'group:default/platform-team', '2.16.0'),
                clusterType: 'management',
                kubernetesVersion: '1.33.2',
              },
              managedBy('ready', '1.33.4'),
              managedBy('slow', '1.32.1'),
            ],
            calendar: buildReleaseCalendar(),
            config: parsePolicyConfig({
              selfManagedWindow: { enabled: false },
              upstreamEol: { enabled: false },
            }),
            plans: [
              {
                id: 'p-mgmt',
                title: 'Management plane to 2.17',
                targetVersion: '2.17',
                announcedAt: '2026-03-02',
                scope: { kind: 'management-cluster', name: 'mgmt' },
              },
            ],
            now: day,
          }),
        ),
      ).map(d => [d.key, d.options.payload.title]);

    it('reminds only the blockers: ready tenants and the platform’s own step are left alone', () => {
      expect(on(today)).toEqual([
        [
          'reminder:p-mgmt:resource:default/slow:30',
          'slow: upgrade due by 2026-05-31 (30 days left)',
        ],
      ]);
    });

    it('tells the blockers, and only them, when they lose support', () => {
      expect(on('2026-05-31')).toEqual([
        [
          'unsupported:resource:default/slow:2026-05-31',
          'slow has lost support',
        ],
      ]);
    });
  });

  it('sends each notification once across evaluations, restarts and replicas', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = { getClient: async () => knex };
    const notifications = { send: jest.fn(async () => {}) };
    const logger = mockServices.logger.mock();
    const replicaA = notifyOwners({
      store: await PolicyStore.create({ database }),
      notifications,
      logger,
    });
    const replicaB = notifyOwners({
      store: await PolicyStore.create({ database }),
      notifications,
      logger,
    });

    await Promise.all([
      replicaA(snapshotOn(today)),
      replicaB(snapshotOn(today)),
    ]);
    await replicaA(snapshotOn(today));
    expect(notifications.send).toHaveBeenCalledTimes(2);

    // The next reminder (14 days before the deadline) is a new notification
    await replicaB(snapshotOn('2026-05-17'));
    expect(notifications.send).toHaveBeenCalledTimes(3);
    expect(notifications.send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          scope: 'reminder:p-acme:resource:default/acme:14',
        }),
      }),
    );
  });
});
