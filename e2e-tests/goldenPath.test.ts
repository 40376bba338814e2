import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { backstageSession, screenshot, signIn } from './helpers';

/*
 * The golden path in the real portal: a tenant (alice, team-acme, whom the demo names in
 * nkp.access.clusterAppliers) requests a new cluster through the template's form, sees that the
 * policy offers only the versions it allows, delivers it by a direct apply to the demo's
 * management cluster (the development Kubernetes API server, read by the `api` source), and the
 * cluster arrives in the catalog by itself. The same form's values with GitOps delivery go
 * through the scaffolder's dry-run endpoint, and the rendered files are checked.
 */

const backend = 'http://localhost:7007';
const TEMPLATE_FILE = path.resolve(
  __dirname,
  '..',
  'examples/templates/nkp-cluster-request/template.yaml',
);

// Each run (and retry) requests a cluster of its own: the development API server keeps them.
const suffix = () => Math.random().toString(36).slice(2, 7);

test.describe.configure({ timeout: 300_000 });

/** Picks an option of a labelled MUI select (the button is named by the label). */
async function choose(page: Page, label: RegExp, option: RegExp) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function next(page: Page, shot: string, button = 'Next') {
  await screenshot(page, shot);
  await page.getByRole('button', { name: button }).click();
}

/**
 * Walks the template's form as a tenant, from the Create page to the Delivery step, checking on
 * the way that the policy offers only the allowed versions; a screenshot of each step.
 */
async function fillRequestUpToDelivery(
  page: Page,
  {
    tenant,
    name,
    endpoint,
    shots,
  }: { tenant: RegExp; name: string; endpoint: string; shots: string },
) {
  await page.goto('/create');
  await expect(
    page.getByText('Request a new NKP tenant cluster').first(),
  ).toBeVisible();
  await screenshot(page, `${shots}-create`);
  await page
    .getByRole('button', { name: /choose/i })
    .first()
    .click();

  // 1. Who owns it: a tenant may only pick their own group.
  await page.getByRole('button', { name: /Owning group/ }).click();
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.getByRole('option', { name: tenant }).click();
  await choose(page, /NKP workspace/, tenant);
  await page.getByLabel(/Cluster name/).fill(name);
  await page.getByLabel(/Purpose/).fill('End-to-end test of the golden path');
  await next(page, `${shots}-1-owner`);

  // 2. How it is operated
  await expect(
    page.getByRole('radio', { name: /Managed by a management cluster/ }),
  ).toBeChecked();
  await choose(page, /Management cluster/, /nkp-mgmt/i);
  await next(page, `${shots}-2-operation`);

  // 3. Version: under the NKP 2.17 management cluster only 2.17 is allowed; the others are
  // listed on request with the policy's reason.
  const offered = page.getByRole('radio', { name: /^NKP \d/ });
  await expect(offered.first()).toBeVisible();
  await expect(
    page.getByRole('radio', { name: /NKP 2\.17\.1 \/ Kubernetes 1\.34\.3/ }),
  ).toBeChecked();
  await expect(page.getByRole('radio', { name: /NKP 2\.14\.0/ })).toHaveCount(
    0,
  );
  await page.getByLabel('Show versions the policy does not allow').check();
  const hidden = page.getByRole('list', {
    name: 'Versions the policy does not allow',
  });
  await expect(
    hidden.getByText(/NKP 2\.14\.0 \/ Kubernetes 1\.31\.4:/),
  ).toBeVisible();
  await next(page, `${shots}-3-version`);

  // 4. Size: the defaults from nkp.goldenPath.sizes
  await expect(page.getByLabel(/^Workers/)).toBeVisible();
  await next(page, `${shots}-4-size`);

  // 5. Nutanix placement, from the lists in app-config
  await choose(page, /Prism Central/, /Demo Prism Central/);
  await choose(page, /Prism Element cluster/, /pe-demo-1/);
  await choose(page, /Subnets/, /vlan-tenants/);
  await page.keyboard.press('Escape');
  await choose(page, /Image/, /nkp-rocky/);
  await choose(page, /Storage container/, /default-container/);
  await page.getByLabel(/Control-plane endpoint/).fill(endpoint);
  await next(page, `${shots}-5-placement`);
}

