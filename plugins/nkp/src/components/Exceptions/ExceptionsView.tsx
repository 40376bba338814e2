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
import { TargetLink } from './describeTarget';
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
      </>
    ),
  },
];

/** Why a requested exception's Approve is disabled, where the user can do something about it. */
const NOT_APPROVABLE: Partial<Record<NkpExceptionNotApprovableReason, string>> =
  {
    'own-request': 'You requested it; someone else approves.',
    'missing-permission': 'Approving needs nkp.exception.approve.',
  };

/**
 * Every exception the user may see, requested and approved. Those allowed to approve
 * (`nkp.exception.approve`) get an Approve action on requested ones, enabled where the backend
 * says this user may approve it (`approvable`): by default not on their own request (four eyes).
 */
export const ExceptionsView = () => {
  const nkpApi = useApi(nkpApiRef);
  const alertApi = useApi(alertApiRef);
  const canApprove = usePermission({
    permission: nkpExceptionApprovePermission,
  });
  const exceptions = useAsyncRetry(() => nkpApi.listExceptions(), [nkpApi]);
  const [approving, setApproving] = useState<NkpExceptionView>();

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
                  aria-label={`Approve the exception for ${
                    'cluster' in row.target
                      ? row.target.cluster
                      : row.target.owner
                  }`}
                  onClick={() => setApproving(row)}
                >
                  Approve
                </Button>
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
    </>
  );
};
