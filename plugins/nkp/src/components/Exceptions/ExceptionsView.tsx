import {
  EmptyState,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  alertApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { nkpExceptionApprovePermission } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpExceptionView } from '../../api/types';
import { ApproveExceptionDialog } from './ApproveExceptionDialog';
import { TargetLink } from './describeTarget';
import { ExceptionStatusLabel } from './ExceptionStatusLabel';
import { RULE_LABELS } from './RequestExceptionDialog';
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

/**
 * Every exception the user may see, requested and approved. Those allowed to approve
 * (`nkp.exception.approve`) get an Approve action on requested ones; nobody approves their own
 * request (the backend enforces it too).
 */
export const ExceptionsView = () => {
  const nkpApi = useApi(nkpApiRef);
  const identityApi = useApi(identityApiRef);
  const alertApi = useApi(alertApiRef);
  const canApprove = usePermission({
    permission: nkpExceptionApprovePermission,
  });
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
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

  const me = identity.value?.userEntityRef;
  const columns: TableColumn<NkpExceptionView>[] = canApprove.allowed
    ? [
        ...baseColumns,
        {
          title: 'Action',
          field: 'id',
          sorting: false,
          render: row => {
            if (row.status !== 'requested') return null;
            const own = me !== undefined && row.requestedBy === me;
            return (
              <>
                <Button
                  size="small"
                  variant="outlined"
                  color="primary"
                  disabled={own}
                  aria-label={`Approve the exception for ${
                    'cluster' in row.target
                      ? row.target.cluster
                      : row.target.owner
                  }`}
                  onClick={() => setApproving(row)}
                >
                  Approve
                </Button>
                {own && (
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    You requested it; someone else approves.
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
