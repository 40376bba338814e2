import { ConfigReader } from '@backstage/config';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  NkpClusterFacts,
  nkpAuditReadPermission,
  nkpClusterApplyPermission,
  nkpClusterRequestPermission,
  nkpExceptionApprovePermission,
  nkpExceptionRequestPermission,
  nkpFleetReadPermission,
  nkpPermissions,
  nkpUpgradePlanManagePermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  NkpGroupResource,
  nkpClusterPermissionRules,
  nkpGroupPermissionRules,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/permissions';
import { readNkpAccessConfig } from '../config/readNkpAccessConfig';
import { decideNkpPermission, NkpPolicyUser } from './decideNkpPermission';
import { NKP_POLICY_GRANTS } from './grants';

const access = readNkpAccessConfig(
  new ConfigReader({
    nkp: {
      access: {
        platformTeam: ['group:default/platform-team'],
        exceptionApprovers: ['cab'],
        planManagers: ['group:default/release-managers'],
        clusterAppliers: ['group:default/team-acme'],
      },
    },
  }),
);

const users: Record<string, NkpPolicyUser | undefined> = {
  pat: {
    userEntityRef: 'user:default/pat',
    ownershipEntityRefs: ['user:default/pat', 'group:default/platform-team'],
  },
  gina: {
    userEntityRef: 'user:default/gina',
    ownershipEntityRefs: ['user:default/gina', 'group:default/team-globex'],
  },
  alice: {
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:default/team-acme'],
  },
  carol: {
    userEntityRef: 'user:default/carol',
    ownershipEntityRefs: ['user:default/carol', 'group:default/cab'],
  },
  rita: {
    userEntityRef: 'user:default/rita',
    ownershipEntityRefs: [
      'user:default/rita',
      'Group:default/Release-Managers',
    ],
  },
  nobody: undefined,
};

const cluster = (owner: string): NkpClusterFacts => ({
  entityRef: 'resource:default/demo-cluster',
  name: 'demo-cluster',
  owner,
  projects: [],
});
const acmeCluster = cluster('group:default/team-acme');
const globexCluster = cluster('group:default/team-globex');

const acmeGroup: NkpGroupResource = { entityRef: 'group:default/team-acme' };
const globexGroup: NkpGroupResource = {
  entityRef: 'group:default/team-globex',
};

const applyClusterConditions = createConditionAuthorizer(
  Object.values(nkpClusterPermissionRules),
);
const applyGroupConditions = createConditionAuthorizer(
  Object.values(nkpGroupPermissionRules),
);

/** The final answer for one resource: a conditional decision applied to it, as the backend does. */
function decide(
  user: string,
  permission: Permission,
  resource?: NkpClusterFacts | NkpGroupResource,
): 'allow' | 'deny' | 'not ours' {
  const decision = decideNkpPermission({ permission }, users[user], access);
  if (!decision) return 'not ours';
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    if (!resource) throw new Error('a conditional decision needs a resource');
    const allowed =
      decision.resourceType === 'nkp-group'
        ? applyGroupConditions(decision, resource as NkpGroupResource)
        : applyClusterConditions(decision, resource as NkpClusterFacts);
    return allowed ? 'allow' : 'deny';
  }
  return decision.result === AuthorizeResult.ALLOW ? 'allow' : 'deny';
}

const scaffolderTaskCreate = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
const futureNkpPermission = createPermission({
  name: 'nkp.cluster.delete',
  attributes: { action: 'create' },
});

