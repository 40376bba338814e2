/**
 * The audit log (`nkp.audit.read`): who created which plan, who requested and approved which
 * exception, and when exceptions expired; newest first, filtered and paged on the server.
 */
import { nkpAuditReadPermission } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import Router from 'express-promise-router';
import { AuditEntry, PolicyStore } from '../database/PolicyStore';
import { FleetAccess } from '../permissions/FleetAccess';
import { auditQuerySchema, parseInput } from './validation';

/** The API names the subjects as the rest of the API does (`/plans`, `/exceptions`). */
const SUBJECT_KINDS = {
  plan: 'upgrade-plan',
  exception: 'exception',
} as const satisfies Record<string, AuditEntry['objectType']>;

function auditView({ objectType, objectId, ...entry }: AuditEntry) {
  return {
    ...entry,
    subjectKind: objectType === 'upgrade-plan' ? 'plan' : 'exception',
    subjectId: objectId,
  };
}

export function createAuditRoutes(options: {
  access: FleetAccess;
  store: PolicyStore;
}) {
  const { access, store } = options;
  const router = Router();

  router.get('/audit', async (req, res) => {
    await access.require(req, nkpAuditReadPermission);
    const query = parseInput(auditQuerySchema, req.query, 'query');
    const page = await store.queryAudit({
      objectType: query.subjectKind && SUBJECT_KINDS[query.subjectKind],
      objectId: query.subjectId,
      actor: query.actor,
      beforeId: query.cursor,
      limit: query.limit,
    });
    res.json({
      items: page.items.map(auditView),
      limit: query.limit,
      ...(page.nextBeforeId !== undefined
        ? { nextCursor: String(page.nextBeforeId) }
        : {}),
    });
  });

  return router;
}
