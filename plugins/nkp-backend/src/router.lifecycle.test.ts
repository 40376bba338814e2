/**
 * The end of plans and exceptions through the API: a plan changed or cancelled, an exception
 * rejected or revoked. Tables of caller × state × transition → status; a refused request changes
 * nothing (the row and the audit log read the same before and after); what is accepted is
 * audited and changes the evaluation at once.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  day,
  exceptionRequest,
  latePlan,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(60_000);

const MANAGER = 'user:default/mock';
const LEAD = 'user:default/platform-lead';
const TENANT = 'user:default/tenant';
const as = (user: string) => mockCredentials.user.header(user);

type Server = Awaited<ReturnType<typeof startBackend>>['server'];

/** Everything a refused request must leave as it was. */
async function stateOf(knex: Knex, table: string, id: string) {
  return {
    row: await knex(table).where({ id }).first(),
    audit: await knex('audit_log').where({ object_id: id }).orderBy('id'),
  };
}

function backend() {
  return startBackend({
    deniedFor: {
      [TENANT]: ['nkp.upgrade-plan.manage', 'nkp.exception.approve'],
    },
  });
}

describe('changing and cancelling upgrade plans', () => {
  // acme-prod (1.32) is outside the skew of 2.17's Kubernetes 1.34: upgrade due by day 90
  const plan = {
    title: 'Management plane to NKP 2.17',
    targetVersion: '2.17',
    announcedAt: day(0),
    scope: { kind: 'management-cluster', name: 'mgmt' },
  };
  let server: Server;
  let knex: Knex;

  beforeAll(async () => {
    ({ server, knex } = await backend());
  });

  async function planIn(state: 'active' | 'cancelled' | 'unknown') {
    if (state === 'unknown') return 'no-such-plan';
    const created = await request(server)
      .post('/api/nkp/plans')
      .set('Authorization', as(MANAGER))
      .send(plan)
      .expect(201);
    if (state === 'cancelled') {
      await request(server)
        .post(`/api/nkp/plans/${created.body.id}/cancel`)
        .set('Authorization', as(MANAGER))
        .send({ reason: 'Superseded by the 2.18 plan' })
        .expect(200);
    }
    return created.body.id as string;
  }

  const change = (id: string) =>
    request(server).patch(`/api/nkp/plans/${id}`).send({ title: 'Renamed' });
  const cancel = (id: string) =>
    request(server)
      .post(`/api/nkp/plans/${id}/cancel`)
      .send({ reason: 'The vendor withdrew 2.17' });

  it.each([
    ['changes', change, 'upgrade-plan.change'],
    ['cancels', cancel, 'upgrade-plan.cancel'],
  ] as const)(
    'a plan manager %s an active plan: 200, audited',
    async (_what, send, action) => {
      const id = await planIn('active');
      const res = await send(id).set('Authorization', as(MANAGER));
      expect(res.status).toBe(200);
      const { audit } = await stateOf(knex, 'upgrade_plans', id);
      expect(audit.at(-1)).toMatchObject({ actor: MANAGER, action });
    },
  );

  const notAllowed = /Not allowed: nkp\.upgrade-plan\.manage/;
  const notFound = /No upgrade plan with id 'no-such-plan'/;
  const isCancelled = /was cancelled by user:default\/mock on .* and cannot be/;
  it.each([
    [
      'a plan manager',
      'changes',
      'cancelled',
      409,
      MANAGER,
      change,
      isCancelled,
    ],
    ['a plan manager', 'changes', 'unknown', 404, MANAGER, change, notFound],
    ['a tenant', 'changes', 'active', 403, TENANT, change, notAllowed],
    [
      'a plan manager',
      'cancels',
      'cancelled',
      409,
      MANAGER,
      cancel,
      isCancelled,
    ],
    ['a plan manager', 'cancels', 'unknown', 404, MANAGER, cancel, notFound],
    ['a tenant', 'cancels', 'active', 403, TENANT, cancel, notAllowed],
    // Authorized before anything else: a tenant learns nothing of the plan's state
    ['a tenant', 'cancels', 'cancelled', 403, TENANT, cancel, notAllowed],
    ['a tenant', 'cancels', 'unknown', 403, TENANT, cancel, notAllowed],
  ] as const)(
    '%s who %s a plan that is %s: %d, and nothing changes',
    async (_who, _what, state, status, user, send, message) => {
      const id = await planIn(state);
      const before = await stateOf(knex, 'upgrade_plans', id);
      const res = await send(id).set('Authorization', as(user));
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(await stateOf(knex, 'upgrade_plans', id)).toEqual(before);
    },
  );

  it('cancels a plan: it stays, says who, when and why, and stops counting at once', async () => {
    const id = await planIn('active');
    const blocked = await request(server)
      .get('/api/nkp/clusters/default/acme-prod')
      .expect(200);
    expect(blocked.body).toMatchObject({
      state: 'upgrade-due',
      deadline: day(90),
    });
    const plansBefore = (await request(server).get('/api/nkp/summary')).body
      .plans;

    const res = await request(server)
      .post(`/api/nkp/plans/${id}/cancel`)
      .send({ reason: '  The vendor withdrew 2.17  ' })
      .expect(200);
    expect(res.body).toMatchObject({
      id,
      status: 'cancelled',
      cancelledBy: MANAGER,
      cancelledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      cancelReason: 'The vendor withdrew 2.17',
      inScope: 0,
      blockingClusters: [],
      pendingClusters: [],
      platformSteps: [],
      reminders: [],
    });
    expect(res.body).not.toHaveProperty('deadline');

    const cluster = await request(server).get(
      '/api/nkp/clusters/default/acme-prod',
    );
    expect(cluster.body.findings.filter((f: any) => f.planId === id)).toEqual(
      [],
    );
    const summary = await request(server).get('/api/nkp/summary');
    expect(summary.body.plans).toBe(plansBefore - 1);
    const listed = await request(server).get('/api/nkp/plans?limit=500');
    expect(listed.body.items.find((p: any) => p.id === id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'The vendor withdrew 2.17',
    });

    const audit = await knex('audit_log').where({
      object_id: id,
      action: 'upgrade-plan.cancel',
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: MANAGER,
        reason: 'The vendor withdrew 2.17',
      }),
    ]);
  });

  it('changes title, target and window; re-evaluates; audits before and after of what changed', async () => {
    const id = await planIn('active');
    const res = await request(server)
      .patch(`/api/nkp/plans/${id}`)
      .send({ title: 'Management plane to NKP 2.16', targetVersion: '2.16' })
      .expect(200);
    // 2.16 brings Kubernetes 1.33: acme-prod (1.32) is within the skew now
    expect(res.body).toMatchObject({
      title: 'Management plane to NKP 2.16',
      targetVersion: '2.16',
      targetKubernetesMinor: '1.33',
      blockingClusters: [],
      status: 'active',
    });
    const longer = await request(server)
      .patch(`/api/nkp/plans/${id}`)
      .send({ windowDays: 120, title: 'Management plane to NKP 2.16' })
      .expect(200);
    expect(longer.body).toMatchObject({ windowDays: 120, deadline: day(120) });

    const audit = await knex('audit_log')
      .where({ object_id: id, action: 'upgrade-plan.change' })
      .orderBy('id');
    expect(audit.map(a => JSON.parse(a.details))).toEqual([
      {
        before: {
          title: 'Management plane to NKP 2.17',
          targetVersion: '2.17',
        },
        after: { title: 'Management plane to NKP 2.16', targetVersion: '2.16' },
      },
      // The unchanged title is not a change
      { before: { windowDays: null }, after: { windowDays: 120 } },
    ]);

    // The same values again change nothing and write nothing
    const before = await stateOf(knex, 'upgrade_plans', id);
    await request(server)
      .patch(`/api/nkp/plans/${id}`)
      .send({ windowDays: 120 })
      .expect(200);
    expect(await stateOf(knex, 'upgrade_plans', id)).toEqual(before);
  });

  const fieldError = (field: string, message = '') => ({
    fieldErrors: [{ field, message: expect.stringContaining(message) }],
  });
  const shapeError = (message: string) => ({
    message: expect.stringContaining(message),
  });
  it.each([
    [
      'nothing to change',
      {},
      shapeError('must NOT have fewer than 1 properties'),
    ],
    // The validator's message does not name an unknown field (see the report of issue 11)
    [
      'a field that cannot change',
      { scope: { kind: 'fleet' } },
      shapeError('must NOT have additional properties'),
    ],
    ['an empty title', { title: ' ' }, fieldError('title')],
    [
      'a title longer than the database holds',
      { title: 'x'.repeat(256) },
      fieldError('title', 'at most 255'),
    ],
    [
      'a target that is no version',
      { targetVersion: 'latest' },
      fieldError('targetVersion', 'must be an NKP version'),
    ],
    [
      'a target not in the release calendar',
      { targetVersion: '2.99' },
      fieldError('targetVersion', 'NKP 2.99 is not in the release calendar'),
    ],
    [
      'a window of more than ten years',
      { windowDays: 3651 },
      fieldError('windowDays', 'at most 3650 days'),
    ],
    [
      'a window that ends the plan today',
      { windowDays: 0 },
      fieldError('windowDays'),
    ],
  ])(
    'refuses a change with %s, and changes nothing',
    async (_, body, error) => {
      const id = await planIn('active');
      const before = await stateOf(knex, 'upgrade_plans', id);
      const res = await request(server)
        .patch(`/api/nkp/plans/${id}`)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ name: 'InputError', ...error });
      expect(await stateOf(knex, 'upgrade_plans', id)).toEqual(before);
    },
  );

  it('refuses a window that puts the deadline of an older plan before today', async () => {
    const created = await request(server)
      .post('/api/nkp/plans')
      .send({ ...plan, announcedAt: day(-30), backdated: true })
      .expect(201);
    const res = await request(server)
      .patch(`/api/nkp/plans/${created.body.id}`)
      .send({ windowDays: 30 });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors).toEqual([
      {
        field: 'windowDays',
        message: `the deadline would be ${day(0)}, not after today (${day(
          0,
        )}); cancel the plan to end it`,
      },
    ]);
  });

  it.each([
    ['without a reason', {}, 'reason'],
    [
      'with a reason of less than 10 characters',
      { reason: 'because' },
      'reason: must say why',
    ],
    [
      'with a reason longer than 2000 characters',
      { reason: 'x'.repeat(2001) },
      'at most 2000',
    ],
  ])('refuses to cancel %s, and changes nothing', async (_, body, message) => {
    const id = await planIn('active');
    const before = await stateOf(knex, 'upgrade_plans', id);
    const res = await request(server)
      .post(`/api/nkp/plans/${id}/cancel`)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(await stateOf(knex, 'upgrade_plans', id)).toEqual(before);
  });
});

