/**
 * Exceptions: list them with where they stand (`nkp.fleet.read`), request one
 * (`nkp.exception.request`) and approve it (`nkp.exception.approve`); both audited. Only an
 * approved exception reaches the engine, so a cluster's state changes on approval, not request.
 * By default the requester may not approve their own exception (four eyes, see
 * permissions/fourEyes.ts); every exception answered says whether the caller may approve it.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  nkpExceptionApprovePermission,
  nkpExceptionRequestPermission,
  entityRefKey,
  normalizeEntityRef,
  normalizeOwnerRef,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore, StoredException } from '../database/PolicyStore';
import { FleetAccess, ReadScope, actorOf } from '../permissions/FleetAccess';
import { FleetSnapshot, FleetState } from '../state/FleetState';
import { ownerTenant } from '../views/clusterViews';
import { approverOf, exceptionView } from '../views/exceptionViews';
import { NkpApiRouter } from './types';
import {
  exceptionApprovalSchema,
  exceptionRequestSchema,
  invalidInput,
  parseInput,
} from './validation';

type ExceptionTarget = StoredException['target'];

/**
 * True when the target is a cluster of the fleet, or the owner of one, that the caller may see.
 */
function targetVisible(
  target: ExceptionTarget,
  snapshot: FleetSnapshot,
  scope: ReadScope,
): boolean {
  if ('cluster' in target) {
    const result = snapshot.byRef.get(entityRefKey(target.cluster));
    return result !== undefined && scope.visible(result.cluster);
  }
  const owner = normalizeOwnerRef(target.owner);
  return snapshot.evaluation.clusters.some(
    r => ownerTenant(r) === owner && scope.visible(r.cluster),
  );
}

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

  router.get('/exceptions', async (req, res) => {
    const scope = await access.read(req);
    const snapshot = await fleet.current();
    const statuses = new Map(
      snapshot.evaluation.exceptions.map(s => [s.id, s]),
    );
    const visible = snapshot.exceptions.filter(
      e => scope.all || targetVisible(e.target, snapshot, scope),
    );
    const approver = await approverOf(access, scope.credentials, visible, {
      allowSelfApproval,
    });
    res.json({
      evaluatedOn: snapshot.evaluation.evaluatedOn,
      items: visible.map(e => exceptionView(e, statuses, approver)),
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
    if (!targetVisible(target, snapshot, scope)) {
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
    const exception = await store.requestException(request, actor);
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
    const snapshot = await fleet.refresh();
    const statuses = new Map(
      snapshot.evaluation.exceptions.map(s => [s.id, s]),
    );
    // Approved now, so not approvable by anyone: no need to ask the permission again.
    res.json(
      exceptionView(exception, statuses, {
        actor,
        mayApprove: true,
        allowSelfApproval,
      }),
    );
  });
}
