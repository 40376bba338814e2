/**
 * Tells owning groups about their clusters: at each upgrade-plan reminder, when a deadline has
 * passed (the cluster is `overdue`), and when a cluster loses support. Each notification has a
 * key and is claimed in the database before it is sent, so it goes out once across restarts and
 * replicas. Only the latest due reminder of a plan is sent: after an outage, owners get one
 * current reminder rather than every one they missed.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  ClusterEvaluation,
  normalizeOwnerRef,
  entityRefKey,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { PolicyStore } from '../database/PolicyStore';
import { FleetListener, FleetSnapshot } from '../state/FleetState';

export interface DueNotification {
  key: string;
  options: NotificationSendOptions;
}

function send(
  cluster: ClusterEvaluation,
  key: string,
  payload: NotificationSendOptions['payload'],
): DueNotification {
  const { namespace, name } = parseEntityRef(cluster.entityRef);
  return {
    key,
    options: {
      recipients: {
        type: 'entity',
        entityRef: normalizeOwnerRef(cluster.cluster.owner!),
      },
      payload: {
        topic: 'nkp-lifecycle',
        scope: key,
        link: `/catalog/${namespace}/resource/${name}`,
        ...payload,
      },
    },
  };
}

/** The notifications today's evaluation calls for (not yet deduplicated). */
export function dueNotifications(snapshot: FleetSnapshot): DueNotification[] {
  const today = snapshot.evaluation.evaluatedOn;
  const due: DueNotification[] = [];
  for (const result of snapshot.evaluation.clusters) {
    if (!result.cluster.owner) continue;
    const name = result.cluster.title ?? result.cluster.name;
    const ref = entityRefKey(result.entityRef);
    const reasons = result.findings
      .filter(f => f.state !== 'compliant')
      .map(f => f.reason)
      .join(' ');

    if (result.state === 'unsupported') {
      due.push(
        send(result, `unsupported:${ref}:${result.deadline ?? 'none'}`, {
          title: `${name} has lost support`,
          description: reasons,
          severity: 'critical',
        }),
      );
      continue;
    }
    if (result.state === 'overdue' && result.deadline) {
      due.push(
        send(result, `overdue:${ref}:${result.deadline}`, {
          title: `${name} is past its upgrade deadline`,
          description: reasons,
          severity: 'high',
        }),
      );
      continue;
    }
    for (const finding of result.findings) {
      if (finding.rule !== 'upgrade-plan' || finding.state !== 'upgrade-due') {
        continue;
      }
      const latest = (finding.reminders ?? [])
        .filter(r => r.date <= today)
        .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
      if (!latest) continue;
      due.push(
        send(result, `reminder:${finding.planId}:${ref}:${latest.offsetDays}`, {
          title: `${name}: upgrade due by ${finding.deadline} (${latest.offsetDays} days left)`,
          description: finding.reason,
          severity: latest.offsetDays <= 7 ? 'high' : 'normal',
        }),
      );
    }
  }
  return due;
}

export function notifyOwners(options: {
  store: PolicyStore;
  notifications: NotificationService;
  logger: LoggerService;
}): FleetListener {
  const { store, notifications, logger } = options;
  const claimed = new Set<string>();
  return async snapshot => {
    for (const { key, options: notification } of dueNotifications(snapshot)) {
      if (claimed.has(key)) continue;
      claimed.add(key);
      if (!(await store.claimNotification(key))) continue;
      try {
        await notifications.send(notification);
        logger.info('Sent NKP lifecycle notification', { key });
      } catch (error) {
        // Claimed but not sent: lost rather than sent twice; the log says which one.
        logger.error('Failed to send NKP lifecycle notification', {
          key,
          error: String(error),
        });
      }
    }
  };
}
