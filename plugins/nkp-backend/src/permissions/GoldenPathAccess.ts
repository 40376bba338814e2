/**
 * Who may request clusters for which groups, and who may apply directly. `nkp.cluster.request`
 * is a resource permission on groups (`nkp-group`): ALLOW means every group, DENY answers 403,
 * and a CONDITIONAL decision ("the caller's own groups") is applied in memory with the
 * registered rules, as `FleetAccess` does for clusters.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionRuleset,
  createConditionAuthorizer,
} from '@backstage/plugin-permission-node';
import {
  nkpClusterApplyPermission,
  nkpClusterRequestPermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  NkpGroupQuery,
  NkpGroupResource,
} from '@nkp-lifecycle/backstage-plugin-nkp-node/permissions';

/** The groups the caller may request clusters for. */
export interface RequestScope {
  /** True for an unconditional ALLOW: every group. */
  all: boolean;
  mayRequestFor(groupRef: string): boolean;
}

export class GoldenPathAccess {
  private readonly applyConditions: ReturnType<
    typeof createConditionAuthorizer<NkpGroupResource>
  >;

  constructor(
    private readonly permissions: PermissionsService,
    ruleset: PermissionRuleset<NkpGroupResource, NkpGroupQuery, string>,
  ) {
    this.applyConditions = createConditionAuthorizer(ruleset);
  }

  /** The caller's `nkp.cluster.request` decision; 403 when it is DENY. */
  async requestScope(credentials: BackstageCredentials): Promise<RequestScope> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: nkpClusterRequestPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed to request NKP clusters (${nkpClusterRequestPermission.name})`,
      );
    }
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return { all: true, mayRequestFor: () => true };
    }
    return {
      all: false,
      mayRequestFor: entityRef => this.applyConditions(decision, { entityRef }),
    };
  }

  /** Whether the caller has `nkp.cluster.apply` (direct delivery). */
  async mayApply(credentials: BackstageCredentials): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: nkpClusterApplyPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}
