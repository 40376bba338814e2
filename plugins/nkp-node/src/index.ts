/**
 * What the NKP backend packages and the nkp-lifecycle CLI share: normalisation of NKP objects
 * into catalog entities, the offline-export reader and the reading of source config. The
 * Kubernetes API client and source are in the `/kubernetes` entry point, test helpers in
 * `/testUtils`, so that this one loads no Kubernetes client and no backend framework.
 *
 * @packageDocumentation
 */

export {
  buildEntities,
  entityName,
  fleetToEntities,
  normaliseFleet,
  NKP_OWNER_KEY,
  NKP_RESOURCES,
  NormaliseMemo,
} from './normalise';
export type {
  FleetEntityOptions,
  FleetPatch,
  FleetPatcher,
  NkpCluster,
  NkpEndpoint,
  NkpFleet,
  NkpKind,
  NkpProject,
  NkpRelease,
  NkpSourceModel,
  NkpSourcePartSettings,
  NkpWarning,
  NkpWorkspace,
  NormaliseFleetOptions,
  RawObject,
} from './normalise';
export type {
  NkpObjectEvent,
  NkpSource,
  NkpSourceChange,
  RawObjects,
} from './NkpSource';
export { OfflineExportSource } from './offline';
export * from './config';
export { DEFAULT_KUBERNETES_READ_OPTIONS } from './kubernetes/types';
export type {
  KubernetesConnection,
  KubernetesReadOptions,
} from './kubernetes/types';
