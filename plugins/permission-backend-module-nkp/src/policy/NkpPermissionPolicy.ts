/*
 * The portal's permission policy: the NKP decision for what it decides, and ALLOW for the
 * permissions of other plugins (their reads, the scaffolder), as the allow-all policy did.
 */
import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { NkpAccessConfig } from '../config/readNkpAccessConfig';
import { decideNkpPermission } from './decideNkpPermission';

/** @public */
export class NkpPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly access: NkpAccessConfig,
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const info = user
      ? await this.userInfo.getUserInfo(user.credentials)
      : undefined;
    return (
      decideNkpPermission(request, info, this.access) ?? {
        result: AuthorizeResult.ALLOW,
      }
    );
  }
}
