import {
  EmptyState,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  NkpExceptionNotApprovableReason,
  nkpExceptionApprovePermission,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpExceptionView } from '../../api/types';
import { ApproveExceptionDialog } from './ApproveExceptionDialog';
import { ReasonDialog } from '../common/ReasonDialog';
import { TargetLink, describeTarget } from './describeTarget';
import { ExceptionStatusLabel } from './ExceptionStatusLabel';
import { RULE_LABELS } from '../common/ruleLabels';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

/** A user links to their catalog page; a service is named as the backend recorded it. */
const Actor = ({ actor }: { actor: string }) =>
  actor.startsWith('user:') ? (
    <EntityRefLink entityRef={actor} />
  ) : (
    <>{actor}</>
  );

const baseColumns: TableColumn<NkpExceptionView>[] = [
  {
    title: 'Applies to',
    field: 'target',
    render: row => <TargetLink target={row.target} />,
  },
  {
    title: 'Rule',
    field: 'rule',
    render: row =>
      row.rule ? RULE_LABELS[row.rule] ?? row.rule : 'every rule',
  },
  { title: 'Reason', field: 'reason', cellStyle: { minWidth: 240 } },
  {
    title: 'Requested',
    field: 'requestedAt',
    render: row => (
      <>
        <Actor actor={row.requestedBy} />
        <Typography variant="body2" color="textSecondary">
          {row.requestedAt.slice(0, 10)}
        </Typography>
      </>
    ),
  },
  {
    title: 'Ends on',
    field: 'expiresAt',
    render: row => row.expiresAt.slice(0, 10),
  },
  {
    title: 'Status',
    field: 'status',
    render: row => (
      <>
        <ExceptionStatusLabel exception={row} />
        {row.approvedBy && (
          <Typography variant="body2" color="textSecondary">
            approved by <Actor actor={row.approvedBy} />
          </Typography>
        )}
        {(row.rejectedBy ?? row.revokedBy) && (
          <Typography variant="body2" color="textSecondary">
            {row.rejectedBy ? 'rejected' : 'revoked'} by{' '}
            <Actor actor={(row.rejectedBy ?? row.revokedBy)!} />: “
            {row.rejectionReason ?? row.revocationReason}”
          </Typography>
        )}
      </>
    ),
  },
];

/** How an approver ends an exception: reject a request, revoke an approval that still counts. */
type Ending = { exception: NkpExceptionView; action: 'reject' | 'revoke' };

const ENDINGS = {
  reject: {
    title: 'Reject exception',
    label: 'Reject',
    busyLabel: 'Rejecting…',
    effect:
      'It never counts; it stays in this list, marked rejected with your reason.',
    done: 'rejected',
  },
  revoke: {
    title: 'Revoke exception',
    label: 'Revoke',
    busyLabel: 'Revoking…',
    effect:
      'It stops counting at once: the clusters it covers are evaluated without it. It stays in this list, marked revoked with your reason.',
    done: 'revoked',
  },
} as const;

/** Whether an approved exception still waives something, so that revoking it changes anything. */
const revocable = (row: NkpExceptionView) =>
  row.status === 'approved' && row.evaluation?.status !== 'expired';

const targetName = (row: NkpExceptionView) =>
  'cluster' in row.target ? row.target.cluster : row.target.owner;

/** Why a requested exception's Approve is disabled, where the user can do something about it. */
const NOT_APPROVABLE: Partial<Record<NkpExceptionNotApprovableReason, string>> =
  {
    'own-request': 'You requested it; someone else approves.',
    'missing-permission': 'Approving needs nkp.exception.approve.',
  };

/**
 * Every exception the user may see: requested, approved, rejected and revoked. Those allowed to
 * approve (`nkp.exception.approve`) get Approve and Reject on requested ones (Approve enabled
 * where the backend says this user may approve it, `approvable`: by default not on their own
 * request, four eyes) and Revoke on approved ones that have not expired.
 */
