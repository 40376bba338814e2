import { NkpClusterFacts } from './clusterFacts';
import { ClusterEvaluation } from './policy';

/**
 * One cluster as `GET /api/nkp/clusters` returns it: its facts, flattened, with its evaluation.
 * Shared so the backend that builds it and the frontend that shows it cannot drift apart.
 *
 * @public
 */
export type NkpClusterView = NkpClusterFacts &
  Pick<
    ClusterEvaluation,
    'state' | 'deadline' | 'daysLeft' | 'targetVersion' | 'upgradePath' | 'findings'
  >;

/**
 * A page of clusters.
 *
 * @public
 */
export interface NkpClusterPage {
  items: NkpClusterView[];
  totalCount: number;
}
