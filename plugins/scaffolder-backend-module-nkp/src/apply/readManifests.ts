/*
 * Reads the manifests `nkp:cluster:render` wrote: every YAML document of every `.yaml` file in
 * one workspace folder, each an NKP kind the suite knows (so its URL and resource are known).
 */

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { NKP_RESOURCES } from '@nkp-lifecycle/backstage-plugin-nkp-node';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

/** One object to apply, with where it goes. */
export interface ManifestToApply {
  object: Record<string, any>;
  kind: string;
  name: string;
  namespace?: string;
  /** `clusters.cluster.x-k8s.io`, for messages. */
  resource: string;
  /** The object's URL path on the API server. */
  path: string;
  file: string;
}

export async function readManifests(
  workspacePath: string,
  folder: string,
): Promise<ManifestToApply[]> {
  const dir = resolveSafeChildPath(workspacePath, folder);
  const names = await fs.readdir(dir).catch(() => {
    throw new InputError(
      `path: "${folder}" is not a folder in the workspace; give the path output of nkp:cluster:render`,
    );
  });
  const files = names.filter(n => /\.ya?ml$/.test(n)).sort();
  const manifests: ManifestToApply[] = [];
  for (const file of files) {
    const text = await fs.readFile(`${dir}/${file}`, 'utf8');
    for (const document of parseAllDocuments(text)) {
      if ('errors' in document && document.errors.length) {
        throw new InputError(
          `${folder}/${file}: ${document.errors[0].message}`,
        );
      }
      const object = document.toJS();
      if (object !== null) {
        manifests.push(toManifest(object, `${folder}/${file}`));
      }
    }
  }
  if (!manifests.length) {
    throw new InputError(`path: "${folder}" holds no manifests`);
  }
  return manifests;
}

/** What Kubernetes accepts as an object or namespace name; nothing else reaches a URL. */
const OBJECT_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

function toManifest(object: any, file: string): ManifestToApply {
  const apiVersion = String(object?.apiVersion ?? '');
  const [group, version] = apiVersion.includes('/')
    ? apiVersion.split('/')
    : ['', apiVersion];
  const resource = NKP_RESOURCES.find(
    r => r.group === group && r.objectKind === object?.kind,
  );
  const name = object?.metadata?.name;
  if (!resource || typeof name !== 'string') {
    throw new InputError(
      `${file}: ${apiVersion} ${object?.kind} ${
        name ?? ''
      } is not an NKP object this action applies`,
    );
  }
  const namespace: string | undefined = object.metadata.namespace;
  if (resource.namespaced && !namespace) {
    throw new InputError(`${file}: ${object.kind} ${name} has no namespace`);
  }
  if (!OBJECT_NAME.test(name) || (namespace && !OBJECT_NAME.test(namespace))) {
    throw new InputError(
      `${file}: "${
        namespace ?? ''
      }/${name}" is not a valid Kubernetes namespace and name`,
    );
  }
  const scope = resource.namespaced ? `/namespaces/${namespace}` : '';
  return {
    object,
    kind: object.kind,
    name,
    namespace,
    resource: `${resource.plural}.${group}`,
    path: `/apis/${group}/${version}${scope}/${resource.plural}/${name}`,
    file,
  };
}
