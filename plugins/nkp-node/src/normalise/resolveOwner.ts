import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BoundedCache } from './BoundedCache';

/**
 * The first owner candidate that is a valid entity reference, normalised to `group:ns/name`.
 * Candidates are tried in priority order; an invalid one is reported and skipped so that a typo
 * on one NKP object does not make the entity unowned.
 */
export function resolveOwner(
  candidates: Array<string | undefined>,
  fallback: string,
  onInvalid: (value: string) => void,
): string {
  for (const candidate of candidates) {
    if (!candidate) {
      continue;
    }
    const ref = toOwnerRef(candidate);
    if (ref) {
      return ref;
    }
    onInvalid(candidate);
  }
  return fallback;
}

/**
 * Owner values seen and their references (undefined: not valid). A fleet has few owners and every
 * entity names one, so each is parsed and validated once, and the entities share one string.
 */
const ownerRefs = new BoundedCache<string, string | undefined>(10_000);

/** A bare name (all a Kubernetes label value can hold) means a group in the default namespace. */
export function toOwnerRef(value: string): string | undefined {
  return ownerRefs.get(value, ownerRefOf);
}

function ownerRefOf(value: string): string | undefined {
  let ref;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
  const valid =
    KubernetesValidatorFunctions.isValidKind(ref.kind) &&
    KubernetesValidatorFunctions.isValidNamespace(ref.namespace) &&
    KubernetesValidatorFunctions.isValidObjectName(ref.name);
  return valid ? stringifyEntityRef(ref) : undefined;
}
