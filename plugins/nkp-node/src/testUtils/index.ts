/**
 * Test helpers for packages that read NKP clusters: builders of real-shaped NKP objects and an
 * msw-backed stand-in for an NKP cluster's API server. Needs `msw` (an optional peer dependency).
 *
 * @packageDocumentation
 */

export { FakeApiServer, notFound, status } from './FakeApiServer';
export type {
  FakeApiIntercept,
  FakeApiObject,
  FakeApiResponder,
  FakeApiWatcher,
} from './FakeApiServer';
export {
  capiCluster,
  kommanderCluster,
  nkpCluster,
  project,
  release,
  smallFleet,
  workspace,
} from './nkpObjects';
export type { NkpLabels } from './nkpObjects';
