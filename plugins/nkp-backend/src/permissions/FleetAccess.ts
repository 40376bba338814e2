/**
 * Who may do what, per request. Reading the fleet is a resource permission: ALLOW shows every
 * cluster, DENY answers 403, and a CONDITIONAL decision (e.g. "clusters owned by the caller's
 * groups") is applied in memory to the evaluated clusters with the registered rules.
 */
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionRuleset,
  createConditionAuthorizer,
} from '@backstage/plugin-permission-node';
import {
  NkpClusterFacts,
  nkpFleetReadPermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { Request } from 'express';
import { NkpClusterQuery } from './rules';

/** Any route's request, whatever the OpenAPI document types its parameters and body as. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRequest = Request<any, any, any, any>;

/** What the caller may read of the fleet. */
export interface ReadScope {
  credentials: BackstageCredentials;
  /** True for an unconditional ALLOW: nothing needs filtering. */
  all: boolean;
  visible(cluster: NkpClusterFacts): boolean;
  /**
   * Equal for equal decisions, whoever the caller: what a decision lets through can then be
   * worked out once per evaluation rather than once per request.
   */
  decisionKey: string;
}

export class FleetAccess {
  private readonly applyConditions: ReturnType<
    typeof createConditionAuthorizer<NkpClusterFacts>
  >;

  constructor(
    private readonly httpAuth: HttpAuthService,
    private readonly permissions: PermissionsService,
    ruleset: PermissionRuleset<NkpClusterFacts, NkpClusterQuery, string>,
  ) {
    this.applyConditions = createConditionAuthorizer(ruleset);
  }

  async credentials(req: AnyRequest): Promise<BackstageCredentials> {
    return this.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  async read(req: AnyRequest): Promise<ReadScope> {
    const credentials = await this.credentials(req);
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: nkpFleetReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `Not allowed to read the NKP fleet (${nkpFleetReadPermission.name})`,
      );
    }
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return { credentials, all: true, visible: () => true, decisionKey: '' };
    }
    return {
      credentials,
      all: false,
      visible: cluster => this.applyConditions(decision, cluster),
      decisionKey: JSON.stringify(decision.conditions),
    };
  }

  /** Checks a basic permission; answers 403 unless the decision is ALLOW. */
  async require(
    req: AnyRequest,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await this.credentials(req);
    if (!(await this.allows(credentials, permission))) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
    return credentials;
  }

  /** Whether a basic permission is granted, for answers that tell the caller what they may do. */
  async allows(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }
}

/** Who did it, for the audit log: the user's entity ref, or the calling service's subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  return principal.subject ?? principal.type;
}
