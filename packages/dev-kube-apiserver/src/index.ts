/**
 * A development Kubernetes API server seeded from kubectl exports: the stand-in for the demo's
 * NKP management cluster in the demo portal and the e2e tests. Never for production.
 *
 * @packageDocumentation
 */
export { main, DEMO_TOKEN, DEMO_READ_ONLY_TOKEN, DEFAULT_PORT } from './main';
export { startApiServer } from './http/startApiServer';
export type { ApiServerOptions, RunningApiServer } from './http/startApiServer';
export { readSeed } from './seed/readSeed';
export type { SeedObject } from './seed/readSeed';
export { RESOURCE_TYPES } from './resources/resourceTypes';
export type { ResourceType } from './resources/resourceTypes';
export type { KubeStatus, StatusCause } from './http/status';
export { ObjectStore } from './store/ObjectStore';
export type {
  KubeObject,
  StoreEvent,
  WatchEventType,
} from './store/ObjectStore';
