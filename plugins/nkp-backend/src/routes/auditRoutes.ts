/**
 * The audit log (`nkp.audit.read`): who created which plan, who requested and approved which
 * exception, and when exceptions expired; newest first, filtered and paged on the server.
 */
import {
  NkpAuditEntry,
  NkpAuditPage,
  nkpAuditReadPermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { AuditEntry, PolicyStore } from '../database/PolicyStore';
import { FleetAccess } from '../permissions/FleetAccess';
import { NkpApiRouter } from './types';
import { auditCursor } from './validation';

/** The API names the subjects as the rest of the API does (`/plans`, `/exceptions`). */
const SUBJECT_KINDS = {
  plan: 'upgrade-plan',
  exception: 'exception',
} as const satisfies Record<string, AuditEntry['objectType']>;

function auditView({
  objectType,
  objectId,
  ...entry
}: AuditEntry): NkpAuditEntry {
  return {
    ...entry,
    subjectKind: objectType === 'upgrade-plan' ? 'plan' : 'exception',
    subjectId: objectId,
  };
}

export function registerAuditRoutes(
  router: NkpApiRouter,
  options: { access: FleetAccess; store: PolicyStore },
) {
  const { access, store } = options;

  router.get('/audit', async (req, res) => {
    await access.require(req, nkpAuditReadPermission);
    const { subjectKind, subjectId, actor, cursor, limit = 50 } = req.query;
    const page = await store.queryAudit({
      objectType: subjectKind && SUBJECT_KINDS[subjectKind],
      objectId: subjectId,
      actor,
      beforeId: auditCursor(cursor),
      limit,
    });
    const body: NkpAuditPage = {
      items: page.items.map(auditView),
      limit,
      ...(page.nextBeforeId !== undefined
        ? { nextCursor: String(page.nextBeforeId) }
        : {}),
    };
    res.json(body);
  });
}
