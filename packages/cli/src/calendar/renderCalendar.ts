/*
 * Output of `calendar`: the API's `NkpCalendar` shape as JSON, or two tables for people, every
 * date followed by the number of its source, the sources listed under them.
 */

import {
  DatedFact,
  NkpCalendar,
  plural,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import Table from 'cli-table3';

const NONE = '-';

export function renderCalendarJson(calendar: NkpCalendar): string {
  return `${JSON.stringify(calendar, null, 2)}\n`;
}

export function renderCalendarTable(calendar: NkpCalendar): string {
  const sources = new Map<string, number>();
  const note = (source: string) => {
    let n = sources.get(source);
    if (n === undefined) {
      n = sources.size + 1;
      sources.set(source, n);
    }
    return `[${n}]`;
  };
  const date = (fact?: DatedFact) =>
    fact
      ? `${fact.inferred ? '≈ ' : ''}${fact.date} ${note(fact.source)}`
      : NONE;
  const style = { head: [], border: [], compact: true };

  const kubernetes = new Table({
    head: ['Kubernetes', 'released', 'end of standard support', 'end of life'],
    style,
  });
  for (const k of calendar.kubernetes) {
    kubernetes.push([
      k.minor,
      date(k.releaseDate),
      date(k.endOfStandardSupport),
      date(k.endOfLife),
    ]);
  }
  const nkp = new Table({
    head: ['NKP', 'Kubernetes', 'released', 'end of life'],
    style,
  });
  for (const n of calendar.nkp) {
    nkp.push([
      n.minor,
      n.kubernetesMinors.length
        ? `${n.kubernetesMinors.join(', ')} ${note(n.kubernetesSource)}`
        : NONE,
      date(n.releaseDate),
      n.endOfLife ? date(n.endOfLife) : 'not published',
    ]);
  }

  const lines = [
    kubernetes.toString(),
    '',
    nkp.toString(),
    '',
    '≈ a derived date. Sources:',
    ...[...sources.keys()].map((source, i) => `[${i + 1}] ${source}`),
    '',
  ];
  const feeds = calendar.feeds ?? [];
  if (feeds.length === 0) {
    lines.push(
      'No release feed read (nkp.calendar.feed in --config, or --feed).',
    );
  }
  for (const feed of feeds) {
    const what =
      feed.state === 'ok'
        ? `read, ${plural(feed.releases, 'minor')}${
            feed.warnings.length
              ? `, ${plural(feed.warnings.length, 'entry', 'entries')} skipped`
              : ''
          }`
        : `failed: ${feed.error}; the calendar goes without it`;
    lines.push(`Release feed ${feed.product} ${feed.location}: ${what}.`);
  }
  return `${lines.join('\n')}\n`;
}
