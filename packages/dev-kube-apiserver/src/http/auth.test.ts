import {
  ACME_CLUSTERS,
  clusterObject,
  READ_ONLY_TOKEN,
  startTestServer,
  TestServer,
  TOKEN,
} from '../__testUtils__/testServer';

describe('authentication and authorisation', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it.each`
    method      | path                       | token              | status
    ${'GET'}    | ${'/readyz'}               | ${null}            | ${200}
    ${'GET'}    | ${'/healthz'}              | ${null}            | ${200}
    ${'GET'}    | ${'/version'}              | ${null}            | ${200}
    ${'GET'}    | ${'/apis'}                 | ${null}            | ${401}
    ${'GET'}    | ${'/api'}                  | ${'wrong-token'}   | ${401}
    ${'GET'}    | ${ACME_CLUSTERS}           | ${null}            | ${401}
    ${'GET'}    | ${`${ACME_CLUSTERS}/c1`}   | ${'wrong-token'}   | ${401}
    ${'PATCH'}  | ${`${ACME_CLUSTERS}/c1`}   | ${null}            | ${401}
    ${'GET'}    | ${'/apis'}                 | ${TOKEN}           | ${200}
    ${'GET'}    | ${ACME_CLUSTERS}           | ${TOKEN}           | ${200}
    ${'GET'}    | ${ACME_CLUSTERS}           | ${READ_ONLY_TOKEN} | ${200}
    ${'GET'}    | ${`${ACME_CLUSTERS}/c1`}   | ${READ_ONLY_TOKEN} | ${200}
    ${'PATCH'}  | ${`${ACME_CLUSTERS}/new1`} | ${READ_ONLY_TOKEN} | ${403}
    ${'DELETE'} | ${`${ACME_CLUSTERS}/c1`}   | ${READ_ONLY_TOKEN} | ${403}
  `(
    '$method $path with token $token: $status',
    async ({ method, path, token, status }) => {
      const answer = await t.request(method, `${path}?fieldManager=test`, {
        token,
        body:
          method === 'PATCH'
            ? JSON.stringify(clusterObject('new1'))
            : undefined,
        contentType:
          method === 'PATCH' ? 'application/apply-patch+yaml' : undefined,
      });
      expect(answer.status).toBe(status);
    },
  );

  it('answers 401 with a Status body', async () => {
    const answer = await t.request('GET', '/apis', { token: null });
    expect(answer.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('answers 403 naming the verb, resource, group and namespace, and writes nothing', async () => {
    const answer = await t.request(
      'PATCH',
      `${ACME_CLUSTERS}/new1?fieldManager=test`,
      {
        token: READ_ONLY_TOKEN,
        body: JSON.stringify(clusterObject('new1')),
        contentType: 'application/apply-patch+yaml',
      },
    );
    expect(answer.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message:
        'clusters.cluster.x-k8s.io "new1" is forbidden: User "dev-kube-apiserver:viewer" cannot patch resource "clusters" in API group "cluster.x-k8s.io" in the namespace "acme-ns"',
      details: { name: 'new1', group: 'cluster.x-k8s.io', kind: 'clusters' },
    });
    expect((await t.request('GET', `${ACME_CLUSTERS}/new1`)).status).toBe(404);
  });

  it('never writes a token into its log', async () => {
    await t.apply(`${ACME_CLUSTERS}/logged`, clusterObject('logged'));
    expect(t.logged.join('\n')).toContain('logged');
    expect(t.logged.join('\n')).not.toContain(TOKEN);
  });
});
