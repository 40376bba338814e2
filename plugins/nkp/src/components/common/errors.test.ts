import { fieldProblems } from './errors';

describe('fieldProblems', () => {
  const fields = ['target', 'reason', 'expiresAt'] as const;

  it('puts each problem of a backend validation message under its field', () => {
    expect(
      fieldProblems(
        'Invalid exception request: reason: must say why, in at least 10 characters; expiresAt: must be an ISO date such as 2026-06-30',
        fields,
      ),
    ).toEqual({
      reason: 'must say why, in at least 10 characters',
      expiresAt: 'must be an ISO date such as 2026-06-30',
    });
  });

  it('keeps a sentence that continues a problem with it', () => {
    expect(
      fieldProblems(
        'Invalid exception request: expiresAt: 2026-11-20 is not after today (2026-11-21); an exception must end in the future',
        fields,
      ),
    ).toEqual({
      expiresAt:
        '2026-11-20 is not after today (2026-11-21); an exception must end in the future',
    });
  });

  it('maps nested paths to their field and ignores what names no field', () => {
    expect(
      fieldProblems(
        'Invalid exception request: target.cluster: required; (root): bad',
        fields,
      ),
    ).toEqual({ target: 'required' });
    expect(fieldProblems('Something else went wrong', fields)).toEqual({});
  });
});
