import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  NkpClusterFacts,
  nkpFleetReadPermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  createNkpClusterConditionalDecision,
  nkpClusterConditions,
  nkpClusterPermissionRules,
  normalizeOwnerRef,
} from '.';

const cluster = (owner?: string, workspace?: string): NkpClusterFacts => ({
  entityRef: 'resource:default/demo-acme-prod',
  name: 'demo-acme-prod',
  owner,
  workspace,
  projects: [],
});

const authorize = createConditionAuthorizer(
  Object.values(nkpClusterPermissionRules),
);

describe('nkp-cluster permission rules', () => {
  it('builds the conditional decision a policy returns for a tenant', () => {
    expect(
      createNkpClusterConditionalDecision(
        nkpFleetReadPermission,
        nkpClusterConditions.isClusterOwner({
          claims: ['user:default/alice', 'group:default/team-acme'],
        }),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'nkp',
      resourceType: 'nkp-cluster',
      conditions: {
        rule: 'IS_CLUSTER_OWNER',
        resourceType: 'nkp-cluster',
        params: { claims: ['user:default/alice', 'group:default/team-acme'] },
      },
    });
  });

  it.each`
    owner                        | claims                                               | visible
    ${'group:default/team-acme'} | ${['user:default/alice', 'group:default/team-acme']} | ${true}
    ${'team-acme'}               | ${['group:default/team-acme']}                       | ${true}
    ${'Group:default/Team-Acme'} | ${['group:default/team-acme']}                       | ${true}
    ${'group:default/team-acme'} | ${['group:default/team-globex']}                     | ${false}
    ${'group:other/team-acme'}   | ${['group:default/team-acme']}                       | ${false}
    ${undefined}                 | ${['group:default/team-acme']}                       | ${false}
  `(
    'IS_CLUSTER_OWNER: a cluster of $owner is visible to $claims: $visible',
    ({ owner, claims, visible }) => {
      const decision = createNkpClusterConditionalDecision(
        nkpFleetReadPermission,
        nkpClusterConditions.isClusterOwner({ claims }),
      );
      expect(authorize(decision, cluster(owner))).toBe(visible);
    },
  );

  it('IS_IN_WORKSPACE lets through the clusters of the named workspaces', () => {
    const decision = createNkpClusterConditionalDecision(
      nkpFleetReadPermission,
      nkpClusterConditions.isInWorkspace({ workspaces: ['acme'] }),
    );
    expect(authorize(decision, cluster(undefined, 'acme'))).toBe(true);
    expect(authorize(decision, cluster(undefined, 'globex'))).toBe(false);
    expect(authorize(decision, cluster())).toBe(false);
  });

  it('normalises owner refs to group refs in the default namespace, lower case', () => {
    expect(normalizeOwnerRef('Team-Acme')).toBe('group:default/team-acme');
    expect(normalizeOwnerRef('user:alice')).toBe('user:default/alice');
  });
});
