/**
 * Who may approve an exception: the permission says who may approve exceptions at all, the
 * requester says who may not approve this one (unless `nkp.exceptions.requireSeparateApprover`
 * is false). The store enforces it and the lists report it with the same functions, so what the
 * UI offers and what the backend accepts cannot drift apart.
 */
import {
  NkpExceptionNotApprovableReason,
  entityRefKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import type { StoredException } from '../database/PolicyStore';

/** The caller, as far as approving exceptions goes. */
export interface Approver {
  /** The caller's actor (`actorOf`). */
  actor: string;
  /** The caller holds `nkp.exception.approve`. */
  mayApprove: boolean;
  /** `nkp.exceptions.requireSeparateApprover` is false. */
  allowSelfApproval: boolean;
}

/**
 * The caller requested the exception themselves. Entity refs are case-insensitive; service
 * subjects are compared the same way.
 */
export function isOwnRequest(
  exception: { requestedBy: string },
  actor: string,
): boolean {
  return entityRefKey(exception.requestedBy) === entityRefKey(actor);
}

/** Whether `approver` may approve the exception now, and if not, why not. */
export function approvability(
  exception: { status: StoredException['status']; requestedBy: string },
  approver: Approver,
):
  | { approvable: true }
  | {
      approvable: false;
      notApprovableBecause: NkpExceptionNotApprovableReason;
    } {
  if (exception.status !== 'requested') {
    return {
      approvable: false,
      notApprovableBecause: `already-${exception.status}`,
    };
  }
  if (!approver.mayApprove) {
    return { approvable: false, notApprovableBecause: 'missing-permission' };
  }
  if (!approver.allowSelfApproval && isOwnRequest(exception, approver.actor)) {
    return { approvable: false, notApprovableBecause: 'own-request' };
  }
  return { approvable: true };
}
