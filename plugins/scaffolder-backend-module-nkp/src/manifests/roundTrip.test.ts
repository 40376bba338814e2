/*
 * The loop closes: what nkp:cluster:render writes, added to the demo fleet's management-cluster
 * export and run through the same normalisation the catalog module runs, becomes the entity the
 * action announced, with the requested owner, workspace, type and versions.
 */

import {
  createMockDirectory,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NKP_ANNOTATIONS } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  buildEntities,
  OfflineExportSource,
  readNkpSourceSettings,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import path from 'node:path';
import {
  acceptingCheck,
  configData,
  request,
} from '../__fixtures__/goldenPath';
import { createRenderClusterAction } from '../actions/renderCluster';

const DEMO_MANAGEMENT = path.resolve(
  __dirname,
  '../../../../examples/nkp-demo-fleet/management',
);

const msw = setupServer();
registerMswTestHooks(msw);

describe('a rendered cluster ingests back', () => {
  const mockDir = createMockDirectory();

  it('as the entity render announced, with owner, workspace, type and versions', async () => {
    msw.use(acceptingCheck().handler);
    const config = mockServices.rootConfig({ data: configData });
    const ctx = createMockActionContext({
      input: request as any,
      workspacePath: mockDir.resolve('workspace'),
    });
    await createRenderClusterAction({
      config,
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
    }).handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls as Array<[string, any]>,
    );

    const signal = new AbortController().signal;
    const fleet = await new OfflineExportSource([DEMO_MANAGEMENT]).read(signal);
    const rendered = await new OfflineExportSource([
      mockDir.resolve(`workspace/${outputs.path}`),
    ]).read(signal);
    const settings = readNkpSourceSettings(
      'demo',
      config.getConfig('catalog.providers.nkp.demo'),
    );
    const { entities } = buildEntities(settings, [
      ...fleet.objects,
      ...rendered.objects,
    ]);

    const entity = entities.find(
      e => stringifyEntityRef(e) === outputs.entityRef,
    );
    expect(entity).toBeDefined();
    expect(entity!.spec?.owner).toBe('group:default/acme-platform');
    expect(entity!.metadata.annotations).toMatchObject({
      [NKP_ANNOTATIONS.workspace]: 'acme-retail',
      [NKP_ANNOTATIONS.clusterType]: 'managed',
      [NKP_ANNOTATIONS.nkpVersion]: '2.17.1',
      [NKP_ANNOTATIONS.kubernetesVersion]: '1.34.3',
      [NKP_ANNOTATIONS.managementCluster]: 'demo-nkp-mgmt',
      [NKP_ANNOTATIONS.objectName]: 'acme-dev-2',
    });
    // The workspace Domain the request named is the one the cluster lands in.
    expect(
      entities.some(e => stringifyEntityRef(e) === request.workspace),
    ).toBe(true);
    expect(entity!.spec?.dependsOn).toEqual([request.managementCluster]);
  });
});
