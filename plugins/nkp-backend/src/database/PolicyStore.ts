/**
 * The plugin's database: upgrade plans, exceptions, the audit log and the notifications already
 * sent. Every change and its audit row are written in one transaction, so there is never a plan
 * or an approval without its "who, when, why". Nothing is deleted: a cancelled plan and a
 * rejected or revoked exception stay, with who ended them, when and why.
 */
import { randomUUID } from 'node:crypto';
import {
  DatabaseService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  NkpAuditEntry,
  PolicyException,
  PolicyRuleId,
  UpgradePlan,
  UpgradePlanRequirement,
  UpgradePlanScope,
  planRequirement,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { Knex } from 'knex';
import { approvability, isOwnRequest } from '../permissions/fourEyes';
import { connect } from './connect';

/** An upgrade plan as stored: the engine's input plus who created it and when. */
export interface StoredUpgradePlan extends UpgradePlan {
  /** Only active plans reach the engine. */
  status: 'active' | 'cancelled';
  /** Always set: the plan's own, or, for rows older than the column, the scope's default. */
  requires: UpgradePlanRequirement;
  createdBy: string;
  createdAt: string;
  cancelledBy?: string;
  cancelledAt?: string;
  cancelReason?: string;
}

/** What may change of an active plan; absent fields stay. */
export type UpgradePlanChange = Partial<
  Pick<UpgradePlan, 'title' | 'targetVersion' | 'windowDays'>
>;

/** What a caller gives to create a plan; the store assigns the id. */
export type NewUpgradePlan = Omit<UpgradePlan, 'id'>;

/**
 * An exception as stored: requested first, then approved or rejected; an approved one may be
 * revoked before it expires. Only an approved one reaches the engine.
 */
export interface StoredException {
  id: string;
  status: 'requested' | 'approved' | 'rejected' | 'revoked';
  target: { cluster: string } | { owner: string };
  rule?: PolicyRuleId;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  approvedBy?: string;
  approvedAt?: string;
  rejectedBy?: string;
  rejectedAt?: string;
  rejectionReason?: string;
  revokedBy?: string;
  revokedAt?: string;
  revocationReason?: string;
}

/** What a caller gives to request an exception. */
export interface NewExceptionRequest {
  target: { cluster: string } | { owner: string };
  rule?: PolicyRuleId;
  reason: string;
  expiresAt: string;
}

/** One row of the audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: NkpAuditEntry['action'];
  objectType: 'upgrade-plan' | 'exception';
  objectId: string;
  reason?: string;
  details?: JsonObject;
}

/** A page of the audit log, newest first. */
export interface AuditQuery {
  objectType?: AuditEntry['objectType'];
  objectId?: string;
  actor?: string;
  /** Only entries older than this one: the last id of the previous page. */
  beforeId?: number;
  limit: number;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `beforeId` for the next page; absent on the last page. */
  nextBeforeId?: number;
}

interface PlanRow {
  id: string;
  title: string;
  target_version: string;
  announced_at: string;
  window_days: number | null;
  scope_kind: UpgradePlanScope['kind'];
  scope_name: string | null;
  requires: UpgradePlanRequirement | null;
  created_by: string;
  created_at: string;
  status: StoredUpgradePlan['status'];
  cancelled_by: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

interface ExceptionRow {
  id: string;
  status: StoredException['status'];
  target_kind: 'cluster' | 'owner';
  target_ref: string;
  rule: string | null;
  reason: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  approved_by: string | null;
  approved_at: string | null;
  expiry_recorded_at: string | null;
  /** Who rejected or revoked it; `status` says which. */
  closed_by: string | null;
  closed_at: string | null;
  close_reason: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  object_type: AuditEntry['objectType'];
  object_id: string;
  reason: string | null;
  details: string | null;
}

/** The actor recorded for changes the backend makes on its own, such as an exception expiring. */
/** The POSTs that take an `Idempotency-Key`. */
export type IdempotentOperation = 'upgrade-plan.create' | 'exception.request';

export const SYSTEM_ACTOR = 'system:nkp-backend';

export class PolicyStore {
  /** Connects and, unless the database service says otherwise, migrates to the latest schema. */
  static async create(options: {
    database: DatabaseService;
    clock?: () => Date;
  }): Promise<PolicyStore> {
    const knex = await connect(options.database);
    return new PolicyStore(knex, options.clock ?? (() => new Date()));
  }

  private constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date,
  ) {}

  async listPlans(): Promise<StoredUpgradePlan[]> {
    const rows = await this.knex<PlanRow>('upgrade_plans').orderBy([
      'announced_at',
      'id',
    ]);
    return rows.map(planFromRow);
  }

  async createPlan(
    plan: NewUpgradePlan,
    actor: string,
    options: { idempotencyKey?: string } = {},
  ): Promise<StoredUpgradePlan> {
    const row: PlanRow = {
      id: randomUUID(),
      title: plan.title,
      target_version: plan.targetVersion,
      announced_at: plan.announcedAt,
      window_days: plan.windowDays ?? null,
      scope_kind: plan.scope.kind,
      scope_name: 'name' in plan.scope ? plan.scope.name : null,
      requires: planRequirement(plan),
      created_by: actor,
      created_at: this.now(),
      status: 'active',
      cancelled_by: null,
      cancelled_at: null,
      cancel_reason: null,
    };
    await this.knex.transaction(async tx => {
      await this.claimIdempotencyKey(tx, {
        actor,
        operation: 'upgrade-plan.create',
        key: options.idempotencyKey,
        objectId: row.id,
      });
      await tx('upgrade_plans').insert(row);
      await this.audit(tx, {
        actor,
        action: 'upgrade-plan.create',
        objectType: 'upgrade-plan',
        objectId: row.id,
        details: {
          title: plan.title,
          targetVersion: plan.targetVersion,
          announcedAt: plan.announcedAt,
          windowDays: plan.windowDays ?? null,
          scope: { ...plan.scope },
          requires: row.requires,
        },
      });
    });
    return planFromRow(row);
  }

  /**
   * Changes an active plan. Only fields whose value differs are written, with their values
   * before and after in the audit entry; a change that changes nothing writes nothing. Throws
   * `NotFoundError` for an unknown id and `ConflictError` for a cancelled plan.
   */
  async changePlan(
    id: string,
    change: UpgradePlanChange,
    actor: string,
  ): Promise<StoredUpgradePlan> {
    return this.knex.transaction(async tx => {
      const existing = await this.activePlanRow(tx, id, 'changed');
      const columns = {
        title: 'title',
        targetVersion: 'target_version',
        windowDays: 'window_days',
      } as const;
      const before: JsonObject = {};
      const after: JsonObject = {};
      const changes: Partial<PlanRow> = {};
      for (const field of Object.keys(columns) as Array<keyof typeof columns>) {
        const value = change[field];
        const current = planFromRow(existing)[field];
        if (value === undefined || value === current) continue;
        before[field] = current ?? null;
        after[field] = value;
        Object.assign(changes, { [columns[field]]: value });
      }
      if (Object.keys(changes).length === 0) return planFromRow(existing);
      await this.updateActivePlan(tx, id, changes, 'changed');
      await this.audit(tx, {
        actor,
        action: 'upgrade-plan.change',
        objectType: 'upgrade-plan',
        objectId: id,
        details: { before, after },
      });
      return planFromRow({ ...existing, ...changes });
    });
  }

  /**
   * Cancels an active plan: it stays, with who, when and why, and stops reaching the engine.
   * Throws `NotFoundError` for an unknown id and `ConflictError` when it is cancelled already.
   */
  async cancelPlan(
    id: string,
    reason: string,
    actor: string,
  ): Promise<StoredUpgradePlan> {
    return this.knex.transaction(async tx => {
      const existing = await this.activePlanRow(tx, id, 'cancelled');
      const changes = {
        status: 'cancelled' as const,
        cancelled_by: actor,
        cancelled_at: this.now(),
        cancel_reason: reason,
      };
      await this.updateActivePlan(tx, id, changes, 'cancelled');
      await this.audit(tx, {
        actor,
        action: 'upgrade-plan.cancel',
        objectType: 'upgrade-plan',
        objectId: id,
        reason,
        details: {
          title: existing.title,
          targetVersion: existing.target_version,
        },
      });
      return planFromRow({ ...existing, ...changes });
    });
  }

  /**
   * Updates a plan that is still active. The status condition makes the loser of two concurrent
   * changes (say a change and a cancellation) a conflict instead of an overwrite.
   */
  private async updateActivePlan(
    tx: Knex.Transaction,
    id: string,
    changes: Partial<PlanRow>,
    what: 'changed' | 'cancelled',
  ): Promise<void> {
    const updated = await tx<PlanRow>('upgrade_plans')
      .where({ id, status: 'active' })
      .update(changes);
    if (updated === 0) {
      const row = await tx<PlanRow>('upgrade_plans').where({ id }).first();
      throw planCancelled(row && planFromRow(row), what);
    }
  }

  private async activePlanRow(
    tx: Knex.Transaction,
    id: string,
    what: 'changed' | 'cancelled',
  ): Promise<PlanRow> {
    const row = await tx<PlanRow>('upgrade_plans').where({ id }).first();
    assertActivePlan(row && planFromRow(row), id, what);
    return row!;
  }

  async listExceptions(): Promise<StoredException[]> {
    const rows = await this.knex<ExceptionRow>('exceptions').orderBy([
      'requested_at',
      'id',
    ]);
    return rows.map(exceptionFromRow);
  }

  async getException(id: string): Promise<StoredException | undefined> {
    const row = await this.knex<ExceptionRow>('exceptions')
      .where({ id })
      .first();
    return row ? exceptionFromRow(row) : undefined;
  }

  async requestException(
    request: NewExceptionRequest,
    actor: string,
    options: { idempotencyKey?: string } = {},
  ): Promise<StoredException> {
    const [targetKind, targetRef] =
      'cluster' in request.target
        ? (['cluster', request.target.cluster] as const)
        : (['owner', request.target.owner] as const);
    const row: ExceptionRow = {
      id: randomUUID(),
      status: 'requested',
      target_kind: targetKind,
      target_ref: targetRef,
      rule: request.rule ?? null,
      reason: request.reason,
      requested_by: actor,
      requested_at: this.now(),
      expires_at: request.expiresAt,
      approved_by: null,
      approved_at: null,
      expiry_recorded_at: null,
      closed_by: null,
      closed_at: null,
      close_reason: null,
    };
    await this.knex.transaction(async tx => {
      await this.claimIdempotencyKey(tx, {
        actor,
        operation: 'exception.request',
        key: options.idempotencyKey,
        objectId: row.id,
      });
      await tx('exceptions').insert(row);
      await this.audit(tx, {
        actor,
        action: 'exception.request',
        objectType: 'exception',
        objectId: row.id,
        reason: request.reason,
        details: {
          target: { ...request.target },
          rule: request.rule ?? null,
          expiresAt: request.expiresAt,
        },
      });
    });
    return exceptionFromRow(row);
  }

  /**
   * Approves a requested exception. The approver may shorten (or set) the expiry; `comment` goes
   * to the audit log. Throws `NotFoundError` for an unknown id, `ConflictError` when the
   * exception is already approved, and `NotAllowedError` when the approver is the requester,
   * unless `allowSelfApproval` (then the audit entry says `selfApproved`).
   */
  async approveException(
    id: string,
    actor: string,
    options: {
      expiresAt?: string;
      comment?: string;
      allowSelfApproval?: boolean;
    } = {},
  ): Promise<StoredException> {
    return this.knex.transaction(async tx => {
      const existing = await tx<ExceptionRow>('exceptions')
        .where({ id })
        .first();
      if (!existing) {
        throw new NotFoundError(`No exception with id '${id}'`);
      }
      // The one four-eyes rule, inside the transaction: the caller holds the approve permission.
      const verdict = approvability(
        { status: existing.status, requestedBy: existing.requested_by },
        {
          actor,
          mayApprove: true,
          allowSelfApproval: options.allowSelfApproval ?? false,
        },
      );
      if (!verdict.approvable) {
        if (verdict.notApprovableBecause === 'own-request') {
          throw new NotAllowedError(
            `Exception '${id}' was requested by ${existing.requested_by}, who may not also approve it: ` +
              'exceptions need a separate approver, someone else with nkp.exception.approve',
          );
        }
        throw alreadyApproved(existing);
      }
      const selfApproved = isOwnRequest(
        { requestedBy: existing.requested_by },
        actor,
      );
      const changes: Partial<ExceptionRow> = {
        status: 'approved',
        approved_by: actor,
        approved_at: this.now(),
        ...(options.expiresAt ? { expires_at: options.expiresAt } : {}),
      };
      // The status condition makes a concurrent second approval a no-op instead of a rewrite.
      const updated = await tx<ExceptionRow>('exceptions')
        .where({ id, status: 'requested' })
        .update(changes);
      const row = (await tx<ExceptionRow>('exceptions').where({ id }).first())!;
      if (updated === 0) {
        throw alreadyApproved(row);
      }
      await this.audit(tx, {
        actor,
        action: 'exception.approve',
        objectType: 'exception',
        objectId: id,
        reason: options.comment,
        details: {
          expiresAt: row.expires_at,
          requestedBy: row.requested_by,
          ...(selfApproved ? { selfApproved: true } : {}),
        },
      });
      return exceptionFromRow(row);
    });
  }

  /**
   * Rejects a requested exception; it never counts. Throws `NotFoundError` for an unknown id and
   * `ConflictError` unless it is requested.
   */
  async rejectException(
    id: string,
    reason: string,
    actor: string,
  ): Promise<StoredException> {
    return this.closeException(id, reason, actor, {
      from: 'requested',
      to: 'rejected',
      action: 'exception.reject',
    });
  }

  /**
   * Revokes an approved exception; it stops waiving at once. Whether it has expired is the
   * engine's to say (a configured maximum may end it before `expiresAt`), so the caller checks
   * that. Throws `NotFoundError` for an unknown id and `ConflictError` unless it is approved.
   */
  async revokeException(
    id: string,
    reason: string,
    actor: string,
  ): Promise<StoredException> {
    return this.closeException(id, reason, actor, {
      from: 'approved',
      to: 'revoked',
      action: 'exception.revoke',
    });
  }

  private async closeException(
    id: string,
    reason: string,
    actor: string,
    transition: {
      from: StoredException['status'];
      to: StoredException['status'];
      action: 'exception.reject' | 'exception.revoke';
    },
  ): Promise<StoredException> {
    return this.knex.transaction(async tx => {
      const existing = await tx<ExceptionRow>('exceptions')
        .where({ id })
        .first();
      if (!existing) {
        throw new NotFoundError(`No exception with id '${id}'`);
      }
      const changes = {
        status: transition.to,
        closed_by: actor,
        closed_at: this.now(),
        close_reason: reason,
      };
      // The status condition makes a concurrent transition lose instead of overwrite.
      const updated =
        existing.status === transition.from
          ? await tx<ExceptionRow>('exceptions')
              .where({ id, status: transition.from })
              .update(changes)
          : 0;
      if (updated === 0) {
        const row = (await tx<ExceptionRow>('exceptions')
          .where({ id })
          .first())!;
        throw new ConflictError(
          `Exception '${id}' is ${describeStatus(row)}; only ${
            transition.from
          } exceptions can be ${transition.to}`,
        );
      }
      await this.audit(tx, {
        actor,
        action: transition.action,
        objectType: 'exception',
        objectId: id,
        reason,
        details: {
          requestedBy: existing.requested_by,
          ...(existing.approved_by ? { approvedBy: existing.approved_by } : {}),
          expiresAt: existing.expires_at,
        },
      });
      return exceptionFromRow({ ...existing, ...changes });
    });
  }

  /**
   * Writes an exception's expiry to the audit log, once: of several replicas noticing the same
   * expiry, only the one whose update changes the row writes the audit entry.
   */
  async recordExpiry(id: string, endsOn: string): Promise<boolean> {
    return this.knex.transaction(async tx => {
      const updated = await tx<ExceptionRow>('exceptions')
        .where({ id, status: 'approved' })
        .whereNull('expiry_recorded_at')
        .update({ expiry_recorded_at: this.now() });
      if (updated === 0) return false;
      await this.audit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'exception.expire',
        objectType: 'exception',
        objectId: id,
        reason: `stopped counting on ${endsOn}`,
        details: { endsOn },
      });
      return true;
    });
  }

  /** The whole audit trail of one object or kind, oldest first. */
  async listAudit(
    filter: { objectType?: AuditEntry['objectType']; objectId?: string } = {},
  ): Promise<AuditEntry[]> {
    const query = this.knex<AuditRow>('audit_log').orderBy('id');
    if (filter.objectType) query.where('object_type', filter.objectType);
    if (filter.objectId) query.where('object_id', filter.objectId);
    const rows = await query;
    return rows.map(auditFromRow);
  }

  /**
   * One page of the audit log, newest first. Paged by id rather than offset, so entries written
   * while someone pages do not shift the pages they have not read yet.
   */
  async queryAudit(query: AuditQuery): Promise<AuditPage> {
    const select = this.knex<AuditRow>('audit_log')
      .orderBy('id', 'desc')
      // One more than asked: tells whether there is a next page without counting.
      .limit(query.limit + 1);
    if (query.objectType) select.where('object_type', query.objectType);
    if (query.objectId) select.where('object_id', query.objectId);
    if (query.actor) select.where('actor', query.actor);
    if (query.beforeId !== undefined) select.where('id', '<', query.beforeId);
    const rows = await select;
    const items = rows.slice(0, query.limit).map(auditFromRow);
    return rows.length > query.limit
      ? { items, nextBeforeId: items[items.length - 1].id }
      : { items };
  }

  /**
   * Claims a notification before it is sent: true for the first caller with this key, on any
   * replica, ever; false for everyone after. Claim first, send second: a crash in between loses
   * one notification rather than sending it twice.
   */
  async claimNotification(key: string): Promise<boolean> {
    try {
      await this.knex('sent_notifications').insert({
        key,
        sent_at: this.now(),
      });
      return true;
    } catch (error) {
      if (isDatabaseConflictError(error)) return false;
      throw error;
    }
  }

  /**
   * The id of what an earlier request of `actor` with this idempotency key created, if any.
   */
  async idempotentObjectId(
    actor: string,
    operation: IdempotentOperation,
    key: string,
  ): Promise<string | undefined> {
    const row = await this.knex('idempotency_keys')
      .where({ actor, operation, idempotency_key: key })
      .first('object_id');
    return row?.object_id;
  }

  async getPlan(id: string): Promise<StoredUpgradePlan | undefined> {
    const row = await this.knex<PlanRow>('upgrade_plans').where({ id }).first();
    return row ? planFromRow(row) : undefined;
  }

  /**
   * Records the key in the transaction that creates the object; a concurrent request with the
   * same key that got there first makes this one a `ConflictError` (its retry then replays).
   */
  private async claimIdempotencyKey(
    tx: Knex.Transaction,
    claim: {
      actor: string;
      operation: IdempotentOperation;
      key?: string;
      objectId: string;
    },
  ) {
    if (claim.key === undefined) return;
    const existing = await tx('idempotency_keys')
      .where({
        actor: claim.actor,
        operation: claim.operation,
        idempotency_key: claim.key,
      })
      .first('object_id');
    const used = new ConflictError(
      `Idempotency-Key ${claim.key} was used already; retry to get its answer`,
    );
    if (existing) throw used;
    try {
      await tx('idempotency_keys').insert({
        actor: claim.actor,
        operation: claim.operation,
        idempotency_key: claim.key,
        object_id: claim.objectId,
        created_at: this.now(),
      });
    } catch (error) {
      throw isDatabaseConflictError(error) ? used : error;
    }
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private async audit(
    tx: Knex.Transaction,
    entry: Omit<AuditEntry, 'id' | 'at'>,
  ): Promise<void> {
    await tx('audit_log').insert({
      at: this.now(),
      actor: entry.actor,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      reason: entry.reason ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    });
  }
}

