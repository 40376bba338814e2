import { CollectedObject } from './collectObjects';
import { descriptionOf, displayNameOf, ownerOf } from './labels';
import { NormaliseMemo, readEach } from './NormaliseMemo';
import { asString, field, stringMap } from './objects';
import { NkpWarning, NkpWorkspace } from './types';

export interface ReadWorkspace extends NkpWorkspace {
  /** `spec.clusterLabels`: Kommander puts these on every cluster of the workspace. */
  clusterLabels: Record<string, string>;
}

export function readWorkspaces(
  objects: CollectedObject[],
  warnings: NkpWarning[],
  memo?: NormaliseMemo,
): ReadWorkspace[] {
  return readEach(memo, 'workspace', objects, warnings, readWorkspace);
}

function readWorkspace(
  { meta, object, ref }: CollectedObject,
  warnings: NkpWarning[],
): ReadWorkspace {
  // The status names the namespace NKP actually created; spec.namespaceName is only a request.
  let namespace =
    asString(field(object, 'status', 'namespaceRef', 'name')) ??
    asString(field(object, 'spec', 'namespaceName'));
  if (!namespace) {
    warnings.push({
      object: ref,
      message: `no status.namespaceRef.name or spec.namespaceName; assuming namespace "${meta.name}"`,
    });
    namespace = meta.name;
  }
  return {
    name: meta.name,
    namespace,
    displayName: displayNameOf(meta),
    description: descriptionOf(meta),
    owner: ownerOf(meta),
    clusterLabels: stringMap(field(object, 'spec', 'clusterLabels')),
  };
}
