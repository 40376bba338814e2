import { startTestServer, TestServer } from '../__testUtils__/testServer';

describe('discovery', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('lists every served group with its preferred version', async () => {
    const { body } = await t.request('GET', '/apis');
    expect(body.kind).toBe('APIGroupList');
    expect(
      Object.fromEntries(
        body.groups.map((g: any) => [g.name, g.preferredVersion.version]),
      ),
    ).toEqual({
      'workspaces.kommander.mesosphere.io': 'v1alpha1',
      'kommander.mesosphere.io': 'v1beta1',
      'cluster.x-k8s.io': 'v1beta1',
      'clusters.nkp.nutanix.com': 'v1alpha1',
      'release.nkp.nutanix.com': 'v1alpha1',
    });
  });

  it.each`
    path                                                   | names
    ${'/api/v1'}                                           | ${['namespaces']}
    ${'/apis/workspaces.kommander.mesosphere.io/v1alpha1'} | ${['workspaces', 'projects']}
    ${'/apis/cluster.x-k8s.io/v1beta1'}                    | ${['clusters']}
  `('$path lists $names', async ({ path, names }) => {
    const { status, body } = await t.request('GET', path);
    expect(status).toBe(200);
    expect(body.kind).toBe('APIResourceList');
    expect(body.resources.map((r: any) => r.name)).toEqual(names);
    expect(body.resources[0].verbs).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'patch']),
    );
  });

  it.each`
    path
    ${'/apis/cluster.x-k8s.io/v1alpha4'}
    ${'/apis/apps/v1'}
    ${'/apis/apps/v1/deployments'}
    ${'/apis/cluster.x-k8s.io/v1beta1/machines'}
    ${'/apis/cluster.x-k8s.io/v1beta1/clusters/c1'}
  `('$path is 404 with a Status', async ({ path }) => {
    const { status, body } = await t.request('GET', path);
    expect(status).toBe(404);
    expect(body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
    });
  });

  it('answers /version and /api', async () => {
    expect((await t.request('GET', '/version')).body.gitVersion).toBe(
      'v1.34.3',
    );
    expect((await t.request('GET', '/api')).body.versions).toEqual(['v1']);
  });
});
