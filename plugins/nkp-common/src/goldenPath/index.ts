export type * from './types';
export { versionOptionsFor } from './versionOptions';
export type {
  NkpInstallableRelease,
  VersionOptionsInput,
} from './versionOptions';
export {
  NKP_CLUSTER_NAME_PATTERN,
  freeTextProblem,
  validateClusterRequestFields,
} from './validateFields';
export type { ClusterRequestFieldLimits } from './validateFields';
