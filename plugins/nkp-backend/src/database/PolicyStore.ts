/**
 * The plugin's database: upgrade plans, exceptions, the audit log and the notifications already
 * sent. Every change and its audit row are written in one transaction, so there is never a plan
 * or an approval without its "who, when, why".
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
  /** Always set: the plan's own, or, for rows older than the column, the scope's default. */
  requires: UpgradePlanRequirement;
  createdBy: string;
  createdAt: string;
}

/** What a caller gives to create a plan; the store assigns the id. */
export type NewUpgradePlan = Omit<UpgradePlan, 'id'>;

/** An exception as stored: requested first, approved later. */
export interface StoredException {
  id: string;
  status: 'requested' | 'approved';
  target: { cluster: string } | { owner: string };
  rule?: PolicyRuleId;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  approvedBy?: string;
  approvedAt?: string;
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
    };
    await this.knex.transaction(async tx => {
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
    };
    await this.knex.transaction(async tx => {
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
    `Exception '${row.id}' is already ${row.status}, by ${row.approved_by} on ${row.approved_at}`,
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
  };
}
