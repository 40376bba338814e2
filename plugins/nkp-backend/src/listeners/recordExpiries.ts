import { LoggerService } from '@backstage/backend-plugin-api';
import { PolicyStore } from '../database/PolicyStore';
import { FleetListener } from '../state/FleetState';

/**
 * A fleet listener that writes each approved exception's expiry to the audit log once, when the
 * engine first reports it expired. The store makes it once across replicas and restarts; the set
 * spares the database a write per expired exception per evaluation.
 */
export function recordExpiries(
  store: PolicyStore,
  logger: LoggerService,
): FleetListener {
  const recorded = new Set<string>();
  return async snapshot => {
    const approved = new Set(
      snapshot.exceptions.filter(e => e.status === 'approved').map(e => e.id),
    );
    for (const status of snapshot.evaluation.exceptions) {
      if (
        status.status !== 'expired' ||
        recorded.has(status.id) ||
        !approved.has(status.id)
      ) {
        continue;
      }
      if (
        await store.recordExpiry(
          status.id,
          status.endsOn ?? snapshot.evaluation.evaluatedOn,
        )
      ) {
        logger.info('NKP exception expired', {
          exceptionId: status.id,
          endsOn: status.endsOn,
        });
      }
      recorded.add(status.id);
    }
  };
}
