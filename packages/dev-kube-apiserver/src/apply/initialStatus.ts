/*
 * The only controller behaviour of this server: what a new object's status starts as. A new
 * CAPI `Cluster` gets `status.phase: Provisioning`, as the Cluster API controller sets it once it
 * starts creating the machines (a stand-in for that controller; nothing ever moves it on). A
 * new Namespace is `Active`. Everything else starts without status.
 */
import { ResourceType } from '../resources/resourceTypes';

export function initialStatus(
  type: ResourceType,
): { status: Record<string, unknown> } | {} {
  if (type.group === 'cluster.x-k8s.io' && type.kind === 'Cluster') {
    return { status: { phase: 'Provisioning' } };
  }
  if (type.group === '' && type.kind === 'Namespace') {
    return { status: { phase: 'Active' } };
  }
  return {};
}
