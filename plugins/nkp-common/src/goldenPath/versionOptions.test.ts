import { buildReleaseCalendar } from '../policy/calendar/merge';
import { ReleaseCalendar } from '../policy/calendar/types';
import { parsePolicyConfig } from '../policy/config';
import { NkpClusterFacts } from '../clusterFacts';
import { VersionOptionsInput, versionOptionsFor } from './versionOptions';

const shipped = buildReleaseCalendar();
// NKP 2.17 supports the two Kubernetes minors before its default as well (as real NKP does).
const calendar: ReleaseCalendar = {
  ...shipped,
  nkp: {
    ...shipped.nkp,
    '2.17': {
      ...shipped.nkp['2.17'],
      kubernetesMinors: ['1.32', '1.33', '1.34'],
    },
  },
};

const mgmt: NkpClusterFacts = {
  entityRef: 'resource:default/nkp-mgmt',
  name: 'nkp-mgmt',
  clusterType: 'management',
  nkpVersion: '2.17.0',
  kubernetesVersion: '1.34.2',
  projects: [],
};

const release = (nkp: string, kubernetes: string) => ({
  nkp,
  kubernetes,
  clusterClass: `nkp-nutanix-v${nkp}`,
});

const demoReleases = [
  release('2.14.0', '1.31.4'),
  release('2.17.1', '1.34.3'),
  release('2.12.0', '1.29.9'),
  release('2.16.1', '1.33.5'),
  release('2.15.1', '1.32.3'),
];

const options = (input: Partial<VersionOptionsInput>) =>
  versionOptionsFor({
    operation: 'self-managed',
    releases: demoReleases,
    calendar,
    now: '2026-03-01',
    ...input,
  });

const pairs = (list: Array<{ nkp: string; kubernetes: string }>) =>
  list.map(v => `${v.nkp}/${v.kubernetes}`);