describe('rejecting and revoking exceptions', () => {
  let server: Server;
  let knex: Knex;

  /** A backend of its own, for tests that look at the cluster's state. */
  async function freshBackend() {
    ({ server, knex } = await backend());
    await request(server).post('/api/nkp/plans').send(latePlan).expect(201);
  }

  beforeAll(freshBackend);

  type State =
    | 'requested'
    | 'approved'
    | 'rejected'
    | 'revoked'
    | 'expired'
    | 'unknown';

  const post = (id: string, action: string, user = LEAD) =>
    request(server)
      .post(`/api/nkp/exceptions/${id}/${action}`)
      .set('Authorization', as(user));

  async function exceptionIn(state: State): Promise<string> {
    if (state === 'unknown') return 'no-such-exception';
    const requested = await request(server)
      .post('/api/nkp/exceptions')
      .set('Authorization', as(MANAGER))
      .send(exceptionRequest)
      .expect(201);
    const id = requested.body.id as string;
    const why = { reason: 'Set up by the test for this case' };
    if (state === 'rejected') await post(id, 'reject').send(why).expect(200);
    if (state === 'requested' || state === 'rejected') return id;
    await post(id, 'approve').send({}).expect(200);
    if (state === 'revoked') await post(id, 'revoke').send(why).expect(200);
    if (state === 'expired') {
      // Approved 40 days ago until 10 days ago; any write re-evaluates
      await knex('exceptions')
        .where({ id })
        .update({
          approved_at: `${day(-40)}T00:00:00.000Z`,
          expires_at: day(-10),
        });
      await request(server)
        .post('/api/nkp/exceptions')
        .send(exceptionRequest)
        .expect(201);
    }
    return id;
  }

  it.each([
    ['an approver', 'reject', 'requested', LEAD],
    // The requester with the permission may withdraw their own request
    ['the requester', 'reject', 'requested', MANAGER],
    ['an approver', 'revoke', 'approved', LEAD],
    ['the requester', 'revoke', 'approved', MANAGER],
  ] as const)(
    '%s may %s an exception that is %s: 200, audited',
    async (_who, action, state, user) => {
      const id = await exceptionIn(state);
      const res = await post(id, action, user).send({
        reason: 'The vendor certified 1.33 after all',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: { reject: 'rejected', revoke: 'revoked' }[action],
        approvable: false,
      });
      const { audit } = await stateOf(knex, 'exceptions', id);
      expect(audit.at(-1)).toMatchObject({
        actor: user,
        action: `exception.${action}`,
        reason: 'The vendor certified 1.33 after all',
      });
    },
  );

  const notAllowed = /Not allowed: nkp\.exception\.approve/;
  const notFound = /No exception with id 'no-such-exception'/;
  const onlyFrom = (state: string, from: string) =>
    new RegExp(`is ${state}.*; only ${from} exceptions can be`);
  it.each([
    [
      'an approver',
      'reject',
      'approved',
      409,
      LEAD,
      onlyFrom('approved', 'requested'),
    ],
    [
      'an approver',
      'reject',
      'rejected',
      409,
      LEAD,
      onlyFrom('rejected', 'requested'),
    ],
    [
      'an approver',
      'reject',
      'revoked',
      409,
      LEAD,
      onlyFrom('revoked', 'requested'),
    ],
    ['an approver', 'reject', 'unknown', 404, LEAD, notFound],
    ['a tenant', 'reject', 'requested', 403, TENANT, notAllowed],
    [
      'an approver',
      'revoke',
      'requested',
      409,
      LEAD,
      onlyFrom('requested', 'approved'),
    ],
    [
      'an approver',
      'revoke',
      'rejected',
      409,
      LEAD,
      onlyFrom('rejected', 'approved'),
    ],
    [
      'an approver',
      'revoke',
      'revoked',
      409,
      LEAD,
      onlyFrom('revoked', 'approved'),
    ],
    [
      'an approver',
      'revoke',
      'expired',
      409,
      LEAD,
      /expired on .*; there is nothing left to revoke/,
    ],
    ['an approver', 'revoke', 'unknown', 404, LEAD, notFound],
    ['a tenant', 'revoke', 'approved', 403, TENANT, notAllowed],
  ] as const)(
    '%s who tries to %s an exception that is %s: %d, and nothing changes',
    async (_who, action, state, status, user, message) => {
      const id = await exceptionIn(state);
      const before = await stateOf(knex, 'exceptions', id);
      const res = await post(id, action, user).send({
        reason: 'The vendor certified 1.33 after all',
      });
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(await stateOf(knex, 'exceptions', id)).toEqual(before);
    },
  );

  it('revokes an approved exception: it stops waiving at once, and says who, when and why', async () => {
    await freshBackend();
    const id = await exceptionIn('approved');
    const waived = await request(server).get(
      '/api/nkp/clusters/default/hooli-prod',
    );
    expect(waived.body.state).toBe('overdue');

    const res = await post(id, 'revoke')
      .send({ reason: 'The appliance was certified last week' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'revoked',
      approvedBy: LEAD,
      revokedBy: LEAD,
      revokedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      revocationReason: 'The appliance was certified last week',
      approvable: false,
      notApprovableBecause: 'already-revoked',
    });
    expect(res.body).not.toHaveProperty('evaluation');

    const cluster = await request(server).get(
      '/api/nkp/clusters/default/hooli-prod',
    );
    expect(cluster.body.state).toBe('unsupported');
    const listed = await request(server).get('/api/nkp/exceptions?limit=500');
    expect(listed.body.items.find((e: any) => e.id === id)).toMatchObject({
      status: 'revoked',
      revocationReason: 'The appliance was certified last week',
    });
  });

  it('rejects a requested exception: it never counts, and says who, when and why', async () => {
    const id = await exceptionIn('requested');
    const res = await post(id, 'reject')
      .send({ reason: 'Upgrade instead; 1.33 is certified' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      rejectedBy: LEAD,
      rejectionReason: 'Upgrade instead; 1.33 is certified',
      notApprovableBecause: 'already-rejected',
    });
    // Approving it afterwards is a conflict that changes nothing
    const before = await stateOf(knex, 'exceptions', id);
    const approve = await post(id, 'approve').send({});
    expect(approve.status).toBe(409);
    expect(approve.body.error.message).toContain(
      `is already rejected, by ${LEAD}`,
    );
    expect(await stateOf(knex, 'exceptions', id)).toEqual(before);
  });

  it('needs a reason of at least 10 characters to reject or revoke', async () => {
    const id = await exceptionIn('requested');
    const before = await stateOf(knex, 'exceptions', id);
    for (const [action, body] of [
      ['reject', {}],
      ['reject', { reason: 'no' }],
      ['revoke', { reason: 'no' }],
      ['reject', { reason: 'a good reason', extra: true }],
    ] as const) {
      const res = await post(id, action).send(body);
      expect([action, body, res.status]).toEqual([action, body, 400]);
      expect(res.body.error.message).toMatch(
        /reason|must NOT have additional properties/,
      );
    }
    expect(await stateOf(knex, 'exceptions', id)).toEqual(before);
  });
});

