import { screen, within } from '@testing-library/react';
import { ReleaseFeedStatus } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { calendar, mockNkpApi, never } from '../../__fixtures__/fleet';
import { renderView } from '../../__testUtils__/render';
import { ReleaseCalendarView } from './ReleaseCalendarView';

describe('ReleaseCalendarView', () => {
  it('draws the support windows with today marked and lists the same dates in words', async () => {
    await renderView(
      <ReleaseCalendarView today="2026-11-21" />,
      mockNkpApi({ getCalendar: async () => calendar }),
    );
    expect(
      await screen.findByRole('img', {
        name: /Support windows of 2 Kubernetes minors and 2 NKP minors, today 2026-11-21/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('today 2026-11-21')).toBeInTheDocument();

    const rows = within(screen.getByRole('table')).getAllByRole('row');
    const row = (name: string) =>
      rows.find(r => r.firstElementChild?.textContent === name)!;
    expect(row('Kubernetes 1.33')).toHaveTextContent('end of life');
    expect(row('Kubernetes 1.34')).toHaveTextContent('maintenance only');
    expect(row('NKP 2.17')).toHaveTextContent('newest release');
    expect(row('NKP 2.16')).toHaveTextContent('1 minor behind the newest');
    // Derived dates are marked as such
    expect(row('NKP 2.17')).toHaveTextContent('≈ 2025-12-23');
    // Every date names its source, as a numbered note under the table
    expect(row('NKP 2.17')).toHaveTextContent('≈ 2025-12-23 [1]');
    expect(row('Kubernetes 1.34')).toHaveTextContent('2025-08-27 [3]');
    expect(row('NKP 2.17')).toHaveTextContent('Kubernetes 1.34 [2]');
    const sources = screen.getByRole('list', { name: 'Sources of the dates' });
    expect(
      within(sources)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['git tag', 'upgrade matrix', 'endoflife.date']);
    expect(
      within(row('Kubernetes 1.34')).getAllByRole('link', {
        name: 'source [3]',
      })[0],
    ).toHaveAttribute('href', '#nkp-calendar-source-3');
    // No feed configured: said so, not left blank
    expect(
      screen.getByText(/No release feed is configured/),
    ).toBeInTheDocument();
  });

  it('says where each release feed stands, and what the calendar keeps when one fails', async () => {
    const feeds: ReleaseFeedStatus[] = [
      {
        product: 'kubernetes',
        location: 'https://endoflife.date/api/kubernetes.json',
        state: 'failing',
        lastAttemptAt: '2026-11-21T06:00:00.000Z',
        lastSuccessAt: '2026-11-20T18:00:00.000Z',
        error:
          'HTTP 500 Internal Server Error from https://endoflife.date/api/kubernetes.json',
        releases: 12,
        warnings: [],
      },
      {
        product: 'nkp',
        location: '/mirror/nkp.json',
        state: 'ok',
        lastAttemptAt: '2026-11-21T06:00:00.000Z',
        lastSuccessAt: '2026-11-21T06:00:00.000Z',
        releases: 3,
        warnings: [
          'entry [3] skipped: cycle "next" is not a version such as 1.34',
        ],
      },
    ];
    await renderView(
      <ReleaseCalendarView today="2026-11-21" />,
      mockNkpApi({ getCalendar: async () => ({ ...calendar, feeds }) }),
    );
    expect(
      await screen.findByText(
        /A release feed is failing: the calendar keeps the data last read/,
      ),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Release feeds' });
    const [kubernetes, nkp] = Array.from(list.children);
    expect(kubernetes).toHaveTextContent(
      'Kubernetes release feed failing since 2026-11-21 06:00 UTC' +
        'https://endoflife.date/api/kubernetes.json: HTTP 500 Internal Server Error from https://endoflife.date/api/kubernetes.json' +
        'The calendar keeps using the 12 minors read on 2026-11-20 18:00 UTC.',
    );
    expect(nkp).toHaveTextContent(
      'NKP release feed read 2026-11-21 06:00 UTC/mirror/nkp.json: 3 minors; 1 entry skipped:entry [3] skipped',
    );
  });

  it.each<[ReleaseFeedStatus, string]>([
    [
      {
        product: 'nkp',
        location: '/mirror/nkp.json',
        state: 'pending',
        releases: 0,
        warnings: [],
      },
      'NKP release feed not read yet/mirror/nkp.json. It has never been read: the calendar uses the shipped data',
    ],
    [
      {
        product: 'kubernetes',
        location: 'https://k8s.mirror/kubernetes.json',
        state: 'failing',
        lastAttemptAt: '2026-11-21T06:00:00.000Z',
        error: 'no answer within 30 s',
        releases: 0,
        warnings: [],
      },
      'It has never been read: the calendar uses the shipped data, app-config and served NKP Release objects.',
    ],
  ])('says when a feed has never been read (%#)', async (feed, text) => {
    await renderView(
      <ReleaseCalendarView today="2026-11-21" />,
      mockNkpApi({ getCalendar: async () => ({ ...calendar, feeds: [feed] }) }),
    );
    const list = await screen.findByRole('list', { name: 'Release feeds' });
    expect(list).toHaveTextContent(text);
  });

  it('shows progress, emptiness and errors', async () => {
    const loading = await renderView(
      <ReleaseCalendarView />,
      mockNkpApi({ getCalendar: never }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    loading.unmount();

    const empty = await renderView(
      <ReleaseCalendarView />,
      mockNkpApi({
        getCalendar: async () => ({
          kubernetes: [],
          nkp: [],
          served: [],
          feeds: [],
          warnings: [],
        }),
      }),
    );
    expect(
      await screen.findByText('The release calendar is empty'),
    ).toBeInTheDocument();
    empty.unmount();

    await renderView(
      <ReleaseCalendarView />,
      mockNkpApi({
        getCalendar: async () => {
          throw new Error('backend down');
        },
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the release calendar: backend down/,
      ),
    ).toBeInTheDocument();
  });
});