/** The engine's view of an approved exception. */
export function toPolicyException(
  exception: StoredException,
): PolicyException | undefined {
  if (
    exception.status !== 'approved' ||
    !exception.approvedBy ||
    !exception.approvedAt
  ) {
    return undefined;
  }
  return {
    id: exception.id,
    target: exception.target,
    ...(exception.rule ? { rule: exception.rule } : {}),
    reason: exception.reason,
    approvedBy: exception.approvedBy,
    approvedAt: exception.approvedAt,
    expiresAt: exception.expiresAt,
  };
}

function alreadyApproved(row: ExceptionRow): ConflictError {
  return new ConflictError(
    `Exception '${row.id}' is already ${describeStatus(row)}`,
  );
}

/** "approved, by user:default/pat on 2026-…", for conflict messages. */
function describeStatus(row: ExceptionRow): string {
  switch (row.status) {
    case 'approved':
      return `approved, by ${row.approved_by} on ${row.approved_at}`;
    case 'rejected':
    case 'revoked':
      return `${row.status}, by ${row.closed_by} on ${row.closed_at}`;
    default:
      return row.status;
  }
}

/**
 * The plan, when it exists and is active; otherwise the `NotFoundError` or `ConflictError` that
 * says why it cannot be `what` ("changed", "cancelled").
 */
