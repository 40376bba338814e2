/**
 * Types, annotations, version handling and permissions shared by the NKP Lifecycle packages.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './catalogChange';
export * from './api';
export * from './clusterFacts';
export * from './entityOrigin';
export * from './entityRefs';
export * from './releaseFacts';
export * from './permissions';
export * from './versions';
export * from './policy';
export * from './releaseFeed';
export * from './text/plural';
export * from './goldenPath';
