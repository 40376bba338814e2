import { NkpClusterFacts } from '../../clusterFacts';
import {
  cluster,
  config,
  managed,
  mgmt,
  ruleContext,
  selfManaged,
} from '../__fixtures__/fleet';
import { managedSkewRule } from './managedSkew';

const management = mgmt('mgmt-1', '2.17.1', 'v1.34.3');
const brokenManagement = mgmt('mgmt-broken', '2.17.1', 'latest');
const context = ruleContext({
  now: '2026-03-15',
  clusters: [management, brokenManagement],
});

function run(c: NkpClusterFacts, ctx = context) {
  return managedSkewRule.evaluate(c, ctx);
}

describe('managed skew rule', () => {
  it.each([
    ['v1.34.3', 'compliant', undefined],
    ['1.35.0', 'compliant', undefined],
    ['1.33.7', 'compliant', undefined],
    ['1.32.3', 'unsupported', { kubernetes: '1.33' }],
    ['1.29.1', 'unsupported', { kubernetes: '1.33' }],
  ])(
    'a managed cluster on %s under a 1.34 management cluster is %s',
    (k8s, state, targetVersion) => {
      const [finding] = run(managed('c', 'mgmt-1', '2.16.1', k8s));
      expect(finding).toMatchObject({ rule: 'managed-skew', state });
      expect(finding.targetVersion).toEqual(targetVersion);
      expect(finding.reason).toContain("management cluster 'mgmt-1' (1.34)");
    },
  );

  it.each([
    [
      '1.34.3',
      "Kubernetes 1.34 is on the same minor as management cluster 'mgmt-1' (1.34); at most 1 minor allowed",
    ],
    [
      '1.33.7',
      "Kubernetes 1.33 is 1 minor behind management cluster 'mgmt-1' (1.34); at most 1 minor allowed",
    ],
    [
      '1.32.3',
      "Kubernetes 1.32 is 2 minors behind management cluster 'mgmt-1' (1.34); at most 1 minor allowed; unsupported since management cluster 'mgmt-1' moved to Kubernetes 1.34",
    ],
  ])('explains Kubernetes %s in words', (k8s, reason) => {
    expect(run(managed('c', 'mgmt-1', '2.16.1', k8s))[0].reason).toBe(reason);
  });

  it('takes the allowed skew from config', () => {
    const ctx = ruleContext({
      now: '2026-03-15',
      clusters: [management],
      config: config({ managedSkew: { maxMinorsBehind: 2 } }),
    });
    expect(run(managed('c', 'mgmt-1', '2.15.2', '1.32.3'), ctx)[0].state).toBe(
      'compliant',
    );
    expect(
      run(managed('c', 'mgmt-1', '2.14.3', '1.31.4'), ctx)[0],
    ).toMatchObject({
      state: 'unsupported',
      targetVersion: { kubernetes: '1.32' },
    });
  });

  it.each([
    [
      'no Kubernetes version',
      managed('c', 'mgmt-1', '2.16.1', undefined),
      /^No Kubernetes version known$/,
    ],
    [
      'an unreadable Kubernetes version',
      managed('c', 'mgmt-1', '2.16.1', 'v1.x'),
      /^Kubernetes version 'v1.x' is unreadable$/,
    ],
    [
      'no management cluster',
      managed('c', undefined as never, '2.16.1', '1.33.1'),
      /Management cluster unknown/,
    ],
    [
      'a management cluster outside the fleet',
      managed('c', 'elsewhere', '2.16.1', '1.33.1'),
      /'elsewhere' is not in the fleet/,
    ],
    [
      'a management cluster without a version',
      managed('c', 'mgmt-broken', '2.16.1', '1.33.1'),
      /^Management cluster 'mgmt-broken': Kubernetes version 'latest' is unreadable$/,
    ],
    [
      'an unknown cluster type',
      cluster('c', { kubernetesVersion: '1.33.1' }),
      /Cluster type unknown/,
    ],
  ])('is unknown, never compliant, for %s', (_, c, reason) => {
    const [finding] = run(c);
    expect(finding.state).toBe('unknown');
    expect(finding.reason).toMatch(reason);
  });

  it.each([
    ['a self-managed cluster', selfManaged('s', '2.14.3', '1.31.4')],
    ['a management cluster', management],
    [
      'an attached cluster',
      cluster('a', {
        clusterType: 'attached',
        kubernetesVersion: '1.29.0',
        managementCluster: 'mgmt-1',
      }),
    ],
  ])('does not apply to %s', (_, c) => {
    expect(run(c)).toEqual([]);
  });

  it('says nothing when disabled', () => {
    const ctx = ruleContext({
      now: '2026-03-15',
      clusters: [management],
      config: config({ managedSkew: { enabled: false } }),
    });
    expect(run(managed('c', 'mgmt-1', '2.12.0', '1.29.0'), ctx)).toEqual([]);
  });
});
