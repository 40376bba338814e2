import {
  EmptyState,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  NkpClusterView,
  POLICY_STATES,
  PolicyState,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { nkpApiRef } from '../../api/NkpApi';
import { NkpClusterListResult, NkpClusterOrderBy } from '../../api/types';
import { Deadline } from '../common/Deadline';
import { PolicyStateLabel } from '../PolicyState';
import { FleetFilters, FleetFilterValues } from './FleetFilters';
import { NkpErrorPanel } from '../common/NkpErrorPanel';

type OrderBy = NkpClusterOrderBy;

// The backend sorts; the table must not re-sort the page it is given.
const serverSorted = { customSort: () => 0 };

const columns: TableColumn<NkpClusterView>[] = [
  {
    title: 'Cluster',
    field: 'name',
    highlight: true,
    ...serverSorted,
    render: row => (
      <>
        <EntityRefLink
          entityRef={row.entityRef}
          title={row.title ?? row.name}
        />
        <Typography variant="body2" color="textSecondary">
          {row.clusterType ?? 'type unknown'}
        </Typography>
      </>
    ),
  },
  {
    title: 'Policy',
    field: 'state',
    cellStyle: { whiteSpace: 'nowrap' },
    ...serverSorted,
    render: row => (row.state ? <PolicyStateLabel state={row.state} /> : '—'),
  },
  {
    title: 'Deadline',
    field: 'deadline',
    cellStyle: { whiteSpace: 'nowrap' },
    ...serverSorted,
    render: row => <Deadline cluster={row} />,
  },
  {
    title: 'Target',
    field: 'targetVersion',
    sorting: false,
    cellStyle: { whiteSpace: 'nowrap' },
    render: row =>
      row.targetVersion ? (
        <>
          {row.targetVersion.nkp && <div>NKP {row.targetVersion.nkp}</div>}
          {row.targetVersion.kubernetes && (
            <div>Kubernetes {row.targetVersion.kubernetes}</div>
          )}
        </>
      ) : (
        '—'
      ),
  },
  {
    // Sorted by the Kubernetes version, the one the policy rules compare.
    title: 'Kubernetes / NKP',
    field: 'kubernetesVersion',
    cellStyle: { whiteSpace: 'nowrap' },
    ...serverSorted,
    render: row => (
      <>
        <div>Kubernetes {row.kubernetesVersion ?? 'unknown'}</div>
        <Typography variant="body2" color="textSecondary">
          NKP {row.nkpVersion ?? 'unknown'}
        </Typography>
      </>
    ),
  },
  { title: 'Workspace', field: 'workspace', emptyValue: '—', sorting: false },
  {
    title: 'Owner',
    field: 'owner',
    sorting: false,
    render: row =>
      row.owner ? (
        <EntityRefLink entityRef={row.owner} defaultKind="group" />
      ) : (
        '—'
      ),
  },
];

function filtersFrom(params: URLSearchParams): FleetFilterValues {
  const states = params
    .getAll('state')
    .flatMap(s => s.split(','))
    .filter((s): s is PolicyState =>
      (POLICY_STATES as readonly string[]).includes(s),
    );
  return {
    owner: params.get('owner') || undefined,
    workspace: params.get('workspace') || undefined,
    version: params.get('version') || undefined,
    state: states,
  };
}

function paramsFrom(filters: FleetFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.workspace) params.set('workspace', filters.workspace);
  if (filters.version) params.set('version', filters.version);
  for (const s of filters.state) params.append('state', s);
  return params;
}

/**
 * Every NKP cluster the signed-in user may read, with its policy state, versions and owner.
 * Filtering, sorting and paging happen in the backend (a fleet has thousands of clusters); the
 * filters live in the URL so that a filtered view can be shared and linked to.
 *
 * @public
 */
export const FleetTable = () => {
  const nkpApi = useApi(nkpApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(searchParams), [searchParams]);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<{ orderBy: OrderBy; order: 'asc' | 'desc' }>(
    {
      orderBy: 'name',
      order: 'asc',
    },
  );

  const tenants = useAsync(() => nkpApi.getTenants(), [nkpApi]);
  const { value, loading, error } = useAsync(
    () =>
      nkpApi.listClusters({
        ...filters,
        offset: page * pageSize,
        limit: pageSize,
        ...sort,
      }),
    [nkpApi, filters, page, pageSize, sort],
  );
  // While the next page loads, keep showing the last one under the table's loading overlay.
  const last = useRef<NkpClusterListResult>();
  if (value) last.current = value;
  const shown = value ?? last.current;

  const onFiltersChange = useCallback(
    (next: FleetFilterValues) => {
      setPage(0);
      setSearchParams(paramsFrom(next), { replace: true });
    },
    [setSearchParams],
  );

  const anyFilter = Boolean(
    filters.owner ||
      filters.workspace ||
      filters.version ||
      filters.state.length,
  );

  let body: JSX.Element | null;
  if (error) {
    // Shown above the table; stale rows under a failed filter would mislead.
    body = null;
  } else if (!shown) {
    body = <Progress aria-label="Loading the NKP fleet" />;
  } else if (!anyFilter && shown.totalCount === 0 && !loading) {
    body = (
      <EmptyState
        missing="data"
        title="No NKP clusters yet"
        description="Configure an NKP source under catalog.providers.nkp in app-config.yaml; clusters appear here once it has been read."
      />
    );
  } else {
    body = (
      <Table<NkpClusterView>
        title={`NKP clusters (${shown.totalCount})`}
        subtitle={anyFilter ? 'Filtered' : undefined}
        options={{
          paging: true,
          pageSize,
          pageSizeOptions: [20, 50, 100],
          search: false,
          padding: 'dense',
          emptyRowsWhenPaging: false,
          thirdSortClick: false,
        }}
        isLoading={loading}
        columns={columns}
        data={shown.items}
        page={page}
        totalCount={shown.totalCount}
        onPageChange={(nextPage, nextSize) => {
          if (nextSize !== pageSize) {
            setPageSize(nextSize);
            setPage(0);
          } else {
            setPage(nextPage);
          }
        }}
        onOrderChange={(columnIndex, direction) => {
          const field = columns[columnIndex]?.field as OrderBy | undefined;
          setPage(0);
          // Only the server-sortable columns are sortable; their fields are the API's orderBy.
          setSort(
            field && direction
              ? { orderBy: field, order: direction }
              : { orderBy: 'name', order: 'asc' },
          );
        }}
        emptyContent={
          <Box p={3}>
            <Typography>No clusters match these filters.</Typography>
          </Box>
        }
      />
    );
  }

  return (
    <>
      <Box mb={2}>
        <FleetFilters
          value={filters}
          tenants={tenants.value}
          onChange={onFiltersChange}
        />
      </Box>
      {error && (
        <Box mb={2}>
          <NkpErrorPanel error={error} title="Could not load the NKP fleet" />
        </Box>
      )}
      {body}
    </>
  );
};
