import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** @public */
export const examples: TemplateExample[] = [
  {
    description:
      'Render a managed cluster from the form of the "Request a new NKP tenant cluster" template',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'nkp:cluster:render',
          name: 'Check the request and render the manifests',
          input: {
            name: '${{ parameters.name }}',
            owner: '${{ parameters.owner }}',
            workspace: '${{ parameters.workspace }}',
            projects: '${{ parameters.projects }}',
            description: '${{ parameters.description }}',
            operation: '${{ parameters.operation }}',
            managementCluster: '${{ parameters.managementCluster }}',
            version: '${{ parameters.version }}',
            size: '${{ parameters.size }}',
            placement: '${{ parameters.placement }}',
            delivery: '${{ parameters.delivery }}',
          },
        },
      ],
    }),
  },
  {
    description: 'Render a fixed request (literal values)',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'nkp:cluster:render',
          name: 'Render acme-dev-2',
          input: {
            name: 'acme-dev-2',
            owner: 'group:default/team-acme',
            workspace: 'domain:default/demo-acme-retail',
            projects: ['acme-storefront'],
            description: 'Staging for the storefront',
            operation: 'managed',
            managementCluster: 'resource:default/demo-nkp-mgmt',
            version: { nkp: '2.17.1', kubernetes: '1.34.3' },
            size: {
              preset: 'small',
              controlPlaneNodes: 1,
              workers: 2,
              vcpus: 4,
              memoryGiB: 16,
              diskGiB: 80,
            },
            placement: {
              prismCentral: 'pc-demo',
              cluster: 'pe-demo-1',
              subnets: ['vlan-tenants'],
              image: 'nkp-rocky-9.6-release-1.34.3',
              storageContainer: 'default-container',
              controlPlaneEndpoint: '10.42.10.20',
            },
            delivery: 'gitops',
          },
        },
      ],
    }),
  },
];
