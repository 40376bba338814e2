import { screen, within } from '@testing-library/react';
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
        getCalendar: async () => ({ kubernetes: [], nkp: [], warnings: [] }),
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
