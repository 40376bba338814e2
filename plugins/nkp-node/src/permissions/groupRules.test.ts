import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { nkpClusterRequestPermission } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  createNkpGroupConditionalDecision,
  nkpGroupConditions,
  nkpGroupPermissionRules,
} from '.';

const authorize = createConditionAuthorizer(
  Object.values(nkpGroupPermissionRules),
);

describe('nkp-group permission rules', () => {
  it('builds the conditional decision a policy returns for a tenant', () => {
    expect(
      createNkpGroupConditionalDecision(
        nkpClusterRequestPermission,
        nkpGroupConditions.isOwnGroup({
          claims: ['user:default/alice', 'group:default/team-acme'],
        }),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'nkp',
      resourceType: 'nkp-group',
      conditions: {
        rule: 'IS_OWN_GROUP',
        resourceType: 'nkp-group',
        params: { claims: ['user:default/alice', 'group:default/team-acme'] },
      },
    });
  });

  it.each`
    group                        | claims                                               | allowed
    ${'group:default/team-acme'} | ${['user:default/alice', 'group:default/team-acme']} | ${true}
    ${'team-acme'}               | ${['group:default/team-acme']}                       | ${true}
    ${'Group:default/Team-Acme'} | ${['group:default/team-acme']}                       | ${true}
    ${'group:default/team-acme'} | ${['group:default/team-globex']}                     | ${false}
    ${'group:other/team-acme'}   | ${['group:default/team-acme']}                       | ${false}
    ${'user:default/alice'}      | ${['group:default/team-acme']}                       | ${false}
  `(
    'IS_OWN_GROUP: $group for $claims: $allowed',
    ({ group, claims, allowed }) => {
      const decision = createNkpGroupConditionalDecision(
        nkpClusterRequestPermission,
        nkpGroupConditions.isOwnGroup({ claims }),
      );
      expect(authorize(decision, { entityRef: group })).toBe(allowed);
    },
  );
});
