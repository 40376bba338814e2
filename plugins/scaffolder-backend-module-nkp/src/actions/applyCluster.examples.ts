import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** @public */
export const examples: TemplateExample[] = [
  {
    description:
      'Apply what nkp:cluster:render wrote, only when the requester chose direct delivery',
    example: stringify({
      steps: [
        {
          id: 'apply',
          if: "${{ parameters.delivery === 'direct' }}",
          action: 'nkp:cluster:apply',
          name: 'Apply to the management cluster',
          input: {
            path: "${{ steps['render'].output.path }}",
            managementCluster: '${{ parameters.managementCluster }}',
          },
        },
      ],
    }),
  },
];
