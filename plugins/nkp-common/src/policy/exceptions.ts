/**
 * Exceptions: time-boxed, approved permissions to stay out of policy. They downgrade findings but
 * never hide them, and they never last longer than `exceptions.maxDays` from approval.
 *
 * Day rules (UTC): an exception counts from the day of `approvedAt` and stops counting ON the day
 * of `expiresAt` (exclusive end): approved 2026-03-01, expiring 2026-03-10 counts on 1–9 March.
 * The cap works the same way: approval day + `maxDays` is the first day it no longer counts.
 *
 * What an exception does to a matching finding: `unsupported` becomes `overdue` (past the deadline,
 * support held by the exception) with the exception's end as the new deadline; `overdue` keeps its
 * state and gets the later deadline; `upgrade-due` and `compliant` keep theirs (nothing is lost
 * yet; the reason still names the exception); `unknown` stays `unknown`, because an exception
 * cannot make a fact known.
 */
import { z } from 'zod';
import { NkpClusterFacts } from '../clusterFacts';
import {
  entityRefKey,
  normalizeEntityRef,
  normalizeOwnerRef,
} from '../entityRefs';
import { DayNumber, toDay, toIsoDate } from './days';
import { PolicyConfig } from './config';
import { POLICY_RULE_IDS, PolicyFinding, PolicyRuleId } from './types';

/**
 * An approved exception, for one cluster or for every cluster of an owner group.
 *
 * @public
 */
export interface PolicyException {
  id: string;
  target: { cluster: string } | { owner: string };
  /** Only findings of this rule; every rule when absent. */
  rule?: PolicyRuleId;
  reason: string;
  approvedBy: string;
  approvedAt: string;
  expiresAt: string;
}

/**
 * zod schema of `PolicyException`.
 *
 * @public
 */
export const policyExceptionSchema = z.object({
  id: z.string().min(1),
  target: z.union([
    z.object({ cluster: z.string().min(1) }).strict(),
    z.object({ owner: z.string().min(1) }).strict(),
  ]),
  rule: z.enum(POLICY_RULE_IDS as [PolicyRuleId, ...PolicyRuleId[]]).optional(),
  reason: z.string().min(1),
  approvedBy: z.string().min(1),
  approvedAt: z
    .string()
    .refine(v => toDay(v) !== undefined, { message: 'must be an ISO date' }),
  expiresAt: z
    .string()
    .refine(v => toDay(v) !== undefined, { message: 'must be an ISO date' }),
});

/**
 * Where an exception stands on the evaluation day.
 *
 * @public
 */
export interface PolicyExceptionStatus {
  id: string;
  status: 'pending' | 'active' | 'expired' | 'invalid';
  /** First UTC day it counts. */
  startsOn?: string;
  /** First UTC day it no longer counts (expiry or cap, whichever is earlier). */
  endsOn?: string;
  /** True when `expiresAt` was beyond `maxDays` from approval and was cut to the cap. */
  capped: boolean;
  /** Why it is invalid, or that it was capped. */
  note?: string;
}

/** An exception in force on the evaluation day. */
export interface ActiveException {
  exception: PolicyException;
  endDay: DayNumber;
  endsOn: string;
  capped: boolean;
}

/** Active exceptions indexed by what they target. */
export interface ExceptionIndex {
  byCluster: Map<string, ActiveException[]>;
  byOwner: Map<string, ActiveException[]>;
  statuses: PolicyExceptionStatus[];
}

