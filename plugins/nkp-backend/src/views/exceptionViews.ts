/**
 * Exceptions as the API returns them to one caller: the stored exception, where an approved one
 * stands in the evaluation, and whether this caller may approve it (so a client need not guess
 * the four-eyes setting).
 */
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  NkpExceptionView,
  PolicyExceptionStatus,
  nkpExceptionApprovePermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { StoredException } from '../database/PolicyStore';
import { FleetAccess, actorOf } from '../permissions/FleetAccess';
import { Approver, approvability } from '../permissions/fourEyes';

export function exceptionView(
  exception: StoredException,
  statuses: ReadonlyMap<string, PolicyExceptionStatus>,
  approver: Approver,
): NkpExceptionView {
  const evaluation = statuses.get(exception.id);
  return {
    ...exception,
    ...(evaluation ? { evaluation } : {}),
    ...approvability(exception, approver),
  };
}

/**
 * The caller as an approver of `exceptions`. The permission is asked only when one of them
 * awaits approval: an approved exception is not approvable whoever asks.
 */
export async function approverOf(
  access: FleetAccess,
  credentials: BackstageCredentials,
  exceptions: readonly StoredException[],
  options: { allowSelfApproval: boolean },
): Promise<Approver> {
  const mayApprove =
    exceptions.some(e => e.status === 'requested') &&
    (await access.allows(credentials, nkpExceptionApprovePermission));
  return {
    actor: actorOf(credentials),
    mayApprove,
    allowSelfApproval: options.allowSelfApproval,
  };
}
