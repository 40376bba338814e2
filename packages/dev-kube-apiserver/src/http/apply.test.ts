import { stringify } from 'yaml';
import {
  ACME_CLUSTERS,
  clusterObject,
  startTestServer,
  TestServer,
} from '../__testUtils__/testServer';

const APPLY = 'application/apply-patch+yaml';

describe('server-side apply', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  it.each`
    format    | encode
    ${'JSON'} | ${(o: unknown) => JSON.stringify(o)}
    ${'YAML'} | ${(o: unknown) => stringify(o)}
  `(
    'creates an object from a $format body: 201, server metadata, Provisioning phase, logged',
    async ({ encode }) => {
      const answer = await t.request(
        'PATCH',
        `${ACME_CLUSTERS}/new1?fieldManager=nkp-lifecycle`,
        {
          body: encode({
            ...clusterObject('new1'),
            status: { phase: 'Provisioned' },
          }),
          contentType: APPLY,
        },
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Cluster',
        metadata: {
          name: 'new1',
          namespace: 'acme-ns',
          generation: 1,
          uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
          resourceVersion: expect.stringMatching(/^\d+$/),
          creationTimestamp: expect.stringMatching(
            /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
          ),
          managedFields: [
            {
              manager: 'nkp-lifecycle',
              operation: 'Apply',
              fieldsType: 'FieldsV1',
              fieldsV1: { 'f:spec': { 'f:topology': { 'f:version': {} } } },
            },
          ],
        },
        spec: { topology: { version: 'v1.34.3' } },
        // The status of the body is ignored (a subresource); the stand-in controller sets it.
        status: { phase: 'Provisioning' },
      });
      expect((await t.request('GET', `${ACME_CLUSTERS}/new1`)).body).toEqual(
        answer.body,
      );
      expect(t.logged).toEqual([
        `apply clusters.cluster.x-k8s.io acme-ns/new1 by nkp-lifecycle: created (resourceVersion ${answer.body.metadata.resourceVersion})`,
      ]);
    },
  );

  it('updates: 200, new resourceVersion and generation, status kept', async () => {
    const created = (
      await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'))
    ).body;
    const updated = await t.apply(
      `${ACME_CLUSTERS}/new1`,
      clusterObject('new1', { topology: { version: 'v1.33.5' }, paused: true }),
    );
    expect(updated.status).toBe(200);
    expect(Number(updated.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    expect(updated.body.metadata).toMatchObject({
      uid: created.metadata.uid,
      generation: 2,
    });
    expect(updated.body.spec).toEqual({
      topology: { version: 'v1.33.5' },
      paused: true,
    });
    expect(updated.body.status).toEqual({ phase: 'Provisioning' });
  });

  it('changes nothing when the same configuration is applied again', async () => {
    const created = (
      await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'))
    ).body;
    const again = await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'));
    expect(again.status).toBe(200);
    expect(again.body.metadata.resourceVersion).toBe(
      created.metadata.resourceVersion,
    );
    expect(t.logged.at(-1)).toBe(
      'apply clusters.cluster.x-k8s.io acme-ns/new1 by test: unchanged',
    );
  });

  it.each`
    case                   | query
    ${'creating'}          | ${{ fieldManager: 'test', dryRun: 'All' }}
    ${'creating (forced)'} | ${{ fieldManager: 'test', dryRun: 'All', force: 'true' }}
  `(
    'dry run $case: answers the object it would create, stores nothing',
    async ({ query }) => {
      const before = (await t.request('GET', ACME_CLUSTERS)).body.metadata
        .resourceVersion;
      const answer = await t.apply(
        `${ACME_CLUSTERS}/dry`,
        clusterObject('dry'),
        query,
      );
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        metadata: { name: 'dry', namespace: 'acme-ns' },
        status: { phase: 'Provisioning' },
      });
      expect((await t.request('GET', `${ACME_CLUSTERS}/dry`)).status).toBe(404);
      expect(
        (await t.request('GET', ACME_CLUSTERS)).body.metadata.resourceVersion,
      ).toBe(before);
      expect(t.logged).toEqual([
        'apply (dry run) clusters.cluster.x-k8s.io acme-ns/dry by test: would be created',
      ]);
    },
  );

  it('dry run of an update validates against the stored object and changes nothing', async () => {
    const seeded = (await t.request('GET', `${ACME_CLUSTERS}/c2`)).body;
    const conflict = await t.apply(
      `${ACME_CLUSTERS}/c2`,
      clusterObject('c2', { topology: { version: 'v1.34.3' } }),
      { fieldManager: 'test', dryRun: 'All' },
    );
    expect(conflict.status).toBe(409);
    const forced = await t.apply(
      `${ACME_CLUSTERS}/c2`,
      clusterObject('c2', { topology: { version: 'v1.34.3' } }),
      { fieldManager: 'test', dryRun: 'All', force: 'true' },
    );
    expect(forced.status).toBe(200);
    expect(forced.body.spec.topology.version).toBe('v1.34.3');
    expect((await t.request('GET', `${ACME_CLUSTERS}/c2`)).body).toEqual(
      seeded,
    );
  });

  it('409 for fields another manager owns with another value; force takes them over', async () => {
    await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'), {
      fieldManager: 'first',
    });
    const changed = clusterObject('new1', { topology: { version: 'v1.33.5' } });
    const conflict = await t.apply(`${ACME_CLUSTERS}/new1`, changed, {
      fieldManager: 'second',
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Apply failed with 1 conflict: conflict with "first" using cluster.x-k8s.io/v1beta1: .spec.topology.version',
      reason: 'Conflict',
      details: {
        name: 'new1',
        group: 'cluster.x-k8s.io',
        kind: 'clusters',
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "first" using cluster.x-k8s.io/v1beta1',
            field: '.spec.topology.version',
          },
        ],
      },
      code: 409,
    });
    const forced = await t.apply(`${ACME_CLUSTERS}/new1`, changed, {
      fieldManager: 'second',
      force: 'true',
    });
    expect(forced.status).toBe(200);
    expect(forced.body.spec.topology.version).toBe('v1.33.5');
    expect(
      forced.body.metadata.managedFields.map((m: any) => m.manager),
    ).toEqual(['second']);
  });

  it('shares fields applied with the same value without conflict', async () => {
    await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'), {
      fieldManager: 'first',
    });
    const shared = await t.apply(
      `${ACME_CLUSTERS}/new1`,
      clusterObject('new1'),
      {
        fieldManager: 'second',
      },
    );
    expect(shared.status).toBe(200);
    expect(
      shared.body.metadata.managedFields.map((m: any) => m.manager),
    ).toEqual(['first', 'second']);
  });

  it('409 for a seeded object whose seeded fields change, naming the seed manager', async () => {
    const answer = await t.apply(
      `${ACME_CLUSTERS}/c1`,
      clusterObject('c1', { topology: { class: 'nkp-nutanix-v2.16.1' } }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe(
      'Apply failed with 1 conflict: conflict with "dev-kube-apiserver-seed" using cluster.x-k8s.io/v1beta1: .spec.topology.class',
    );
  });

  it('409 for a stale metadata.resourceVersion', async () => {
    const created = (
      await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'))
    ).body;
    await t.apply(
      `${ACME_CLUSTERS}/new1`,
      clusterObject('new1', { paused: true }),
    );
    const stale = await t.apply(`${ACME_CLUSTERS}/new1`, {
      ...clusterObject('new1', { paused: false }),
      metadata: {
        name: 'new1',
        resourceVersion: created.metadata.resourceVersion,
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(
      'Operation cannot be fulfilled on clusters.cluster.x-k8s.io "new1": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it.each`
    case                             | path                                                                 | body                                                                          | field
    ${'no metadata.name'}            | ${`${ACME_CLUSTERS}/new1`}                                           | ${{ ...clusterObject('x'), metadata: { namespace: 'acme-ns' } }}              | ${'metadata.name'}
    ${'a name with capitals'}        | ${`${ACME_CLUSTERS}/Bad`}                                            | ${clusterObject('Bad')}                                                       | ${'metadata.name'}
    ${'a name with a dot'}           | ${`${ACME_CLUSTERS}/a.b`}                                            | ${clusterObject('a.b')}                                                       | ${'metadata.name'}
    ${'a name of 64 characters'}     | ${`${ACME_CLUSTERS}/${'a'.repeat(64)}`}                              | ${clusterObject('a'.repeat(64))}                                              | ${'metadata.name'}
    ${'a missing namespace'}         | ${'/apis/cluster.x-k8s.io/v1beta1/namespaces/nowhere/clusters/new1'} | ${clusterObject('new1', undefined, 'nowhere')}                                | ${'metadata.namespace'}
    ${'labels that are not strings'} | ${`${ACME_CLUSTERS}/new1`}                                           | ${{ ...clusterObject('new1'), metadata: { name: 'new1', labels: { a: 1 } } }} | ${'metadata.labels'}
  `(
    '422 Invalid for $case, naming $field, storing nothing',
    async ({ path, body, field }) => {
      const answer = await t.apply(path, body);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Invalid',
        code: 422,
        details: {
          group: 'cluster.x-k8s.io',
          kind: 'Cluster',
          causes: [{ field }],
        },
      });
      expect(answer.body.message).toContain(`is invalid: ${field}`);
      expect(t.logged).toEqual([expect.stringContaining('422 Invalid')]);
      expect((await t.request('GET', path)).status).toBe(404);
    },
  );

  it.each`
    case                                | query                           | contentType                       | body                                                                     | status | message
    ${'no fieldManager'}                | ${''}                           | ${APPLY}                          | ${clusterObject('new1')}                                                 | ${400} | ${'fieldManager: Required value: is required for apply patch'}
    ${'a merge patch'}                  | ${'fieldManager=t'}             | ${'application/merge-patch+json'} | ${clusterObject('new1')}                                                 | ${415} | ${'application/apply-patch+yaml'}
    ${'another dryRun'}                 | ${'fieldManager=t&dryRun=Some'} | ${APPLY}                          | ${clusterObject('new1')}                                                 | ${400} | ${'dryRun: Unsupported value: "Some"'}
    ${'force that is not a boolean'}    | ${'fieldManager=t&force=yes'}   | ${APPLY}                          | ${clusterObject('new1')}                                                 | ${400} | ${'force: Invalid value: "yes"'}
    ${'another apiVersion'}             | ${'fieldManager=t'}             | ${APPLY}                          | ${{ ...clusterObject('new1'), apiVersion: 'cluster.x-k8s.io/v1alpha4' }} | ${400} | ${'the API version in the data (cluster.x-k8s.io/v1alpha4) does not match'}
    ${'another kind'}                   | ${'fieldManager=t'}             | ${APPLY}                          | ${{ ...clusterObject('new1'), kind: 'Machine' }}                         | ${400} | ${'the kind in the data (Machine)'}
    ${'another name than the URL'}      | ${'fieldManager=t'}             | ${APPLY}                          | ${clusterObject('other')}                                                | ${400} | ${'the name of the object (other) does not match the name on the URL (new1)'}
    ${'another namespace than the URL'} | ${'fieldManager=t'}             | ${APPLY}                          | ${clusterObject('new1', undefined, 'default')}                           | ${400} | ${'the namespace of the provided object does not match'}
    ${'a list'}                         | ${'fieldManager=t'}             | ${APPLY}                          | ${[clusterObject('new1')]}                                               | ${400} | ${'the body must be one Kubernetes object'}
  `(
    '$status for $case',
    async ({ query, contentType, body, status, message }) => {
      const answer = await t.request(
        'PATCH',
        `${ACME_CLUSTERS}/new1?${query}`,
        {
          body: JSON.stringify(body),
          contentType,
        },
      );
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        code: status,
      });
      expect(answer.body.message).toContain(message);
      expect((await t.request('GET', `${ACME_CLUSTERS}/new1`)).status).toBe(
        404,
      );
    },
  );

  it('400 for a body that is not YAML', async () => {
    const answer = await t.request(
      'PATCH',
      `${ACME_CLUSTERS}/new1?fieldManager=t`,
      {
        body: 'a: [b',
        contentType: APPLY,
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('error decoding YAML');
  });

  it('creates a namespace, where namespaced objects can then be applied', async () => {
    const path =
      '/apis/cluster.x-k8s.io/v1beta1/namespaces/fresh/clusters/new1';
    expect(
      (await t.apply(path, clusterObject('new1', undefined, 'fresh'))).status,
    ).toBe(422);
    const ns = await t.apply('/api/v1/namespaces/fresh', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'fresh' },
    });
    expect(ns.status).toBe(201);
    expect(ns.body.status).toEqual({ phase: 'Active' });
    expect(
      (await t.apply(path, clusterObject('new1', undefined, 'fresh'))).status,
    ).toBe(201);
  });

  it('deletes: answers the object, then 404', async () => {
    await t.apply(`${ACME_CLUSTERS}/new1`, clusterObject('new1'));
    const deleted = await t.request('DELETE', `${ACME_CLUSTERS}/new1`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.metadata.name).toBe('new1');
    expect((await t.request('GET', `${ACME_CLUSTERS}/new1`)).status).toBe(404);
    expect((await t.request('DELETE', `${ACME_CLUSTERS}/new1`)).status).toBe(
      404,
    );
  });

  it('405 for verbs it does not implement', async () => {
    const answer = await t.request('PUT', `${ACME_CLUSTERS}/c1`, {
      body: '{}',
    });
    expect(answer.status).toBe(405);
    expect(answer.body.reason).toBe('MethodNotAllowed');
  });
});
