/**
 * Test fixtures: cluster facts and a rule context built the way `evaluateFleet` builds it.
 */
import { NkpClusterFacts } from '../../clusterFacts';
import { dayOf } from '../days';
import { PolicyConfig, PolicyConfigInput, parsePolicyConfig } from '../config';
import { buildReleaseCalendar } from '../calendar/merge';
import { ReleaseCalendar } from '../calendar/types';
import { prepareCalendar } from '../calendar/prepared';
import { UpgradePlan, plansForCluster, preparePlans } from '../plans';
import { RuleContext } from '../rules/context';

export function cluster(
  name: string,
  facts: Partial<NkpClusterFacts> = {},
): NkpClusterFacts {
  return {
    entityRef: `resource:default/${name}`,
    name,
    projects: [],
    ...facts,
  };
}

export function mgmt(
  name: string,
  nkpVersion: string,
  kubernetesVersion: string,
  extra: Partial<NkpClusterFacts> = {},
) {
  return cluster(name, {
    clusterType: 'management',
    nkpVersion,
    kubernetesVersion,
    owner: 'group:default/platform',
    ...extra,
  });
}

export function managed(
  name: string,
  managementCluster: string,
  nkpVersion: string | undefined,
  kubernetesVersion: string | undefined,
  extra: Partial<NkpClusterFacts> = {},
) {
  return cluster(name, {
    clusterType: 'managed',
    managementCluster,
    nkpVersion,
    kubernetesVersion,
    ...extra,
  });
}

export function selfManaged(
  name: string,
  nkpVersion: string | undefined,
  kubernetesVersion?: string,
  extra: Partial<NkpClusterFacts> = {},
) {
  return cluster(name, {
    clusterType: 'self-managed',
    nkpVersion,
    kubernetesVersion,
    ...extra,
  });
}

export function config(input: PolicyConfigInput = {}): PolicyConfig {
  return parsePolicyConfig(input);
}

export function ruleContext(options: {
  now: string;
  config?: PolicyConfig;
  calendar?: ReleaseCalendar;
  clusters?: NkpClusterFacts[];
  plans?: UpgradePlan[];
}): RuleContext {
  const today = dayOf(options.now)!;
  const cfg = options.config ?? config();
  const calendar = prepareCalendar(
    options.calendar ?? buildReleaseCalendar(),
    today,
  );
  const index = preparePlans(options.plans ?? [], calendar, cfg.upgradePlans);
  const managementClusters = new Map(
    (options.clusters ?? [])
      .filter(c => c.clusterType === 'management')
      .map(c => [c.name, c]),
  );
  return {
    today,
    config: cfg,
    calendar,
    managementClusters,
    plansFor: c => plansForCluster(index, c, managementClusters),
  };
}
