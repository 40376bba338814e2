import {
  minorsBehind,
  nkpVersionFromClusterClass,
  parseVersion,
} from './versions';

describe('parseVersion', () => {
  it.each([
    ['v1.34.3', '1.34.3', '1.34'],
    ['1.31.4', '1.31.4', '1.31'],
    [' v2.17.1 ', '2.17.1', '2.17'],
    ['v1.35.0-rc.1', '1.35.0', '1.35'],
  ])('parses %p as %p (minor %p)', (input, version, minorVersion) => {
    expect(parseVersion(input)).toMatchObject({ version, minorVersion });
  });

  it.each([[''], ['latest'], ['1.34'], ['v1'], [undefined], [null]])(
    'refuses %p',
    input => {
      expect(parseVersion(input as string)).toBeUndefined();
    },
  );
});

describe('minorsBehind', () => {
  it.each([
    ['1.33.2', '1.34.1', 1],
    ['1.31.4', '1.34.3', 3],
    ['1.34.3', '1.34.1', 0],
    ['1.35.0', '1.34.0', 0],
    ['2.0.0', '1.34.0', undefined],
  ])('%s is %p minors behind %s', (version, reference, expected) => {
    expect(minorsBehind(parseVersion(version)!, parseVersion(reference)!)).toBe(
      expected,
    );
  });
});

describe('nkpVersionFromClusterClass', () => {
  it.each([
    ['nkp-nutanix-v2.17.1', '2.17.1'],
    ['nkp-nutanix-v2.14.0', '2.14.0'],
    ['nkp-aws-v2.16.1', '2.16.1'],
    ['my-own-class', undefined],
    ['nkp-nutanix-vlatest', undefined],
    [undefined, undefined],
  ])('%p encodes NKP %p', (className, expected) => {
    expect(nkpVersionFromClusterClass(className)?.version).toBe(expected);
  });
});
