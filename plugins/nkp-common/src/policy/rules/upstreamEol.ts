/**
 * Upstream end of life: a Kubernetes minor past its upstream end of life is unsupported, and
 * `upgrade-due` during the warning period before it.
 *
 * NKP supports the Kubernetes minors its releases ship for as long as the NKP release is
 * supported, which can outlast upstream. With `respectNkpSupport`, a cluster whose own NKP
 * release ships its Kubernetes minor and is still supported is judged by NKP's end of support
 * instead: the later of the two known dates, or, when NKP publishes no date, no upstream deadline
 * at all (the self-managed window and managed skew rules then decide when the NKP release ages
 * out). Clusters without an NKP version (attached clusters) get upstream's dates only.
 */
import { DayNumber, toIsoDate } from '../days';
import { minorSortKey, parseMinor } from '../minor';
import { PolicyFinding } from '../types';
import { PolicyRule, PolicyRuleFn, RuleContext } from './context';
import { sentence, versionUnknown } from './reasons';

const evaluate: PolicyRuleFn = (cluster, context) => {
  const { config, calendar, today } = context;
  const { enabled, warningDays, endOfSupport, respectNkpSupport } =
    config.upstreamEol;
  if (!enabled) return [];

  const own = parseMinor(cluster.kubernetesVersion);
  if (!own) {
    return [
      unknown(
        sentence(versionUnknown('Kubernetes', cluster.kubernetesVersion)),
      ),
    ];
  }
  const k8s = calendar.kubernetes.get(own.minorVersion);
  const useEol = endOfSupport === 'end-of-life';
  const upstreamEnd = useEol ? k8s?.endOfLifeDay : k8s?.endOfStandardSupportDay;
  if (!k8s || upstreamEnd === undefined) {
    return [
      unknown(
        `Kubernetes ${own.minorVersion} has no upstream ${endOfSupport} date in the release calendar`,
      ),
    ];
  }
  const fact = useEol ? k8s.entry.endOfLife! : k8s.entry.endOfStandardSupport!;
  const upstreamText = `Kubernetes ${own.minorVersion} ${
    today >= upstreamEnd ? 'reached' : 'reaches'
  } upstream ${endOfSupport} on ${fact.date} (${fact.source}${
    fact.inferred ? ', inferred' : ''
  })`;

  const nkp = respectNkpSupport
    ? nkpSupport(cluster.nkpVersion, own.minorVersion, context)
    : undefined;
  let end: DayNumber | undefined = upstreamEnd;
  let text = upstreamText;
  if (nkp) {
    if (nkp.endDay === undefined) {
      return [
        {
          rule: 'upstream-eol',
          state: 'compliant',
          reason: `${upstreamText}; NKP ${nkp.minor} ships it and is supported, so NKP's support applies`,
        },
      ];
    }
    if (nkp.endDay > upstreamEnd) {
      end = nkp.endDay;
      text = `${upstreamText}; NKP ${
        nkp.minor
      } ships it and supports it until ${toIsoDate(nkp.endDay)}`;
    }
  }

  const deadline = toIsoDate(end);
  if (today >= end) {
    return [
      withTarget(
        { rule: 'upstream-eol', state: 'unsupported', deadline, reason: text },
        own.minorVersion,
        parseMinor(cluster.nkpVersion) !== undefined,
        context,
      ),
    ];
  }
  if (today >= end - warningDays) {
    return [
      withTarget(
        { rule: 'upstream-eol', state: 'upgrade-due', deadline, reason: text },
        own.minorVersion,
        parseMinor(cluster.nkpVersion) !== undefined,
        context,
      ),
    ];
  }
  return [{ rule: 'upstream-eol', state: 'compliant', deadline, reason: text }];
};

/** NKP's support of the cluster's Kubernetes minor through the cluster's own NKP release. */
function nkpSupport(
  nkpVersion: string | undefined,
  kubernetesMinor: string,
  context: RuleContext,
) {
  const nkpMinor = parseMinor(nkpVersion)?.minorVersion;
  const entry = nkpMinor ? context.calendar.nkp.get(nkpMinor) : undefined;
  if (
    !nkpMinor ||
    !entry ||
    !entry.entry.kubernetesMinors.includes(kubernetesMinor)
  ) {
    return undefined;
  }
  if (entry.endOfLifeDay !== undefined) {
    // A published end: support runs to the later of the two dates, passed or not.
    return { minor: nkpMinor, endDay: entry.endOfLifeDay };
  }
  // No published end: supported while inside the self-managed window.
  if (entry.index === undefined) return undefined;
  const behind = context.calendar.nkpReleased.length - 1 - entry.index;
  return behind <= context.config.selfManagedWindow.maxMinorsBehind
    ? { minor: nkpMinor, endDay: undefined }
    : undefined;
}

/**
 * The least upgrade: the oldest released Kubernetes minor that is not within its warning period,
 * newer than the cluster's; for clusters on NKP, with `respectNkpSupport`, a minor that a
 * supported NKP release ships counts too.
 */
function withTarget(
  finding: PolicyFinding,
  current: string,
  onNkp: boolean,
  context: RuleContext,
): PolicyFinding {
  const { calendar, today, config } = context;
  const { warningDays, endOfSupport, respectNkpSupport } = config.upstreamEol;
  const currentKey = minorSortKey(current);
  for (const minor of calendar.kubernetesOrder) {
    if (minorSortKey(minor) <= currentKey) continue;
    const k = calendar.kubernetes.get(minor)!;
    if (k.releaseDay !== undefined && k.releaseDay > today) continue;
    const end =
      endOfSupport === 'end-of-life'
        ? k.endOfLifeDay
        : k.endOfStandardSupportDay;
    const upstreamOk = end !== undefined && end - warningDays > today;
    if (
      upstreamOk ||
      (onNkp && respectNkpSupport && shippedBySupportedNkp(minor, context))
    ) {
      return { ...finding, targetVersion: { kubernetes: minor } };
    }
  }
  return finding;
}

function shippedBySupportedNkp(
  kubernetesMinor: string,
  context: RuleContext,
): boolean {
  const { calendar, today, config } = context;
  const newest = calendar.nkpReleased.length - 1;
  return calendar.nkpReleased.some((nkpMinor, index) => {
    const n = calendar.nkp.get(nkpMinor)!;
    if (!n.entry.kubernetesMinors.includes(kubernetesMinor)) return false;
    if (n.endOfLifeDay !== undefined)
      return n.endOfLifeDay - config.upstreamEol.warningDays > today;
    return newest - index <= config.selfManagedWindow.maxMinorsBehind;
  });
}

function unknown(reason: string): PolicyFinding {
  return { rule: 'upstream-eol', state: 'unknown', reason };
}

export const upstreamEolRule: PolicyRule = {
  id: 'upstream-eol',
  evaluate,
  inputsKey: c => `${c.kubernetesVersion}|${c.nkpVersion}`,
};