export const ExceptionsView = () => {
  const nkpApi = useApi(nkpApiRef);
  const alertApi = useApi(alertApiRef);
  const canApprove = usePermission({
    permission: nkpExceptionApprovePermission,
  });
  const exceptions = useAsyncRetry(() => nkpApi.listExceptions(), [nkpApi]);
  const [approving, setApproving] = useState<NkpExceptionView>();
  const [ending, setEnding] = useState<Ending>();
  const endButton = (row: NkpExceptionView, action: Ending['action']) => (
    <Button
      size="small"
      variant="outlined"
      aria-label={`${ENDINGS[action].label} the exception for ${targetName(
        row,
      )}`}
      onClick={() => setEnding({ exception: row, action })}
    >
      {ENDINGS[action].label}
    </Button>
  );

  if (exceptions.loading && !exceptions.value) {
    return <Progress aria-label="Loading exceptions" />;
  }
  if (exceptions.error) {
    return (
      <NkpErrorPanel
        error={exceptions.error}
        title="Could not load the exceptions"
      />
    );
  }
  const items = exceptions.value ?? [];
  if (items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No exceptions"
        description="Tenants request a time-boxed exception from a cluster's page or from My deadlines when they cannot upgrade in time; requests appear here for the platform team to approve."
      />
    );
  }

  const columns: TableColumn<NkpExceptionView>[] = canApprove.allowed
    ? [
        ...baseColumns,
        {
          title: 'Action',
          field: 'id',
          sorting: false,
          render: row => {
            if (revocable(row)) return endButton(row, 'revoke');
            if (row.status !== 'requested') return null;
            const why = row.notApprovableBecause
              ? NOT_APPROVABLE[row.notApprovableBecause]
              : undefined;
            return (
              <>
                <Button
                  size="small"
                  variant="outlined"
                  color="primary"
                  disabled={!row.approvable}
                  aria-label={`Approve the exception for ${targetName(row)}`}
                  onClick={() => setApproving(row)}
                >
                  Approve
                </Button>{' '}
                {endButton(row, 'reject')}
                {!row.approvable && why && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    {why}
                  </Typography>
                )}
              </>
            );
          },
        },
      ]
    : baseColumns;

  return (
    <>
      <Table<NkpExceptionView>
        title={`Exceptions (${items.length})`}
        subtitle={
          canApprove.allowed
            ? undefined
            : 'Exceptions are approved by the platform team (permission nkp.exception.approve)'
        }
        options={{
          paging: items.length > 20,
          pageSize: 20,
          search: true,
          padding: 'dense',
        }}
        columns={columns}
        data={items}
      />
      {approving && (
        <ApproveExceptionDialog
          exception={approving}
          onClose={() => setApproving(undefined)}
          onApproved={approved => {
            setApproving(undefined);
            alertApi.post({
              message: `Exception ${approved.id} approved`,
              severity: 'success',
              display: 'transient',
            });
            exceptions.retry();
          }}
        />
      )}
      {ending && (
        <ReasonDialog
          title={ENDINGS[ending.action].title}
          description={`${describeTarget(
            ending.exception.target,
          )}, requested by ${ending.exception.requestedBy}: “${
            ending.exception.reason
          }”. ${ENDINGS[ending.action].effect}`}
          label={ENDINGS[ending.action].label}
          busyLabel={ENDINGS[ending.action].busyLabel}
          onSubmit={reason =>
            ending.action === 'reject'
              ? nkpApi.rejectException(ending.exception.id, reason)
              : nkpApi.revokeException(ending.exception.id, reason)
          }
          onClose={() => setEnding(undefined)}
          onDone={ended => {
            setEnding(undefined);
            alertApi.post({
              message: `Exception ${ended.id} ${ENDINGS[ending.action].done}`,
              severity: 'success',
              display: 'transient',
            });
            exceptions.retry();
          }}
        />
      )}
    </>
  );
};
