import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { NkpExceptionView } from '../../api/types';
import { ownerLabel } from '../common/ownerLabel';

type Target = NkpExceptionView['target'];

/** `Cluster resource:default/x` or `Every cluster of team-a`, for sentences. */
export function describeTarget(target: Target): string {
  return 'cluster' in target
    ? `Cluster ${target.cluster}`
    : `Every cluster of ${ownerLabel(target.owner)}`;
}

/** The target as a link to its catalog entity. */
export const TargetLink = ({ target }: { target: Target }) =>
  'cluster' in target ? (
    <EntityRefLink entityRef={target.cluster} defaultKind="resource" />
  ) : (
    <>
      every cluster of{' '}
      <EntityRefLink entityRef={target.owner} defaultKind="group" />
    </>
  );