describe('maximum page sizes', () => {
  let server: Server;
  beforeAll(async () => {
    ({ server } = await backend());
  });

  it.each([
    ['/plans', 500, 100],
    ['/exceptions', 500, 100],
    ['/clusters', 10_000, 10_000],
  ])(
    '%s pages at most %p items, %p when no limit is given',
    async (path, maximum, byDefault) => {
      const tooMany = await request(server).get(
        `/api/nkp${path}?limit=${maximum + 1}`,
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toContain('limit');
      expect(tooMany.body.error.message).toContain(`<= ${maximum}`);

      const page = await request(server)
        .get(`/api/nkp${path}?limit=${maximum}`)
        .expect(200);
      expect(page.body).toMatchObject({ offset: 0, limit: maximum });
      const unlimited = await request(server)
        .get(`/api/nkp${path}`)
        .expect(200);
      expect(unlimited.body).toMatchObject({ offset: 0, limit: byDefault });
    },
  );

  it('pages plans and exceptions with offset and limit, counting them all', async () => {
    const plan = (n: number) => ({
      title: `Plan ${n}`,
      targetVersion: '2.17',
      announcedAt: day(-n),
      scope: { kind: 'fleet' },
    });
    for (const n of [3, 2, 1]) {
      await request(server).post('/api/nkp/plans').send(plan(n)).expect(201);
    }
    const page = await request(server)
      .get('/api/nkp/plans?offset=1&limit=1')
      .expect(200);
    expect(page.body).toMatchObject({ totalCount: 3, offset: 1, limit: 1 });
    // Announcement order
    expect(page.body.items.map((p: any) => p.title)).toEqual(['Plan 2']);
  });
});
