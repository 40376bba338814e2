import { Table, TableColumn } from '@backstage/core-components';
import { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { NkpClusterView } from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { formatUpgradeStep } from '../common/format';
import { Deadline } from '../common/Deadline';
import { PolicyStateLabel } from '../PolicyState';
import { reasonsOf } from './deadlineOrder';

const CardlessContainer = (props: { children?: ReactNode }) => (
  <div style={{ width: '100%' }}>{props.children}</div>
);

/**
 * The target, and the path to it when it takes more than one step (NKP upgrades one minor at a
 * time): `NKP 2.17 / Kubernetes 1.34`, then `via NKP 2.16 → NKP 2.17`.
 */
const TargetAndPath = (props: {
  cluster: NkpClusterView;
  withPath?: boolean;
}) => {
  const { targetVersion, upgradePath } = props.cluster;
  if (!targetVersion || (!targetVersion.nkp && !targetVersion.kubernetes))
    return <>—</>;
  return (
    <>
      {targetVersion.nkp && (
        <div style={{ whiteSpace: 'nowrap' }}>NKP {targetVersion.nkp}</div>
      )}
      {targetVersion.kubernetes && (
        <div style={{ whiteSpace: 'nowrap' }}>
          Kubernetes {targetVersion.kubernetes}
        </div>
      )}
      {props.withPath && upgradePath.length > 1 && (
        <Typography
          variant="body2"
          color="textSecondary"
          aria-label={`Upgrade path: ${upgradePath
            .map(formatUpgradeStep)
            .join(', then ')}`}
        >
          via{' '}
          {upgradePath
            .map(step =>
              step.nkp ? `NKP ${step.nkp}` : `Kubernetes ${step.kubernetes}`,
            )
            .join(' → ')}
        </Typography>
      )}
    </>
  );
};

const Reasons = ({ cluster }: { cluster: NkpClusterView }) => {
  const reasons = reasonsOf(cluster);
  if (!reasons.length)
    return <Typography variant="body2">Nothing due.</Typography>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {reasons.map((f, i) => (
        <li key={i}>
          <Typography variant="body2">{f.reason}</Typography>
        </li>
      ))}
    </ul>
  );
};

/**
 * Clusters with what their owners must do and by when. `compact` is for cards: cluster, state,
 * deadline and target only.
 */
export const DeadlinesTable = (props: {
  title: string;
  clusters: NkpClusterView[];
  compact?: boolean;
  showOwner?: boolean;
  onRequestException?: (cluster: NkpClusterView) => void;
}) => {
  const { title, clusters, compact, showOwner, onRequestException } = props;
  const columns: TableColumn<NkpClusterView>[] = [
    {
      title: 'Cluster',
      field: 'name',
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => (
        <>
          <EntityRefLink
            entityRef={row.entityRef}
            title={row.title ?? row.name}
          />
          {/* Under the name rather than in a column of its own: the table is wide enough */}
          {showOwner && row.owner && (
            <Typography variant="body2" color="textSecondary">
              <EntityRefLink entityRef={row.owner} defaultKind="group" />
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Policy',
      field: 'state',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => <PolicyStateLabel state={row.state} />,
    },
    {
      title: 'Deadline',
      field: 'deadline',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => <Deadline cluster={row} />,
    },
    {
      title: compact ? 'Target' : 'Target (upgrade path)',
      field: 'targetVersion',
      cellStyle: { minWidth: 140 },
      render: row => <TargetAndPath cluster={row} withPath={!compact} />,
    },
  ];
  if (!compact) {
    columns.push({
      title: 'Why',
      field: 'findings',
      cellStyle: { minWidth: 260 },
      render: row => <Reasons cluster={row} />,
    });
  }
  if (onRequestException) {
    columns.push({
      title: 'Action',
      field: 'entityRef',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row =>
        row.state === 'compliant' ? null : (
          <Button
            size="small"
            variant="outlined"
            aria-label={`Request exception for ${row.title ?? row.name}`}
            onClick={() => onRequestException(row)}
          >
            Request exception
          </Button>
        ),
    });
  }
  return (
    <Table<NkpClusterView>
      title={title}
      options={{
        paging: clusters.length > 20,
        pageSize: 20,
        search: !compact,
        padding: 'dense',
        sorting: false,
        toolbar: !compact,
      }}
      columns={columns}
      data={clusters}
      // In a card the card is the frame; a second raised surface inside it would be noise.
      components={compact ? { Container: CardlessContainer } : undefined}
    />
  );
};