test('a tenant requests a cluster, gets only allowed versions, applies it, and it appears in the catalog', async ({
  page,
}) => {
  const name = `acme-e2e-${suffix()}`;
  await signIn(page, 'alice');

  await fillRequestUpToDelivery(page, {
    tenant: /ACME/i,
    name,
    endpoint: '10.42.99.10',
    shots: 'golden-path',
  });

  // 6. Delivery: alice may apply directly
  await page
    .getByRole('radio', { name: /Apply directly to the management cluster/ })
    .check();
  await next(page, 'golden-path-6-delivery', 'Review');

  await screenshot(page, 'golden-path-review');
  const created = Date.now();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByText(/Apply to the management cluster/).first(),
  ).toBeVisible();

  // The cluster arrives in the catalog through the NKP provider's watch, without a restart.
  const { token } = await backstageSession(page.request, backend);
  const headers = { Authorization: `Bearer ${token}` };
  let entity: any;
  await expect
    .poll(
      async () => {
        const res = await page.request.get(
          `${backend}/api/catalog/entities/by-query?filter=kind=resource,metadata.annotations.nkp-lifecycle.io/object-name=${name}`,
          { headers },
        );
        entity = (await res.json()).items?.[0];
        return entity?.metadata?.name;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBeTruthy();
  const seconds = (Date.now() - created) / 1000;
  test.info().annotations.push({
    type: 'create-to-catalog',
    description: `${seconds.toFixed(1)} s`,
  });
  console.log(
    `golden path: Create → entity in the catalog in ${seconds.toFixed(1)} s`,
  );

  expect(entity.spec.owner).toBe('group:default/team-acme');
  expect(entity.metadata.annotations['nkp-lifecycle.io/workspace']).toBe(
    'acme-retail',
  );
  expect(entity.metadata.annotations['nkp-lifecycle.io/phase']).toBe(
    'Provisioning',
  );
  expect(entity.metadata.annotations['nkp-lifecycle.io/nkp-version']).toBe(
    '2.17.1',
  );

  // The policy state, from the same API the dashboard uses
  await expect
    .poll(
      async () => {
        const res = await page.request.get(
          `${backend}/api/nkp/clusters/${entity.metadata.namespace}/${entity.metadata.name}`,
          { headers },
        );
        return res.status() === 200 ? (await res.json()).state : undefined;
      },
      { timeout: 30_000 },
    )
    .toBe('compliant');

  await page.goto(
    `/catalog/${entity.metadata.namespace}/resource/${entity.metadata.name}`,
  );
  await expect(page.getByText(name).first()).toBeVisible();
  await expect(page.getByText('Provisioning').first()).toBeVisible();
  await screenshot(page, 'golden-path-result');
});

test('a tenant without the apply permission is offered GitOps only, and a GitOps request renders the NKP manifests (dry run)', async ({
  page,
}) => {
  await signIn(page, 'gina');
  const { token } = await backstageSession(page.request, backend);
  const headers = { Authorization: `Bearer ${token}` };

  const options = await (
    await page.request.get(`${backend}/api/nkp/golden-path/options`, {
      headers,
    })
  ).json();
  expect(options.groups).toEqual(['group:default/team-globex']);
  expect(options.delivery.direct).toBe(false);

  const workspaces = await (
    await page.request.get(
      `${backend}/api/catalog/entities/by-query?filter=kind=domain`,
      { headers },
    )
  ).json();
  const globex = workspaces.items.find(
    (d: any) => d.spec?.owner === 'group:default/team-globex',
  );
  expect(globex).toBeTruthy();
  const mgmt = await (
    await page.request.get(
      `${backend}/api/catalog/entities/by-query?filter=kind=resource,metadata.annotations.nkp-lifecycle.io/cluster-type=management`,
      { headers },
    )
  ).json();
  const managementCluster = `resource:${mgmt.items[0].metadata.namespace}/${mgmt.items[0].metadata.name}`;

  const name = `globex-e2e-${suffix()}`;
  const values = {
    owner: 'group:default/team-globex',
    workspace: `domain:${globex.metadata.namespace}/${globex.metadata.name}`,
    name,
    description: 'GitOps dry run',
    operation: 'managed',
    managementCluster,
    version: { nkp: '2.17.1', kubernetes: '1.34.3' },
    size: {
      preset: 'small',
      controlPlaneNodes: 1,
      workers: 2,
      vcpus: 4,
      memoryGiB: 16,
      diskGiB: 80,
    },
    placement: {
      prismCentral: 'pc-demo',
      cluster: 'pe-demo-1',
      subnets: ['vlan-tenants'],
      image: 'nkp-rocky-9.6-release-1.34.3',
      storageContainer: 'default-container',
      controlPlaneEndpoint: '10.42.99.20',
    },
    delivery: 'gitops',
  };
  const template = parse(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
  const dryRun = async (v: unknown) =>
    page.request.post(`${backend}/api/scaffolder/v2/dry-run`, {
      headers,
      data: { template, values: v, directoryContents: [] },
    });

  const res = await dryRun(values);
  expect(res.status(), await res.text()).toBe(200);
  const result = await res.json();
  const files: Array<{ path: string; base64Content: string }> =
    result.directoryContents;
  const clusterFile = files.find(f => f.path.endsWith('cluster.yaml'));
  expect(clusterFile?.path).toMatch(new RegExp(`clusters/[^/]+/${name}/`));
  const docs = parseAllDocuments(
    Buffer.from(clusterFile!.base64Content, 'base64').toString('utf8'),
  ).map(d => d.toJS());
  const cluster = docs.find(d => d.kind === 'Cluster');
  expect(cluster.apiVersion).toBe('cluster.x-k8s.io/v1beta1');
  expect(cluster.metadata.name).toBe(name);
  expect(cluster.spec.topology.class).toBe('nkp-nutanix-v2.17.1');
  expect(cluster.spec.topology.version).toBe('v1.34.3');
  expect(cluster.metadata.labels['nkp-lifecycle.io/owner']).toBe('team-globex');
  // Secrets by reference only
  expect(JSON.stringify(cluster)).toContain('nutanix-pc-credentials');
  // Backstage's publish action runs in dry-run mode: it prepares the pull request, sends nothing.
  const log = JSON.stringify(result.log ?? []);
  expect(log).toContain('Performing dry run of creating pull request');
  expect(log).not.toContain('demo-placeholder-not-a-token');
  // The pull request's body (also the task's output) states the policy verdict.
  const verdict = result.output.text.find(
    (t: { title: string }) => t.title === 'Policy verdict',
  ).content;
  expect(verdict).toContain(`\`${name}\` in workspace \`globex-payments\``);
  expect(verdict).toMatch(
    // the date and days left, or (2.17 is the newest line) none published yet, as in the picker
    /\| Support ends \| (\d{4}-\d{2}-\d{2} \(\d+ days left\)|end of support not published yet) \|/,
  );
  expect(verdict).toContain('| Requested by | user:default/gina |');

  // Direct delivery is refused for gina before anything is rendered or applied: the dry run
  // answers 403 with the render step's error, which names the field and the permission.
  const refused = await dryRun({ ...values, delivery: 'direct' });
  const refusedText = await refused.text();
  expect(refused.status(), refusedText).toBe(403);
  expect(JSON.parse(refusedText).error.message).toMatch(
    /^delivery: .*nkp\.cluster\.apply/,
  );

  // In the form, gina is offered GitOps delivery only.
  await fillRequestUpToDelivery(page, {
    tenant: /Globex/i,
    name: `globex-e2e-${suffix()}`,
    endpoint: '10.42.99.21',
    shots: 'golden-path-gitops',
  });
  await expect(
    page.getByRole('radio', { name: /GitOps pull request/ }),
  ).toBeChecked();
  await expect(page.getByRole('radio', { name: /Apply directly/ })).toHaveCount(
    0,
  );
  await next(page, 'golden-path-gitops-6-delivery', 'Review');
  await screenshot(page, 'golden-path-gitops-review');
});