/** Works out each exception's window and indexes the active ones. */
export function prepareExceptions(
  exceptions: readonly PolicyException[],
  config: PolicyConfig['exceptions'],
  today: DayNumber,
): ExceptionIndex {
  const index: ExceptionIndex = {
    byCluster: new Map(),
    byOwner: new Map(),
    statuses: [],
  };
  for (const exception of exceptions) {
    const startDay = toDay(exception.approvedAt);
    const expiryDay = toDay(exception.expiresAt);
    if (startDay === undefined || expiryDay === undefined) {
      index.statuses.push({
        id: exception.id,
        status: 'invalid',
        capped: false,
        note: 'approvedAt and expiresAt must be ISO dates',
      });
      continue;
    }
    const capDay = startDay + config.maxDays;
    const capped = expiryDay > capDay;
    const endDay = capped ? capDay : expiryDay;
    const endsOn = toIsoDate(endDay);
    let status: PolicyExceptionStatus['status'];
    if (!config.enabled) {
      status = 'invalid';
    } else if (today < startDay) {
      status = 'pending';
    } else if (today >= endDay) {
      status = 'expired';
    } else {
      status = 'active';
    }
    const notes = [
      capped ? `capped at ${config.maxDays} days from approval` : undefined,
      config.enabled
        ? undefined
        : 'exceptions are disabled in the policy configuration',
    ].filter(Boolean);
    index.statuses.push({
      id: exception.id,
      status,
      startsOn: toIsoDate(startDay),
      endsOn,
      capped,
      ...(notes.length ? { note: notes.join('; ') } : {}),
    });
    if (status !== 'active') continue;
    const active: ActiveException = { exception, endDay, endsOn, capped };
    const [map, key] =
      'cluster' in exception.target
        ? [
            index.byCluster,
            normalizeEntityRef(exception.target.cluster, 'resource') ??
              entityRefKey(exception.target.cluster),
          ]
        : [index.byOwner, normalizeOwnerRef(exception.target.owner)];
    const list = map.get(key) ?? [];
    list.push(active);
    map.set(key, list);
  }
  return index;
}

/** The active exceptions that target the cluster or its owner, or `undefined` when none do. */
export function matchingExceptions(
  cluster: NkpClusterFacts,
  /** The cluster's owner, normalised with `normalizeOwnerRef`. */
  ownerRef: string | undefined,
  index: ExceptionIndex,
): ActiveException[] | undefined {
  if (index.byCluster.size === 0 && index.byOwner.size === 0) return undefined;
  const byCluster =
    index.byCluster.size > 0
      ? // Catalog entity refs are already complete; only the case may differ from the target's.
        index.byCluster.get(cluster.entityRef) ??
        index.byCluster.get(entityRefKey(cluster.entityRef))
      : undefined;
  const byOwner =
    ownerRef && index.byOwner.size > 0
      ? index.byOwner.get(ownerRef)
      : undefined;
  if (!byCluster) return byOwner;
  return byOwner ? [...byCluster, ...byOwner] : byCluster;
}

/**
 * Returns the findings with the exceptions applied. Findings are shared between clusters, so a
 * changed finding is replaced by a copy, never mutated. When several exceptions match one
 * finding, the one that lasts longest wins.
 */
export function applyExceptions(
  findings: readonly PolicyFinding[],
  candidates: readonly ActiveException[],
): PolicyFinding[] {
  const out = findings.slice();
  for (let i = 0; i < out.length; i++) {
    const finding = out[i];
    if (finding.state === 'unknown' || finding.state === 'compliant') continue;
    let best: ActiveException | undefined;
    for (const c of candidates) {
      const matches = !c.exception.rule || c.exception.rule === finding.rule;
      if (matches && (!best || c.endDay > best.endDay)) best = c;
    }
    if (!best) continue;
    const original = finding.state;
    const excepted: PolicyFinding = {
      ...finding,
      exception: {
        id: best.exception.id,
        approvedBy: best.exception.approvedBy,
        endsOn: best.endsOn,
        capped: best.capped,
        originalState: original,
      },
    };
    if (original === 'unsupported' || original === 'overdue') {
      excepted.state = 'overdue';
      if (!excepted.deadline || excepted.deadline < best.endsOn)
        excepted.deadline = best.endsOn;
    }
    const cap = best.capped ? ' (capped at the maximum exception length)' : '';
    excepted.reason = `${finding.reason} — excepted until ${best.endsOn}${cap}, approved by ${best.exception.approvedBy} (${best.exception.id}: ${best.exception.reason})`;
    out[i] = excepted;
  }
  return out;
}
