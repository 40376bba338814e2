/*
 * The simplest peer, run as it is published: the community OCM provider
 * (`ManagedClusterProvider` of @backstage-community/plugin-ocm-backend 5.21.2), which reads every
 * ManagedCluster with one unpaged LIST and builds one Resource per cluster, without watching.
 *
 * It is not a dependency of this repository. `fetchOcmProvider` downloads the published tarball
 * once with `npm pack` (from whatever registry npm is configured with) into `.tools/` and
 * unpacks it; `loadOcmProvider` loads its provider module unchanged. Its imports resolve to this
 * repository's packages (the same @kubernetes/client-node 1.4.0 it pins), except
 * @backstage-community/plugin-ocm-common, which the provider needs only for two annotation names
 * and which is not on every registry: that import is answered with those two names.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

export const OCM_BACKEND = '@backstage-community/plugin-ocm-backend@5.21.2';

const DIR = join(__dirname, '../../../.tools/ocm-backend-5.21.2');
const PROVIDER = join(
  DIR,
  'package/dist/providers/ManagedClusterProvider.cjs.js',
);

/** The unpacked provider module, downloaded first if needed. */
export function fetchOcmProvider(): string {
  if (!existsSync(PROVIDER)) {
    mkdirSync(DIR, { recursive: true });
    try {
      execFileSync('npm', ['pack', OCM_BACKEND, '--pack-destination', DIR], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error: any) {
      throw new Error(
        `could not download ${OCM_BACKEND} with npm pack (the peer benchmark needs the npm registry): ${
          String(error.stderr ?? error.message)
            .trim()
            .split('\n')
            .pop() ?? ''
        }`,
      );
    }
    const tarball = readdirSync(DIR).find(f => f.endsWith('.tgz'));
    if (!tarball) {
      throw new Error(`npm pack ${OCM_BACKEND} gave no tarball in ${DIR}`);
    }
    execFileSync('tar', ['xzf', tarball], { cwd: DIR });
  }
  return PROVIDER;
}

/** plugin-ocm-common's two annotation names, as its source defines them. */
const OCM_COMMON = {
  ANNOTATION_CLUSTER_ID: 'janus-idp.io/ocm-cluster-id',
  ANNOTATION_PROVIDER_ID: 'janus-idp.io/ocm-provider-id',
};

/** The peer's provider class, from the file `fetchOcmProvider` gave. */
export function loadOcmProvider(file: string): any {
  const loader = Module as any;
  const resolve = loader._resolveFilename;
  const peerDir = join(file, '../..');
  loader._resolveFilename = function resolveForPeer(
    request: string,
    parent: { filename?: string } | undefined,
    ...rest: unknown[]
  ) {
    if (request === '@backstage-community/plugin-ocm-common') {
      return request;
    }
    if (!request.startsWith('.') && parent?.filename?.startsWith(peerDir)) {
      return require.resolve(request, { paths: [__dirname] });
    }
    return resolve.call(this, request, parent, ...rest);
  };
  require.cache['@backstage-community/plugin-ocm-common'] = {
    id: '@backstage-community/plugin-ocm-common',
    exports: OCM_COMMON,
    loaded: true,
  } as any;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file).ManagedClusterProvider;
}
