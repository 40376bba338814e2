import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { describeDeadline, PolicyStateLabel } from './PolicyStateLabel';

describe('describeDeadline', () => {
  it.each([
    [undefined, undefined, '—'],
    ['2027-01-15', undefined, '2027-01-15'],
    ['2027-01-15', 12, '2027-01-15 (in 12 days)'],
    ['2027-01-15', 1, '2027-01-15 (in 1 day)'],
    ['2027-01-15', 0, '2027-01-15 (today)'],
    ['2027-01-15', -1, '2027-01-15 (1 day ago)'],
    ['2027-01-15', -30, '2027-01-15 (30 days ago)'],
  ])('%p with %p days left → %p', (deadline, daysLeft, expected) => {
    expect(describeDeadline(deadline, daysLeft)).toBe(expected);
  });
});

describe('PolicyStateLabel', () => {
  it('writes the state out next to its icon', async () => {
    await renderInTestApp(<PolicyStateLabel state="upgrade-due" />);
    expect(screen.getByText('upgrade-due')).toBeInTheDocument();
  });
});
