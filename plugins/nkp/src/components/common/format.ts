/**
 * Small formatting helpers shared by the views, so that a version, a path or a day count reads
 * the same everywhere.
 */
import {
  TargetVersion,
  UpgradeStep,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** Whole UTC days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY_MS,
  );
}

/** `in 12 days`, `today`, `3 days ago`. */
export function describeDays(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = `${n} day${n === 1 ? '' : 's'}`;
  return days > 0 ? `in ${unit}` : `${unit} ago`;
}

/** Today as an ISO date in UTC, the calendar the backend counts days in. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso.slice(0, 10)) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}