describe('decideNkpPermission', () => {
  it.each`
    user        | permission                          | resource         | decision
    ${'pat'}    | ${nkpFleetReadPermission}           | ${acmeCluster}   | ${'allow'}
    ${'pat'}    | ${nkpFleetReadPermission}           | ${globexCluster} | ${'allow'}
    ${'alice'}  | ${nkpFleetReadPermission}           | ${acmeCluster}   | ${'allow'}
    ${'alice'}  | ${nkpFleetReadPermission}           | ${globexCluster} | ${'deny'}
    ${'gina'}   | ${nkpFleetReadPermission}           | ${globexCluster} | ${'allow'}
    ${'gina'}   | ${nkpFleetReadPermission}           | ${acmeCluster}   | ${'deny'}
    ${'carol'}  | ${nkpFleetReadPermission}           | ${acmeCluster}   | ${'allow'}
    ${'rita'}   | ${nkpFleetReadPermission}           | ${globexCluster} | ${'allow'}
    ${'nobody'} | ${nkpFleetReadPermission}           | ${acmeCluster}   | ${'deny'}
    ${'pat'}    | ${nkpExceptionRequestPermission}    | ${undefined}     | ${'allow'}
    ${'alice'}  | ${nkpExceptionRequestPermission}    | ${undefined}     | ${'allow'}
    ${'nobody'} | ${nkpExceptionRequestPermission}    | ${undefined}     | ${'deny'}
    ${'pat'}    | ${nkpExceptionApprovePermission}    | ${undefined}     | ${'allow'}
    ${'carol'}  | ${nkpExceptionApprovePermission}    | ${undefined}     | ${'allow'}
    ${'alice'}  | ${nkpExceptionApprovePermission}    | ${undefined}     | ${'deny'}
    ${'rita'}   | ${nkpExceptionApprovePermission}    | ${undefined}     | ${'deny'}
    ${'pat'}    | ${nkpUpgradePlanManagePermission}   | ${undefined}     | ${'allow'}
    ${'rita'}   | ${nkpUpgradePlanManagePermission}   | ${undefined}     | ${'allow'}
    ${'gina'}   | ${nkpUpgradePlanManagePermission}   | ${undefined}     | ${'deny'}
    ${'carol'}  | ${nkpUpgradePlanManagePermission}   | ${undefined}     | ${'deny'}
    ${'pat'}    | ${nkpAuditReadPermission}           | ${undefined}     | ${'allow'}
    ${'alice'}  | ${nkpAuditReadPermission}           | ${undefined}     | ${'deny'}
    ${'carol'}  | ${nkpAuditReadPermission}           | ${undefined}     | ${'deny'}
    ${'rita'}   | ${nkpAuditReadPermission}           | ${undefined}     | ${'deny'}
    ${'pat'}    | ${nkpClusterRequestPermission}      | ${acmeGroup}     | ${'allow'}
    ${'pat'}    | ${nkpClusterRequestPermission}      | ${globexGroup}   | ${'allow'}
    ${'alice'}  | ${nkpClusterRequestPermission}      | ${acmeGroup}     | ${'allow'}
    ${'alice'}  | ${nkpClusterRequestPermission}      | ${globexGroup}   | ${'deny'}
    ${'gina'}   | ${nkpClusterRequestPermission}      | ${globexGroup}   | ${'allow'}
    ${'gina'}   | ${nkpClusterRequestPermission}      | ${acmeGroup}     | ${'deny'}
    ${'carol'}  | ${nkpClusterRequestPermission}      | ${acmeGroup}     | ${'deny'}
    ${'rita'}   | ${nkpClusterRequestPermission}      | ${globexGroup}   | ${'deny'}
    ${'nobody'} | ${nkpClusterRequestPermission}      | ${acmeGroup}     | ${'deny'}
    ${'pat'}    | ${nkpClusterApplyPermission}        | ${undefined}     | ${'allow'}
    ${'alice'}  | ${nkpClusterApplyPermission}        | ${undefined}     | ${'allow'}
    ${'gina'}   | ${nkpClusterApplyPermission}        | ${undefined}     | ${'deny'}
    ${'carol'}  | ${nkpClusterApplyPermission}        | ${undefined}     | ${'deny'}
    ${'rita'}   | ${nkpClusterApplyPermission}        | ${undefined}     | ${'deny'}
    ${'nobody'} | ${nkpClusterApplyPermission}        | ${undefined}     | ${'deny'}
    ${'pat'}    | ${futureNkpPermission}              | ${undefined}     | ${'deny'}
    ${'pat'}    | ${catalogLocationCreatePermission}  | ${undefined}     | ${'allow'}
    ${'alice'}  | ${catalogLocationCreatePermission}  | ${undefined}     | ${'deny'}
    ${'alice'}  | ${catalogLocationAnalyzePermission} | ${undefined}     | ${'deny'}
    ${'alice'}  | ${catalogLocationDeletePermission}  | ${undefined}     | ${'deny'}
    ${'pat'}    | ${catalogEntityCreatePermission}    | ${undefined}     | ${'allow'}
    ${'gina'}   | ${catalogEntityCreatePermission}    | ${undefined}     | ${'deny'}
    ${'gina'}   | ${catalogEntityDeletePermission}    | ${undefined}     | ${'deny'}
    ${'nobody'} | ${catalogEntityCreatePermission}    | ${undefined}     | ${'deny'}
    ${'alice'}  | ${catalogEntityReadPermission}      | ${undefined}     | ${'not ours'}
    ${'alice'}  | ${catalogEntityRefreshPermission}   | ${undefined}     | ${'not ours'}
    ${'alice'}  | ${scaffolderTaskCreate}             | ${undefined}     | ${'not ours'}
    ${'nobody'} | ${scaffolderTaskCreate}             | ${undefined}     | ${'not ours'}
  `(
    '$user, $permission.name, $resource → $decision',
    ({ user, permission, resource, decision }) => {
      expect(decide(user, permission, resource)).toBe(decision);
    },
  );

  it('decides every permission of the suite explicitly', () => {
    for (const permission of nkpPermissions) {
      expect(NKP_POLICY_GRANTS[permission.name]).toBeDefined();
    }
  });

  it('grants own-clusters only on nkp-cluster resource permissions', () => {
    const ownClusters = nkpPermissions.filter(
      p => NKP_POLICY_GRANTS[p.name] === 'own-clusters',
    );
    expect(ownClusters.map(p => p.name)).toEqual(['nkp.fleet.read']);
    expect(ownClusters).toEqual([
      expect.objectContaining({
        type: 'resource',
        resourceType: 'nkp-cluster',
      }),
    ]);
  });

  it('grants own-groups only on the nkp-group resource permission nkp.cluster.request', () => {
    const ownGroups = nkpPermissions.filter(
      p => NKP_POLICY_GRANTS[p.name] === 'own-groups',
    );
    expect(ownGroups).toEqual([
      expect.objectContaining({
        type: 'resource',
        name: 'nkp.cluster.request',
        resourceType: 'nkp-group',
      }),
    ]);
  });

  it('gives nobody the platform team when nkp.access is not set', () => {
    const none = readNkpAccessConfig(new ConfigReader({}));
    expect(
      decideNkpPermission(
        { permission: nkpAuditReadPermission },
        users.pat,
        none,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      decideNkpPermission(
        { permission: nkpFleetReadPermission },
        users.pat,
        none,
      ),
    ).toMatchObject({ result: AuthorizeResult.CONDITIONAL });
  });
});
