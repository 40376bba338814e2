export { KubernetesSource } from './KubernetesSource';
export { KubernetesApiError } from './errors';
export { DEFAULT_KUBERNETES_READ_OPTIONS } from './types';
export type { KubernetesConnection, KubernetesReadOptions } from './types';