export function assertActivePlan(
  plan: StoredUpgradePlan | undefined,
  id: string,
  what: string,
): StoredUpgradePlan {
  if (!plan) throw new NotFoundError(`No upgrade plan with id '${id}'`);
  if (plan.status !== 'active') throw planCancelled(plan, what);
  return plan;
}

function planCancelled(
  plan: StoredUpgradePlan | undefined,
  what: string,
): ConflictError {
  return new ConflictError(
    `Upgrade plan '${plan?.id}' was cancelled by ${plan?.cancelledBy} on ${plan?.cancelledAt} and cannot be ${what}`,
  );
}

function auditFromRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditEntry['action'],
    objectType: row.object_type,
    objectId: row.object_id,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.details !== null ? { details: JSON.parse(row.details) } : {}),
  };
}

function planFromRow(row: PlanRow): StoredUpgradePlan {
  const scope: UpgradePlanScope =
    row.scope_kind === 'fleet'
      ? { kind: 'fleet' }
      : { kind: row.scope_kind, name: row.scope_name ?? '' };
  return {
    id: row.id,
    title: row.title,
    targetVersion: row.target_version,
    announcedAt: row.announced_at,
    ...(row.window_days !== null && row.window_days !== undefined
      ? { windowDays: Number(row.window_days) }
      : {}),
    scope,
    requires: row.requires ?? planRequirement({ scope }),
    createdBy: row.created_by,
    createdAt: row.created_at,
    status: row.status,
    ...(row.cancelled_by ? { cancelledBy: row.cancelled_by } : {}),
    ...(row.cancelled_at ? { cancelledAt: row.cancelled_at } : {}),
    ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
  };
}

function exceptionFromRow(row: ExceptionRow): StoredException {
  return {
    id: row.id,
    status: row.status,
    target:
      row.target_kind === 'cluster'
        ? { cluster: row.target_ref }
        : { owner: row.target_ref },
    ...(row.rule ? { rule: row.rule as PolicyRuleId } : {}),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    ...(row.approved_by ? { approvedBy: row.approved_by } : {}),
    ...(row.approved_at ? { approvedAt: row.approved_at } : {}),
    ...closedFields(row),
  };
}

function closedFields(row: ExceptionRow): Partial<StoredException> {
  if (!row.closed_by || !row.closed_at) return {};
  const reason = row.close_reason ?? undefined;
  if (row.status === 'rejected') {
    return {
      rejectedBy: row.closed_by,
      rejectedAt: row.closed_at,
      ...(reason ? { rejectionReason: reason } : {}),
    };
  }
  if (row.status === 'revoked') {
    return {
      revokedBy: row.closed_by,
      revokedAt: row.closed_at,
      ...(reason ? { revocationReason: reason } : {}),
    };
  }
  return {};
}
