import { responseError } from '../../__fixtures__/fleet';
import { errorMessage, fieldProblems } from './errors';

describe('fieldProblems', () => {
  const fields = ['target', 'reason', 'expiresAt'] as const;

  it("puts each field error of the backend's error body under its field", async () => {
    const error = await responseError(
      400,
      'InputError',
      'Invalid exception request: reason: must say why, in at least 10 characters; expiresAt: must be an ISO date such as 2026-06-30',
      [
        { field: 'reason', message: 'must say why, in at least 10 characters' },
        {
          field: 'expiresAt',
          message: 'must be an ISO date such as 2026-06-30',
        },
      ],
    );
    expect(fieldProblems(error, fields)).toEqual({
      reason: 'must say why, in at least 10 characters',
      expiresAt: 'must be an ISO date such as 2026-06-30',
    });
    expect(errorMessage(error)).toBe(
      'Invalid exception request: reason: must say why, in at least 10 characters; expiresAt: must be an ISO date such as 2026-06-30',
    );
  });

  it('maps nested fields to their form field, joins several, and leaves out unknown fields', async () => {
    const error = await responseError(400, 'InputError', 'Invalid', [
      { field: 'target.cluster', message: 'is not an entity ref' },
      { field: 'target', message: 'is not a cluster you can see' },
      { field: 'rule', message: 'is no rule' },
    ]);
    expect(fieldProblems(error, fields)).toEqual({
      target: 'is not an entity ref; is not a cluster you can see',
    });
  });

  it('finds none in an error without field errors, whatever its message says', async () => {
    const shape = await responseError(
      400,
      'InputError',
      "request/body/reason must have required property 'reason'",
    );
    expect(fieldProblems(shape, fields)).toEqual({});
    expect(fieldProblems(new Error('reason: too short'), fields)).toEqual({});
  });
});