describe('versionOptionsFor', () => {
  it('self-managed: offers the releases inside the self-managed window, newest first and recommended', () => {
    const result = options({});
    expect(pairs(result.offered)).toEqual([
      '2.17.1/1.34.3',
      '2.16.1/1.33.5',
      '2.15.1/1.32.3',
      '2.14.0/1.31.4',
    ]);
    expect(result.offered.map(v => v.recommended)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(result.offered[0].clusterClass).toBe('nkp-nutanix-v2.17.1');
    expect(result.hidden).toEqual([
      {
        nkp: '2.12.0',
        kubernetes: '1.29.9',
        reason: expect.stringMatching(
          /^NKP 2\.12 is 5 minors behind the newest NKP 2\.17; at most 3 minors allowed; unsupported since NKP 2\.16 was released on 2025-09-05/,
        ),
      },
    ]);
  });

  it('self-managed: a narrower window hides what falls out of it', () => {
    const result = options({
      config: parsePolicyConfig({ selfManagedWindow: { maxMinorsBehind: 1 } }),
    });
    expect(pairs(result.offered)).toEqual(['2.17.1/1.34.3', '2.16.1/1.33.5']);
    expect(pairs(result.hidden)).toEqual([
      '2.15.1/1.32.3',
      '2.14.0/1.31.4',
      '2.12.0/1.29.9',
    ]);
    expect(result.hidden[0].reason).toMatch(
      /NKP 2\.15 is 2 minors behind the newest NKP 2\.17; at most 1 minor allowed/,
    );
  });

  it('upstream end of life: hides minors past it and gives the others their support end and days left', () => {
    const result = options({
      config: parsePolicyConfig({ upstreamEol: { respectNkpSupport: false } }),
    });
    expect(result.offered).toEqual([
      {
        ...release('2.17.1', '1.34.3'),
        supportEnds: '2026-10-27',
        daysLeft: 240,
        recommended: true,
      },
      {
        ...release('2.16.1', '1.33.5'),
        supportEnds: '2026-06-28',
        daysLeft: 119,
        recommended: false,
      },
    ]);
    expect(result.hidden.find(h => h.nkp === '2.15.1')?.reason).toMatch(
      /Kubernetes 1\.32 reached upstream end-of-life on 2026-02-28/,
    );
  });

  it('upstream end of life: inside the warning period a version is upgrade-due, so not offered', () => {
    const result = options({
      now: '2026-05-01',
      releases: [release('2.16.1', '1.33.5')],
      config: parsePolicyConfig({ upstreamEol: { respectNkpSupport: false } }),
    });
    expect(result.offered).toEqual([]);
    expect(result.hidden[0].reason).toMatch(
      /Kubernetes 1\.33 reaches upstream end-of-life on 2026-06-28/,
    );
  });

  it('managed: the management cluster’s NKP minor, and Kubernetes within the managed skew', () => {
    const result = options({
      operation: 'managed',
      managementCluster: mgmt,
      releases: [
        release('2.17.1', '1.32.6'),
        release('2.17.1', '1.33.5'),
        release('2.17.1', '1.34.3'),
        release('2.16.1', '1.33.5'),
      ],
    });
    expect(pairs(result.offered)).toEqual(['2.17.1/1.34.3', '2.17.1/1.33.5']);
    expect(result.offered[0].recommended).toBe(true);
    expect(result.hidden).toEqual([
      {
        nkp: '2.17.1',
        kubernetes: '1.32.6',
        reason: expect.stringMatching(
          /Kubernetes 1\.32 is 2 minors behind management cluster 'nkp-mgmt' \(1\.34\); at most 1 minor allowed/,
        ),
      },
      {
        nkp: '2.16.1',
        kubernetes: '1.33.5',
        reason:
          "Managed clusters run their management cluster's NKP minor: 'nkp-mgmt' is on NKP 2.17, not 2.16",
      },
    ]);
  });

  it('managed: a wider skew lets an older Kubernetes minor through', () => {
    const result = options({
      operation: 'managed',
      managementCluster: mgmt,
      config: parsePolicyConfig({ managedSkew: { maxMinorsBehind: 2 } }),
      releases: [release('2.17.1', '1.32.6')],
    });
    expect(pairs(result.offered)).toEqual(['2.17.1/1.32.6']);
  });

  it('an upgrade plan: a release the plan would make upgrade-due at once is not offered', () => {
    const result = options({
      plans: [
        {
          id: 'p1',
          title: 'Fleet to NKP 2.17',
          targetVersion: '2.17',
          announcedAt: '2026-02-01',
          scope: { kind: 'fleet' },
        },
      ],
    });
    expect(pairs(result.offered)).toEqual(['2.17.1/1.34.3']);
    expect(result.hidden.find(h => h.nkp === '2.16.1')?.reason).toMatch(
      /Fleet to NKP 2\.17/,
    );
  });

  it('a plan for another workspace does not concern the new cluster', () => {
    const result = options({
      workspace: 'acme',
      plans: [
        {
          id: 'p1',
          title: 'Hooli to NKP 2.17',
          targetVersion: '2.17',
          announcedAt: '2026-02-01',
          scope: { kind: 'workspace', name: 'hooli' },
        },
      ],
    });
    expect(result.offered).toHaveLength(4);
  });

  it.each`
    nkp         | kubernetes  | reason
    ${'2.16.1'} | ${'1.34.3'} | ${'NKP 2.16 does not ship Kubernetes 1.34 (it ships 1.33)'}
    ${'2.99.0'} | ${'1.34.3'} | ${'NKP 2.99 is not in the release calendar'}
    ${'2.x'}    | ${'1.34.3'} | ${"'2.x' is not an NKP version"}
  `(
    'a pair the calendar does not know ($nkp / $kubernetes) is hidden: $reason',
    ({ nkp, kubernetes, reason }) => {
      const result = options({ releases: [release(nkp, kubernetes)] });
      expect(result).toEqual({
        offered: [],
        hidden: [{ nkp, kubernetes, reason }],
      });
    },
  );

  it('managed without a management cluster offers nothing', () => {
    const result = options({ operation: 'managed' });
    expect(result.offered).toEqual([]);
    expect(result.hidden[0].reason).toBe('No management cluster chosen');
  });
});
