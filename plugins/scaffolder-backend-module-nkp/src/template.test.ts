/*
 * The golden path's template (examples/templates/nkp-cluster-request/template.yaml) against the
 * real scaffolder: it is a valid v1beta3 Template, its steps name registered actions with inputs
 * those actions declare, its form keys are the contract's field extensions, and the scaffolder's
 * dry run (`POST /api/scaffolder/v2/dry-run`) runs it end to end with a stand-in NKP backend that
 * answers `POST /golden-path/check` with the contract's shapes.
 */

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import gitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  configData,
  request as clusterRequest,
  verdictFor,
} from './__fixtures__/goldenPath';
import { NkpClusterRequest } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import scaffolderModuleNkp from './index';

const TEMPLATE = path.resolve(
  __dirname,
  '../../../examples/templates/nkp-cluster-request/template.yaml',
);
const template = parse(fs.readFileSync(TEMPLATE, 'utf8'));

/** The NKP backend's check route, as the contract defines it; records what it was asked. */
const checked: NkpClusterRequest[] = [];
const nkpBackendStandIn = createBackendPlugin({
  pluginId: 'nkp',
  register({ registerInit }) {
    registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.use(express.json());
        router.post('/golden-path/check', (req, res) => {
          checked.push(req.body);
          res.json(verdictFor(req.body));
        });
        httpRouter.use(router);
      },
    });
  },
});

/** The management cluster's API server: nothing exists yet; records every request. */
async function managementApiServer() {
  const requests: Array<{ method: string; url: URL }> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    requests.push({ method: req.method!, url });
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'GET') {
        res.statusCode = 404;
        res.end(
          JSON.stringify({ kind: 'Status', code: 404, message: 'not found' }),
        );
      } else {
        res.statusCode = 201;
        res.end(JSON.stringify(parse(body)));
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => server.close() };
}

const managementClusterEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'demo-nkp-mgmt',
    namespace: 'default',
    annotations: {
      'nkp-lifecycle.io/cluster-type': 'management',
      'nkp-lifecycle.io/source': 'demo',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
};

async function startPortal(managementApi = 'https://nkp-mgmt.demo.test:6443') {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      gitlabModule,
      scaffolderModuleNkp,
      nkpBackendStandIn,
      mockServices.rootConfig.factory({
        data: {
          ...configData,
          catalog: {
            providers: {
              nkp: {
                demo: {
                  ...configData.catalog.providers.nkp.demo,
                  api: {
                    url: managementApi,
                    token: 'demo-kube-token',
                    skipTLSVerify: true,
                  },
                },
              },
            },
          },
          integrations: {
            github: [{ host: 'github.com', token: 'not-used-in-dry-run' }],
          },
        },
      }),
      catalogServiceMock.factory({ entities: [managementClusterEntity] }),
    ],
  });
  return server;
}

const formValues = {
  ...clusterRequest,
};

describe('the nkp-cluster-request template', () => {
  it('is a valid v1beta3 Template titled and owned as the issue asks', async () => {
    await expect(templateEntityV1beta3Validator.check(template)).resolves.toBe(
      true,
    );
    expect(template.metadata.title).toBe('Request a new NKP tenant cluster');
    expect(template.spec.owner).toBe('group:default/platform-team');
    expect(template.spec.parameters.map((p: any) => p.title)).toEqual([
      'Who owns it',
      'How it is operated',
      'Version',
      'Size',
      'Nutanix placement',
      'Delivery',
    ]);
  });

  it('uses the contract’s field extensions for the form keys', () => {
    const fields: Record<string, string | undefined> = {};
    const collect = (properties: Record<string, any> = {}) => {
      for (const [key, schema] of Object.entries(properties)) {
        fields[key] ??= schema['ui:field'];
      }
    };
    for (const page of template.spec.parameters) {
      collect(page.properties);
      for (const option of page.dependencies?.operation?.oneOf ?? []) {
        collect(option.properties);
      }
    }
    expect(fields).toEqual({
      owner: 'NkpOwnerGroupPicker',
      workspace: 'NkpWorkspacePicker',
      projects: 'NkpProjectsPicker',
      name: undefined,
      description: undefined,
      operation: undefined,
      managementCluster: 'NkpManagementClusterPicker',
      version: 'NkpVersionPicker',
      size: 'NkpSizePicker',
      placement: 'NkpPlacementPicker',
      delivery: 'NkpDeliveryPicker',
    });
  });

  it('names only registered actions, with inputs they declare, and gives every required input', async () => {
    const server = await startPortal();
    const { body: actions } = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());
    const byId = new Map<string, any>(actions.map((a: any) => [a.id, a]));
    for (const step of template.spec.steps) {
      const action = byId.get(step.action);
      expect({ step: step.id, registered: Boolean(action) }).toEqual({
        step: step.id,
        registered: true,
      });
      const declared = Object.keys(action.schema.input.properties);
      expect({
        step: step.id,
        unknown: Object.keys(step.input).filter(k => !declared.includes(k)),
      }).toEqual({ step: step.id, unknown: [] });
      const missing = (action.schema.input.required ?? []).filter(
        (k: string) => !(k in step.input),
      );
      expect({ step: step.id, missing }).toEqual({
        step: step.id,
        missing: [],
      });
    }
  });

  it.each([
    ['gitops', 'publish-github', ['publish-gitlab', 'apply']],
    ['direct', 'apply', ['publish-github', 'publish-gitlab']],
  ])(
    'runs in the scaffolder’s dry run with %s delivery (%s runs)',
    async (delivery, ran, skipped) => {
      checked.length = 0;
      const api = await managementApiServer();
      try {
        const server = await startPortal(api.url);
        const response = await request(server)
          .post('/api/scaffolder/v2/dry-run')
          .set('Authorization', mockCredentials.user.header())
          .send({
            template,
            values: { ...formValues, delivery },
            secrets: {},
            directoryContents: [],
          });
        const log: string = (response.body.log ?? [])
          .map((l: any) => l.body.message)
          .join('\n');
        expect({
          status: response.status,
          error: response.body.error?.message,
        }).toEqual({ status: 200, error: undefined });
        expect(checked).toEqual([{ ...clusterRequest, delivery }]);

        const files = response.body.directoryContents;
        expect(files.map((f: any) => f.path)).toEqual([
          'clusters/acme-retail/acme-dev-2/cluster.yaml',
        ]);
        const cluster = parse(
          Buffer.from(files[0].base64Content, 'base64').toString('utf8'),
        );
        expect(cluster.metadata).toMatchObject({
          name: 'acme-dev-2',
          namespace: 'acme-retail-x7k2p',
        });
        expect(cluster.spec.topology.class).toBe('nkp-nutanix-v2.17.1');

        expect(log).toContain(
          `Beginning step ${
            template.spec.steps.find((s: any) => s.id === ran).name
          }`,
        );
        for (const id of skipped) {
          expect(log).toContain(
            `Skipping step ${id} because its if condition was false`,
          );
        }
        expect(response.body.output.links).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              entityRef: 'resource:default/demo-acme-dev-2',
            }),
          ]),
        );
        // Direct delivery reaches the management cluster only with dryRun=All.
        const patches = api.requests.filter(r => r.method === 'PATCH');
        expect(patches.map(p => p.url.searchParams.get('dryRun'))).toEqual(
          delivery === 'direct' ? ['All'] : [],
        );
      } finally {
        api.close();
      }
    },
  );
});
