/**
 * The Kubernetes side of NKP sources: a client for one API server (authenticated from a
 * `KubernetesConnection`, which the main entry point reads from config) and the source that reads
 * and watches an NKP cluster through it. Needs `@kubernetes/client-node` and
 * `@backstage/backend-plugin-api`, which are optional peer dependencies of this package.
 *
 * @packageDocumentation
 */

export { KubernetesSource } from './KubernetesSource';
export { KubernetesApiClient } from './KubernetesApiClient';
export type { ApplyTarget } from './KubernetesApiClient';
export { kubeConfigFor } from './kubeConfigFor';
export { KubernetesApiError } from './errors';
// The types its API names, so that this entry point stands on its own.
export type { KubernetesConnection, KubernetesReadOptions } from './types';
export type {
  NkpObjectEvent,
  NkpSource,
  NkpSourceChange,
  RawObjects,
} from '../NkpSource';
export type { RawObject } from '../normalise/types';
