import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { NkpClusterView } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import useAsync from 'react-use/esm/useAsync';
import { nkpApiRef } from '../../api/NkpApi';
import { describeDeadline, PolicyStateLabel } from '../PolicyState';

const columns: TableColumn<NkpClusterView>[] = [
  {
    title: 'Cluster',
    field: 'name',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title ?? row.name} />
    ),
  },
  {
    title: 'Policy',
    field: 'state',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => (row.state ? <PolicyStateLabel state={row.state} /> : '—'),
  },
  {
    title: 'Deadline',
    field: 'deadline',
    render: row => describeDeadline(row.deadline, row.daysLeft),
  },
  {
    title: 'Target',
    field: 'targetVersion',
    render: row =>
      row.targetVersion
        ? [
            row.targetVersion.nkp && `NKP ${row.targetVersion.nkp}`,
            row.targetVersion.kubernetes &&
              `Kubernetes ${row.targetVersion.kubernetes}`,
          ]
            .filter(Boolean)
            .join(' / ')
        : '—',
  },
  {
    title: 'Type',
    field: 'clusterType',
    emptyValue: 'unknown',
    cellStyle: { whiteSpace: 'nowrap' },
  },
  { title: 'Kubernetes', field: 'kubernetesVersion', emptyValue: 'unknown' },
  { title: 'NKP', field: 'nkpVersion', emptyValue: 'unknown' },
  { title: 'Workspace', field: 'workspace', emptyValue: '—' },
  {
    title: 'Owner',
    field: 'owner',
    render: row =>
      row.owner ? (
        <EntityRefLink entityRef={row.owner} defaultKind="group" />
      ) : (
        '—'
      ),
  },
];

/**
 * Every NKP cluster the signed-in user may read, with its versions and owner.
 *
 * @public
 */
export const FleetTable = () => {
  const nkpApi = useApi(nkpApiRef);
  const { value, loading, error } = useAsync(
    () => nkpApi.listClusters(),
    [nkpApi],
  );

  if (loading) {
    return <Progress aria-label="Loading the NKP fleet" />;
  }
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load the NKP fleet" />
    );
  }
  if (!value?.items.length) {
    return (
      <EmptyState
        missing="data"
        title="No NKP clusters yet"
        description="Configure an NKP source under catalog.providers.nkp in app-config.yaml; clusters appear here once it has been read."
      />
    );
  }
  return (
    <Table<NkpClusterView>
      title={`NKP clusters (${value.totalCount})`}
      options={{ paging: true, pageSize: 20, search: true, padding: 'dense' }}
      columns={columns}
      data={value.items}
    />
  );
};
