/**
 * Small formatting helpers shared by the views, so that a version, a path or a day count reads
 * the same everywhere. Day arithmetic is nkp-common's (`utcDay`, `daysBetween`, `addDays`).
 */
import {
  TargetVersion,
  UpgradeStep,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** `NKP 2.17 / Kubernetes 1.34`, or `—` when there is nothing to upgrade to. */
export function formatTargetVersion(target?: TargetVersion): string {
  if (!target || (!target.nkp && !target.kubernetes)) return '—';
  return [
    target.nkp && `NKP ${target.nkp}`,
    target.kubernetes && `Kubernetes ${target.kubernetes}`,
  ]
    .filter(Boolean)
    .join(' / ');
}

/** One step of an upgrade path: `NKP 2.16 (Kubernetes 1.33)` or `Kubernetes 1.33`. */
export function formatUpgradeStep(step: UpgradeStep): string {
  if (step.nkp) {
    return step.kubernetes
      ? `NKP ${step.nkp} (Kubernetes ${step.kubernetes})`
      : `NKP ${step.nkp}`;
  }
  return step.kubernetes ? `Kubernetes ${step.kubernetes}` : '?';
}

/** `in 12 days`, `today`, `3 days ago`. */
export function describeDays(days: number): string {
  if (days === 0) return 'today';
  const unit = plural(Math.abs(days), 'day');
  return days > 0 ? `in ${unit}` : `${unit} ago`;
}
