/**
 * The nkp-lifecycle command line: evaluates the NKP lifecycle policy on Kubernetes exports of NKP
 * clusters, for GitOps pipelines.
 *
 * @packageDocumentation
 */
export { main } from './main';
export type { CliIo } from './io';
export { EXIT_GATE_FAILED, EXIT_OK, EXIT_USAGE } from './io';
