import { renderInTestApp } from '@backstage/test-utils';
import { globexDr, globexProd, globexStaging } from '../../__fixtures__/fleet';
import { Deadline } from './Deadline';

describe('Deadline', () => {
  it.each([
    [globexProd, '2027-01-3171 days left'],
    [{ ...globexProd, daysLeft: 0 }, '2027-01-31due today'],
    [
      { ...globexProd, state: 'overdue' as const, daysLeft: -3 },
      '2027-01-313 days late',
    ],
    [globexStaging, '—'],
    // Already unsupported: no "days left" that would suggest there is still time
    [globexDr, 'out of support now'],
    [
      { ...globexDr, deadline: '2026-12-31', daysLeft: 40 },
      'out of support nownext deadline 2026-12-31',
    ],
    [
      { ...globexDr, deadline: '2026-02-28', daysLeft: -266 },
      'out of support nowsince 2026-02-28',
    ],
  ])('case %#', async (cluster, text) => {
    const { container } = await renderInTestApp(<Deadline cluster={cluster} />);
    expect(container).toHaveTextContent(text, { normalizeWhitespace: true });
  });
});
