/**
 * Self-managed window: a cluster that runs its own NKP lifecycle may be at most N NKP minors behind
 * the newest released NKP minor. Counted in releases, not arithmetic (2.9–2.11 never existed).
 * A known NKP end-of-life date (served `Release` object or app-config) also ends support.
 */
import { plural } from '../../text/plural';
import { toIsoDate } from '../days';
import { parseMinor } from '../minor';
import { newestNkpMinor } from '../calendar/prepared';
import { PolicyFinding } from '../types';
import { PolicyRule, PolicyRuleFn } from './context';
import { sentence, versionUnknown } from './reasons';

const evaluate: PolicyRuleFn = (cluster, { config, calendar, today }) => {
  const { enabled, maxMinorsBehind, warningDays, clusterTypes } =
    config.selfManagedWindow;
  if (
    !enabled ||
    !cluster.clusterType ||
    !clusterTypes.includes(cluster.clusterType)
  )
    return [];

  const own = parseMinor(cluster.nkpVersion);
  if (!own) {
    return [unknown(sentence(versionUnknown('NKP', cluster.nkpVersion)))];
  }
  const entry = calendar.nkp.get(own.minorVersion);
  const newest = newestNkpMinor(calendar);
  if (!entry || entry.index === undefined || newest === undefined) {
    return [
      unknown(
        `NKP ${own.minorVersion} is not a released NKP minor in the release calendar`,
      ),
    ];
  }
  const newestIndex = calendar.nkpReleased.length - 1;
  const behind = newestIndex - entry.index;
  const oldestAllowed =
    calendar.nkpReleased[Math.max(0, newestIndex - maxMinorsBehind)];
  const next = calendar.nkpReleased[entry.index + 1];
  const window =
    behind === 0
      ? `NKP ${own.minorVersion} is the newest NKP minor; up to ${plural(
          maxMinorsBehind,
          'minor',
        )} behind it are supported`
      : `NKP ${own.minorVersion} is ${plural(
          behind,
          'minor',
        )} behind the newest NKP ${newest}; at most ${plural(
          maxMinorsBehind,
          'minor',
        )} allowed`;

  if (behind > maxMinorsBehind) {
    // Support ended when the release that pushed this minor out of the window shipped.
    const pushedOutMinor =
      calendar.nkpReleased[entry.index + maxMinorsBehind + 1];
    const pushedOut = calendar.nkp.get(pushedOutMinor);
    const since =
      pushedOut?.releaseDay !== undefined
        ? `; unsupported since NKP ${pushedOutMinor} was released on ${toIsoDate(
            pushedOut.releaseDay,
          )}`
        : `; unsupported since NKP ${pushedOutMinor} was released`;
    return [
      {
        rule: 'self-managed-window',
        state: 'unsupported',
        ...(pushedOut?.releaseDay !== undefined
          ? { deadline: toIsoDate(pushedOut.releaseDay) }
          : {}),
        targetVersion: { nkp: oldestAllowed },
        reason: `${window}${since}`,
      },
    ];
  }

  const eol = entry.endOfLifeDay;
  if (eol !== undefined && today >= eol - warningDays) {
    const past = today >= eol;
    const finding: PolicyFinding = {
      rule: 'self-managed-window',
      state: past ? 'unsupported' : 'upgrade-due',
      deadline: toIsoDate(eol),
      reason: `NKP ${own.minorVersion} ${
        past ? 'reached' : 'reaches'
      } end of life on ${toIsoDate(eol)} (${entry.entry.endOfLife!.source})`,
    };
    if (next) finding.targetVersion = { nkp: next };
    return [finding];
  }

  const edge =
    behind === maxMinorsBehind
      ? '; it leaves the window when the next NKP minor is released'
      : '';
  const until = eol !== undefined ? `; NKP support ends ${toIsoDate(eol)}` : '';
  return [
    {
      rule: 'self-managed-window',
      state: 'compliant',
      ...(eol !== undefined ? { deadline: toIsoDate(eol) } : {}),
      reason: `${window}${edge}${until}`,
    },
  ];
};

function unknown(reason: string): PolicyFinding {
  return { rule: 'self-managed-window', state: 'unknown', reason };
}

export const selfManagedWindowRule: PolicyRule = {
  id: 'self-managed-window',
  evaluate,
  inputsKey: c => `${c.clusterType}|${c.nkpVersion}`,
};
