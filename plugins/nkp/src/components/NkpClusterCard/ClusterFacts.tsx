import { StructuredMetadataTable } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NkpClusterFacts } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** The NKP facts of a cluster as its entity carries them; shown whether or not the backend answers. */
export const ClusterFacts = ({ facts }: { facts: NkpClusterFacts }) => (
  <Box mt={2}>
    <Typography variant="subtitle2" component="h3" gutterBottom>
      Facts
    </Typography>
    <StructuredMetadataTable
      dense
      metadata={{
        'Cluster type': facts.clusterType ?? 'unknown',
        'Kubernetes version': facts.kubernetesVersion ?? 'unknown',
        'NKP version': facts.nkpVersion ?? 'unknown',
        'Management cluster': facts.managementCluster ?? '—',
        Workspace: facts.workspace ?? '—',
        Projects: facts.projects.length ? facts.projects.join(', ') : '—',
        Phase: facts.phase ?? '—',
        Source: facts.source ?? '—',
      }}
    />
  </Box>
);
