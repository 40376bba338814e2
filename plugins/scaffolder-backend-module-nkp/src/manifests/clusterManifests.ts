/*
 * The manifests of a requested NKP cluster on Nutanix, as plain objects: the CAPI `Cluster` on the
 * NKP ClusterClass with the Nutanix topology variables CAREN reads (see nkp-domain.md §1.3 and
 * §4). Pure: the same verdict and Prism Central give the same objects. Every value the requester
 * typed goes into a string field (a name, a label or annotation value) of an object that the
 * `yaml` library stringifies, so no input can change the YAML's structure.
 */

import { parseEntityRef } from '@backstage/catalog-model';
import {
  NKP_ANNOTATION_PREFIX,
  NkpClusterRequestVerdict,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import {
  NKP_OWNER_KEY,
  NkpGoldenPathConfig,
} from '@nkp-lifecycle/backstage-plugin-nkp-node';
import { stringify } from 'yaml';

/** Who asked for the cluster (a user entity ref), for audit and the catalog. */
export const NKP_REQUESTED_BY = `${NKP_ANNOTATION_PREFIX}/requested-by`;
/** The NKP projects the requester wants the cluster placed in, comma-separated. */
export const NKP_REQUESTED_PROJECTS = `${NKP_ANNOTATION_PREFIX}/requested-projects`;
/** The scaffolder task that created the object, so that a retried apply knows its own object. */
export const NKP_SCAFFOLDER_TASK = `${NKP_ANNOTATION_PREFIX}/scaffolder-task`;
/** NKP's own description annotation, which Kommander shows. */
export const KOMMANDER_DESCRIPTION = 'kommander.mesosphere.io/description';

/** NKP's defaults for `nkp create cluster nutanix`. */
const POD_CIDR = '192.168.0.0/16';
const SERVICE_CIDR = '10.96.0.0/12';
const API_SERVER_PORT = 6443;

/** A Prism Central as configured, with its credentials Secret's name. */
export type ConfiguredPrismCentral =
  NkpGoldenPathConfig['prismCentrals'][number];

/** One rendered file: its name inside the cluster's folder and its objects. */
export interface RenderedFile {
  name: string;
  objects: Array<Record<string, unknown>>;
}

/** The files of one cluster request, in the order they are written. */
export function clusterManifests(
  verdict: NkpClusterRequestVerdict,
  prismCentral: ConfiguredPrismCentral,
): RenderedFile[] {
  return [
    { name: 'cluster.yaml', objects: [capiCluster(verdict, prismCentral)] },
  ];
}

/** A file's objects as YAML documents. */
export function renderFile(file: RenderedFile): string {
  return file.objects.map(object => stringify(object)).join('---\n');
}

/** The CAPI `Cluster`. */
export function capiCluster(
  verdict: NkpClusterRequestVerdict,
  prismCentral: ConfiguredPrismCentral,
): Record<string, unknown> {
  const { request } = verdict;
  const { size, placement } = request;
  const secretRef = { secretRef: { name: prismCentral.credentialsSecret } };
  const machineDetails = {
    bootType: 'uefi',
    cluster: { name: placement.cluster, type: 'name' },
    image: { name: placement.image, type: 'name' },
    memorySize: `${size.memoryGiB}Gi`,
    systemDiskSize: `${size.diskGiB}Gi`,
    subnets: placement.subnets.map(name => ({ name, type: 'name' })),
    vcpuSockets: size.vcpus,
    vcpusPerSocket: 1,
  };
  const annotations: Record<string, string> = {
    // The annotation carries the full reference; a label can only hold the bare name.
    [NKP_OWNER_KEY]: request.owner,
    [NKP_REQUESTED_BY]: verdict.requestedBy,
  };
  if (request.description) {
    annotations[KOMMANDER_DESCRIPTION] = request.description;
  }
  if (request.projects?.length) {
    annotations[NKP_REQUESTED_PROJECTS] = request.projects.join(',');
  }
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: {
      name: request.name,
      // "namespace has to match the workspace namespace": that is what puts it in the workspace.
      namespace: verdict.namespace,
      labels: {
        'cluster.x-k8s.io/provider': 'nutanix',
        'konvoy.d2iq.io/cluster-name': request.name,
        'konvoy.d2iq.io/provider': 'nutanix',
        [NKP_OWNER_KEY]: parseEntityRef(request.owner).name,
      },
      annotations,
    },
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: [POD_CIDR] },
        services: { cidrBlocks: [SERVICE_CIDR] },
      },
      topology: {
        class: verdict.clusterClass,
        version: `v${request.version.kubernetes}`,
        controlPlane: { replicas: size.controlPlaneNodes },
        variables: [
          {
            name: 'clusterConfig',
            value: {
              addons: {
                ccm: { credentials: secretRef, strategy: 'HelmAddon' },
                clusterAutoscaler: { strategy: 'HelmAddon' },
                cni: { provider: 'Cilium', strategy: 'HelmAddon' },
                csi: {
                  defaultStorage: {
                    provider: 'nutanix',
                    storageClassConfig: 'volume',
                  },
                  providers: {
                    nutanix: {
                      credentials: secretRef,
                      storageClassConfigs: {
                        volume: {
                          parameters: {
                            storageContainer: placement.storageContainer,
                            storageType: 'NutanixVolumes',
                            'csi.storage.k8s.io/fstype': 'ext4',
                          },
                          reclaimPolicy: 'Delete',
                          volumeBindingMode: 'WaitForFirstConsumer',
                        },
                      },
                      strategy: 'HelmAddon',
                    },
                  },
                },
              },
              controlPlane: { nutanix: { machineDetails } },
              nutanix: {
                controlPlaneEndpoint: {
                  host: placement.controlPlaneEndpoint,
                  port: API_SERVER_PORT,
                  virtualIP: { provider: 'KubeVIP' },
                },
                prismCentralEndpoint: {
                  url: prismCentral.url,
                  insecure: prismCentral.insecure,
                  credentials: secretRef,
                },
              },
            },
          },
        ],
        workers: {
          machineDeployments: [
            {
              class: 'default-worker',
              name: 'md-0',
              replicas: size.workers,
              variables: {
                overrides: [
                  {
                    name: 'workerConfig',
                    value: { nutanix: { machineDetails } },
                  },
                ],
              },
            },
          ],
        },
      },
    },
  };
}
