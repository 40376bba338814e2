import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { Knex } from 'knex';
import { resolve } from 'node:path';
import { PolicyStore, SYSTEM_ACTOR, toPolicyException } from './PolicyStore';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

if (
  process.env.NKP_TEST_REQUIRE_POSTGRES === 'true' &&
  !databases.supports('POSTGRES_15')
) {
  throw new Error(
    'PostgreSQL integration tests required but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
  );
}

jest.setTimeout(60_000);

describe('PolicyStore', () => {
  async function createStore(databaseId: Parameters<TestDatabases['init']>[0]) {
    const knex: Knex = await databases.init(databaseId);
    let now = new Date('2026-03-01T10:00:00.000Z');
    const store = await PolicyStore.create({
      database: { getClient: async () => knex },
      clock: () => now,
    });
    return {
      knex,
      store,
      setNow: (iso: string) => {
        now = new Date(iso);
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'records idempotency keys per caller and operation, and refuses a key twice, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const input = {
        title: 'Fleet to 2.17',
        targetVersion: '2.17',
        announcedAt: '2026-03-01',
        scope: { kind: 'fleet' as const },
      };
      const plan = await store.createPlan(input, 'user:default/a', {
        idempotencyKey: 'k',
      });
      expect(
        await store.idempotentObjectId(
          'user:default/a',
          'upgrade-plan.create',
          'k',
        ),
      ).toBe(plan.id);
      expect(
        await store.idempotentObjectId(
          'user:default/b',
          'upgrade-plan.create',
          'k',
        ),
      ).toBeUndefined();
      expect(
        await store.idempotentObjectId(
          'user:default/a',
          'exception.request',
          'k',
        ),
      ).toBeUndefined();
      await expect(
        store.createPlan(input, 'user:default/a', { idempotencyKey: 'k' }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // The refused one wrote nothing
      expect(await knex('upgrade_plans')).toHaveLength(1);
      expect(await knex('audit_log')).toHaveLength(1);
      expect(await store.getPlan(plan.id)).toMatchObject({
        title: input.title,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'creates upgrade plans with an audit row, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const plan = await store.createPlan(
        {
          title: 'Management plane to 2.17',
          targetVersion: '2.17',
          announcedAt: '2026-03-01',
          scope: { kind: 'management-cluster', name: 'nkp-mgmt' },
        },
        'user:default/platform-lead',
      );
      await store.createPlan(
        {
          title: 'Fleet to 2.16',
          targetVersion: '2.16.1',
          announcedAt: '2026-02-01',
          windowDays: 60,
          scope: { kind: 'fleet' },
        },
        'user:default/platform-lead',
      );

      const plans = await store.listPlans();
      expect(plans.map(p => p.title)).toEqual([
        'Fleet to 2.16',
        'Management plane to 2.17',
      ]);
      expect(plans[0]).toMatchObject({
        windowDays: 60,
        scope: { kind: 'fleet' },
      });
      expect(plans[1]).toEqual({
        id: plan.id,
        title: 'Management plane to 2.17',
        targetVersion: '2.17',
        announcedAt: '2026-03-01',
        scope: { kind: 'management-cluster', name: 'nkp-mgmt' },
        requires: 'within-skew',
        createdBy: 'user:default/platform-lead',
        createdAt: '2026-03-01T10:00:00.000Z',
        status: 'active',
      });

      const audit = await store.listAudit({ objectId: plan.id });
      expect(audit).toEqual([
        expect.objectContaining({
          at: '2026-03-01T10:00:00.000Z',
          actor: 'user:default/platform-lead',
          action: 'upgrade-plan.create',
          objectType: 'upgrade-plan',
          objectId: plan.id,
          details: expect.objectContaining({
            targetVersion: '2.17',
            requires: 'within-skew',
          }),
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps what a plan requires, and reads plans from before the column with their scope’s default, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      const directory = resolve(__dirname, '../../migrations');
      // The schema as it was before plans said what they require, with a plan in it.
      await knex.migrate.up({ directory, name: '20260301000000_policy.js' });
      await knex.migrate.up({
        directory,
        name: '20261121000000_audit_actor_index.js',
      });
      const old = {
        target_version: '2.17',
        announced_at: '2026-01-10',
        window_days: null,
        created_by: 'user:default/platform-lead',
        created_at: '2026-01-10T09:00:00.000Z',
      };
      await knex('upgrade_plans').insert([
        {
          ...old,
          id: 'old-mgmt',
          title: 'Old management plane plan',
          scope_kind: 'management-cluster',
          scope_name: 'nkp-mgmt',
        },
        {
          ...old,
          id: 'old-fleet',
          title: 'Old fleet plan',
          scope_kind: 'fleet',
          scope_name: null,
        },
      ]);
      const store = await PolicyStore.create({
        database: { getClient: async () => knex },
        clock: () => new Date('2026-03-01T10:00:00.000Z'),
      });
      await store.createPlan(
        {
          title: 'Fleet, within the skew',
          targetVersion: '2.18',
          announcedAt: '2026-03-01',
          scope: { kind: 'fleet' },
          requires: 'within-skew',
        },
        'user:default/platform-lead',
      );
      const requires = Object.fromEntries(
        (await store.listPlans()).map(p => [p.title, p.requires]),
      );
      // Plans from before cancelling existed are active
      expect((await store.listPlans()).map(p => p.status)).toEqual([
        'active',
        'active',
        'active',
      ]);
      expect(requires).toEqual({
        'Old management plane plan': 'within-skew',
        'Old fleet plan': 'reach-target',
        'Fleet, within the skew': 'within-skew',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'requests and approves exceptions once, on %p',
    async databaseId => {
      const { store, setNow } = await createStore(databaseId);
      const requested = await store.requestException(
        {
          target: { cluster: 'resource:default/acme-prod' },
          rule: 'upgrade-plan',
          reason: 'Vendor certification of 1.34 pending',
          expiresAt: '2026-04-15',
        },
        'user:default/acme-dev',
      );
      expect(requested.status).toBe('requested');
      expect(toPolicyException(requested)).toBeUndefined();

      setNow('2026-03-02T08:00:00.000Z');
      const approved = await store.approveException(
        requested.id,
        'user:default/platform-lead',
        { expiresAt: '2026-04-01', comment: 'two weeks less' },
      );
      expect(approved).toMatchObject({
        status: 'approved',
        approvedBy: 'user:default/platform-lead',
        approvedAt: '2026-03-02T08:00:00.000Z',
        expiresAt: '2026-04-01',
        requestedBy: 'user:default/acme-dev',
      });
      expect(toPolicyException(approved)).toEqual({
        id: requested.id,
        target: { cluster: 'resource:default/acme-prod' },
        rule: 'upgrade-plan',
        reason: 'Vendor certification of 1.34 pending',
        approvedBy: 'user:default/platform-lead',
        approvedAt: '2026-03-02T08:00:00.000Z',
        expiresAt: '2026-04-01',
      });

      await expect(
        store.approveException(requested.id, 'user:default/other'),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.approveException('no-such-id', 'user:default/other'),
      ).rejects.toBeInstanceOf(NotFoundError);

      expect(await store.recordExpiry(requested.id, '2026-04-01')).toBe(true);
      expect(await store.recordExpiry(requested.id, '2026-04-01')).toBe(false);

      const audit = await store.listAudit({
        objectType: 'exception',
        objectId: requested.id,
      });
      expect(audit.map(a => [a.action, a.actor, a.reason])).toEqual([
        [
          'exception.request',
          'user:default/acme-dev',
          'Vendor certification of 1.34 pending',
        ],
        ['exception.approve', 'user:default/platform-lead', 'two weeks less'],
        ['exception.expire', SYSTEM_ACTOR, 'stopped counting on 2026-04-01'],
      ]);
      expect(await store.listExceptions()).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to let the requester approve their own exception unless allowed, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const request = {
        target: { owner: 'group:default/team-acme' },
        reason: 'Quarter-end freeze on every acme cluster',
        expiresAt: '2026-04-15',
      };
      const own = await store.requestException(request, 'user:default/Lead');

      const refused = store.approveException(own.id, 'user:default/lead');
      await expect(refused).rejects.toBeInstanceOf(NotAllowedError);
      await expect(refused).rejects.toThrow(
        /requested by user:default\/Lead, who may not also approve it/,
      );
      expect((await store.getException(own.id))?.status).toBe('requested');
      expect(await store.listAudit({ objectId: own.id })).toHaveLength(1);

      // A separate approver is fine, and so is the requester where self-approval is allowed
      const other = await store.requestException(request, 'user:default/lead');
      await store.approveException(other.id, 'user:default/second');
      await store.approveException(own.id, 'user:default/lead', {
        allowSelfApproval: true,
      });
      const approvals = await store.queryAudit({
        objectType: 'exception',
        limit: 10,
      });
      expect(
        approvals.items
          .filter(a => a.action === 'exception.approve')
          .map(a => [a.objectId, a.actor, a.details?.selfApproved]),
      ).toEqual([
        [own.id, 'user:default/lead', true],
        [other.id, 'user:default/second', undefined],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages the audit log newest first and filters it, on %p',
    async databaseId => {
      const { store, setNow } = await createStore(databaseId);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        setNow(`2026-03-0${i + 1}T10:00:00.000Z`);
        const plan = await store.createPlan(
          {
            title: `Plan ${i}`,
            targetVersion: '2.17',
            announcedAt: '2026-03-01',
            scope: { kind: 'fleet' },
          },
          i % 2 === 0 ? 'user:default/even' : 'user:default/odd',
        );
        ids.push(plan.id);
      }
      const exception = await store.requestException(
        {
          target: { cluster: 'resource:default/acme-prod' },
          reason: 'Vendor certification of 1.34 pending',
          expiresAt: '2026-04-15',
        },
        'user:default/even',
      );

      const first = await store.queryAudit({ limit: 4 });
      expect(first.items.map(a => a.objectId)).toEqual([
        exception.id,
        ids[4],
        ids[3],
        ids[2],
      ]);
      const second = await store.queryAudit({
        limit: 4,
        beforeId: first.nextBeforeId,
      });
      expect(second.items.map(a => a.objectId)).toEqual([ids[1], ids[0]]);
      expect(second.nextBeforeId).toBeUndefined();

      const byActor = await store.queryAudit({
        actor: 'user:default/even',
        objectType: 'upgrade-plan',
        limit: 10,
      });
      expect(byActor.items.map(a => a.objectId)).toEqual([
        ids[4],
        ids[2],
        ids[0],
      ]);
      const one = await store.queryAudit({ objectId: ids[3], limit: 10 });
      expect(one.items).toEqual([
        expect.objectContaining({
          at: '2026-03-04T10:00:00.000Z',
          actor: 'user:default/odd',
          action: 'upgrade-plan.create',
          objectType: 'upgrade-plan',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'claims each notification key once, also across store instances, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const replica = await PolicyStore.create({
        database: { getClient: async () => knex },
      });
      const key = 'plan:p1:cluster:resource:default/a:reminder:2026-03-01';
      const claims = await Promise.all([
        store.claimNotification(key),
        replica.claimNotification(key),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimNotification(key)).toBe(false);
      expect(await store.claimNotification(`${key}-other`)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'changes a plan, writing only what differs, and cancels it once, on %p',
    async databaseId => {
      const { store, setNow } = await createStore(databaseId);
      const plan = await store.createPlan(
        {
          title: 'Fleet to 2.17',
          targetVersion: '2.17',
          announcedAt: '2026-03-01',
          scope: { kind: 'fleet' },
        },
        'user:default/a',
      );
      setNow('2026-03-02T08:00:00.000Z');
      const changed = await store.changePlan(
        plan.id,
        { title: 'Fleet to 2.17', targetVersion: '2.18', windowDays: 60 },
        'user:default/b',
      );
      expect(changed).toMatchObject({
        title: 'Fleet to 2.17',
        targetVersion: '2.18',
        windowDays: 60,
        status: 'active',
      });
      expect(await store.getPlan(plan.id)).toEqual(changed);
      // Nothing differs: nothing written
      await store.changePlan(plan.id, { windowDays: 60 }, 'user:default/b');

      setNow('2026-03-03T08:00:00.000Z');
      const cancelled = await store.cancelPlan(
        plan.id,
        'Superseded by the 2.19 plan',
        'user:default/c',
      );
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'user:default/c',
        cancelledAt: '2026-03-03T08:00:00.000Z',
        cancelReason: 'Superseded by the 2.19 plan',
      });
      expect(await store.getPlan(plan.id)).toEqual(cancelled);

      for (const attempt of [
        () => store.cancelPlan(plan.id, 'again, please', 'user:default/c'),
        () => store.changePlan(plan.id, { title: 'x' }, 'user:default/c'),
      ]) {
        await expect(attempt()).rejects.toBeInstanceOf(ConflictError);
      }
      await expect(
        store.cancelPlan('no-such-id', 'a reason', 'user:default/c'),
      ).rejects.toBeInstanceOf(NotFoundError);

      const audit = await store.listAudit({ objectId: plan.id });
      expect(audit.map(a => [a.action, a.actor, a.reason, a.details])).toEqual([
        ['upgrade-plan.create', 'user:default/a', undefined, expect.anything()],
        [
          'upgrade-plan.change',
          'user:default/b',
          undefined,
          {
            before: { targetVersion: '2.17', windowDays: null },
            after: { targetVersion: '2.18', windowDays: 60 },
          },
        ],
        [
          'upgrade-plan.cancel',
          'user:default/c',
          'Superseded by the 2.19 plan',
          { title: 'Fleet to 2.17', targetVersion: '2.18' },
        ],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects requested and revokes approved exceptions, each once, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const request = () =>
        store.requestException(
          {
            target: { owner: 'group:default/team-acme' },
            reason: 'Vendor certification of 1.34 pending',
            expiresAt: '2026-04-15',
          },
          'user:default/acme-dev',
        );
      const toReject = await request();
      const toRevoke = await request();
      await store.approveException(toRevoke.id, 'user:default/lead');

      const rejected = await store.rejectException(
        toReject.id,
        'Upgrade instead',
        'user:default/lead',
      );
      expect(rejected).toMatchObject({
        status: 'rejected',
        rejectedBy: 'user:default/lead',
        rejectedAt: '2026-03-01T10:00:00.000Z',
        rejectionReason: 'Upgrade instead',
      });
      const revoked = await store.revokeException(
        toRevoke.id,
        'Certified after all',
        'user:default/other-lead',
      );
      expect(revoked).toMatchObject({
        status: 'revoked',
        approvedBy: 'user:default/lead',
        revokedBy: 'user:default/other-lead',
        revocationReason: 'Certified after all',
      });
      expect(toPolicyException(revoked)).toBeUndefined();
      expect(toPolicyException(rejected)).toBeUndefined();
      expect(await store.getException(toReject.id)).toEqual(rejected);
      expect(await store.getException(toRevoke.id)).toEqual(revoked);
      // Neither a revoked one's expiry is recorded
      expect(await store.recordExpiry(toRevoke.id, '2026-04-15')).toBe(false);

      const rows = await knex('exceptions').orderBy('id');
      const auditRows = await knex('audit_log').count({ n: '*' });
      for (const [attempt, message] of [
        [
          () => store.rejectException(toReject.id, 'again', 'user:default/x'),
          /is rejected, by user:default\/lead on .*; only requested exceptions can be rejected/,
        ],
        [
          () => store.revokeException(toReject.id, 'again', 'user:default/x'),
          /is rejected, .*; only approved exceptions can be revoked/,
        ],
        [
          () => store.rejectException(toRevoke.id, 'again', 'user:default/x'),
          /is revoked, by user:default\/other-lead/,
        ],
        [
          () => store.revokeException(toRevoke.id, 'again', 'user:default/x'),
          /is revoked/,
        ],
        [
          () => store.approveException(toReject.id, 'user:default/x'),
          /is already rejected/,
        ],
      ] as const) {
        await expect(attempt()).rejects.toThrow(message);
      }
      await expect(
        store.revokeException('no-such-id', 'a reason', 'user:default/x'),
      ).rejects.toBeInstanceOf(NotFoundError);
      // The refused ones changed nothing
      expect(await knex('exceptions').orderBy('id')).toEqual(rows);
      expect(await knex('audit_log').count({ n: '*' })).toEqual(auditRows);

      const audit = await store.listAudit({ objectType: 'exception' });
      expect(
        audit
          .filter(a =>
            ['exception.reject', 'exception.revoke'].includes(a.action),
          )
          .map(a => [a.action, a.objectId, a.actor, a.reason]),
      ).toEqual([
        [
          'exception.reject',
          toReject.id,
          'user:default/lead',
          'Upgrade instead',
        ],
        [
          'exception.revoke',
          toRevoke.id,
          'user:default/other-lead',
          'Certified after all',
        ],
      ]);
    },
  );
});
