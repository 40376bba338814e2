/**
 * Exceptions: list them with where they stand (`nkp.fleet.read`), request one
 * (`nkp.exception.request`), approve, reject or revoke it (`nkp.exception.approve`); all audited.
 * Only an approved exception reaches the engine, so a cluster's state changes on approval and on
 * revocation, not on request or rejection. By default the requester may not approve their own
 * exception (four eyes, see permissions/fourEyes.ts); every exception answered says whether the
 * caller may approve it. Rejecting and revoking need no second person: they waive nothing.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, isError } from '@backstage/errors';
import {
  nkpExceptionApprovePermission,
  nkpExceptionRequestPermission,
  normalizeEntityRef,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore, StoredException } from '../database/PolicyStore';
import { FleetAccess, actorOf } from '../permissions/FleetAccess';
import { FleetState } from '../state/FleetState';
import { approverOf, exceptionView } from '../views/exceptionViews';
import {
  exceptionTargetVisible,
  visibleExceptions,
} from '../views/tenantViews';
import { pageOf } from './paging';
import { NkpApiRouter } from './types';
import {
  exceptionApprovalSchema,
  exceptionRequestSchema,
  invalidInput,
  parseInput,
  reasonSchema,
} from './validation';

function normalizeClusterRef(ref: string): string {
  const normalized = normalizeEntityRef(ref, 'resource');
  if (normalized === undefined) {
    throw invalidInput('exception request', [
      {
        field: 'target.cluster',
        message: `'${ref}' is not an entity ref such as resource:default/my-cluster`,
      },
    ]);
  }
  return normalized;
}

function assertAfter(date: string, today: string, what: string) {
  if (date.slice(0, 10) <= today) {
    throw invalidInput(what, [
      {
        field: 'expiresAt',
        message: `${date} is not after today (${today}); an exception must end in the future`,
      },
    ]);
  }
}

export function registerExceptionRoutes(
  router: NkpApiRouter,
  options: {
    access: FleetAccess;
    fleet: FleetState;
    store: PolicyStore;
    logger: LoggerService;
    /** Default true. */
    requireSeparateApprover?: boolean;
  },
) {
  const { access, fleet, store, logger } = options;
  const allowSelfApproval = options.requireSeparateApprover === false;

  /**
   * The exception after an approval, rejection or revocation, from a fresh evaluation. It is no
   * longer requested, so approvable by nobody: no need to ask the permission again.
   */
  const decidedView = async (exception: StoredException, actor: string) => {
    const snapshot = await fleet.refresh();
    const statuses = new Map(
      snapshot.evaluation.exceptions.map(s => [s.id, s]),
    );
    return exceptionView(exception, statuses, {
      actor,
      mayApprove: true,
      allowSelfApproval,
    });
  };

  router.get('/exceptions', async (req, res) => {
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const statuses = new Map(
      snapshot.evaluation.exceptions.map(s => [s.id, s]),
    );
    const page = pageOf(visibleExceptions(snapshot, scope), req.query);
    const approver = await approverOf(access, scope.credentials, page.items, {
      allowSelfApproval,
    });
    res.json({
      evaluatedOn: snapshot.evaluation.evaluatedOn,
      ...page,
      items: page.items.map(e => exceptionView(e, statuses, approver)),
    });
  });

  router.post('/exceptions', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpExceptionRequestPermission,
    );
    const input = parseInput(
      exceptionRequestSchema,
      req.body,
      'exception request',
    );
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    assertAfter(
      input.expiresAt,
      snapshot.evaluation.evaluatedOn,
      'exception request',
    );

    const target =
      'cluster' in input.target
        ? { cluster: normalizeClusterRef(input.target.cluster) }
        : { owner: normalizeOwnerRef(input.target.owner) };
    const request = { ...input, target };
    if (!exceptionTargetVisible(target, snapshot, scope)) {
      throw invalidInput('exception request', [
        {
          field: 'target',
          message: `${JSON.stringify(
            input.target,
          )} is not an NKP cluster or owner of a cluster that you can see`,
        },
      ]);
    }

    const actor = actorOf(credentials);
    const idempotencyKey = req.header('Idempotency-Key');
    const earlier =
      idempotencyKey &&
      (await store.idempotentObjectId(
        actor,
        'exception.request',
        idempotencyKey,
      ));
    const replayed = earlier ? await store.getException(earlier) : undefined;
    if (replayed) {
      const statuses = new Map(
        snapshot.evaluation.exceptions.map(s => [s.id, s]),
      );
      const approver = await approverOf(access, credentials, [replayed], {
        allowSelfApproval,
      });
      res.set('Idempotent-Replayed', 'true');
      res.status(200).json(exceptionView(replayed, statuses, approver));
      return;
    }
    const exception = await store.requestException(request, actor, {
      idempotencyKey,
    });
    logger.info('NKP exception requested', {
      exceptionId: exception.id,
      target: JSON.stringify(target),
      requestedBy: actor,
    });
    const refreshed = await fleet.refresh();
    const statuses = new Map(
      refreshed.evaluation.exceptions.map(s => [s.id, s]),
    );
    const approver = await approverOf(access, credentials, [exception], {
      allowSelfApproval,
    });
    res.status(201).json(exceptionView(exception, statuses, approver));
  });

  router.post('/exceptions/:id/approve', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpExceptionApprovePermission,
    );
    const { id } = req.params;
    const input = parseInput(exceptionApprovalSchema, req.body, 'approval');
    if (input.expiresAt) {
      const { evaluation } = await fleet.current();
      assertAfter(input.expiresAt, evaluation.evaluatedOn, 'approval');
    }
    const actor = actorOf(credentials);
    let exception: StoredException;
    try {
      exception = await store.approveException(id, actor, {
        ...input,
        allowSelfApproval,
      });
    } catch (error) {
      // The caller holds the approve permission, so the store's only refusal is four eyes. A
      // refusal changes nothing, so it is logged rather than written to the audit log.
      if (isError(error) && error.name === 'NotAllowedError') {
        logger.warn('NKP exception self-approval refused', {
          exceptionId: id,
          actor,
          rule: 'nkp.exceptions.requireSeparateApprover',
        });
      }
      throw error;
    }
    logger.info('NKP exception approved', {
      exceptionId: id,
      approvedBy: actor,
      expiresAt: exception.expiresAt,
    });
    res.json(await decidedView(exception, actor));
  });

  router.post('/exceptions/:id/reject', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpExceptionApprovePermission,
    );
    const { reason } = parseInput(reasonSchema, req.body, 'rejection');
    const actor = actorOf(credentials);
    const exception = await store.rejectException(req.params.id, reason, actor);
    logger.info('NKP exception rejected', {
      exceptionId: exception.id,
      rejectedBy: actor,
    });
    res.json(await decidedView(exception, actor));
  });

  router.post('/exceptions/:id/revoke', async (req, res) => {
    const credentials = await access.require(
      req,
      nkpExceptionApprovePermission,
    );
    const { reason } = parseInput(reasonSchema, req.body, 'revocation');
    const { id } = req.params;
    // Expiry is the engine's verdict (a configured maximum may end an exception early).
    const { evaluation } = await fleet.current();
    const status = evaluation.exceptions.find(e => e.id === id);
    if (status?.status === 'expired') {
      throw new ConflictError(
        `Exception '${id}' expired on ${status.endsOn}; there is nothing left to revoke`,
      );
    }
    const actor = actorOf(credentials);
    const exception = await store.revokeException(id, reason, actor);
    logger.info('NKP exception revoked', {
      exceptionId: id,
      revokedBy: actor,
    });
    res.json(await decidedView(exception, actor));
  });
}
