import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-node';
import { ConfigReader } from '@backstage/config';
import { NkpEntityOriginProcessor } from './NkpEntityOriginProcessor';

const nkp = (target: string): LocationSpec => ({ type: 'nkp', target });
const file: LocationSpec = { type: 'file', target: '/srv/tenant/catalog.yaml' };

const entity = (
  annotations: Record<string, string>,
  spec: Entity['spec'] = { type: 'kubernetes-cluster' },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'acme-prod', annotations },
  spec,
});

const provided = (source: string) => ({
  'backstage.io/managed-by-location': `nkp:${source}`,
  'backstage.io/managed-by-origin-location': `nkp:${source}`,
  'nkp-lifecycle.io/source': source,
  'nkp-lifecycle.io/kubernetes-version': '1.34.3',
});

describe('NkpEntityOriginProcessor', () => {
  const logger = mockServices.logger.mock();
  const processor = NkpEntityOriginProcessor.fromConfig(
    new ConfigReader({
      catalog: { providers: { nkp: { demo: {}, hooli: {} } } },
    }),
    { logger },
  );
  const run = (e: Entity, location: LocationSpec, origin = location) =>
    processor.preProcessEntity(e, location, () => {}, origin);

  beforeEach(() => jest.resetAllMocks());

  it.each`
    case                                        | e                                                                | location        | origin
    ${'an entity of a configured NKP source'}   | ${entity(provided('demo'))}                                      | ${nkp('demo')}  | ${nkp('demo')}
    ${'an entity of another configured source'} | ${entity(provided('hooli'))}                                     | ${nkp('hooli')} | ${nkp('hooli')}
    ${'an ordinary entity from a file'}         | ${entity({ 'backstage.io/techdocs-ref': 'dir:.' })}              | ${file}         | ${file}
    ${'a non-NKP cluster from a file'}          | ${entity({ 'kubernetes.io/api-server': 'https://k8s.example' })} | ${file}         | ${file}
  `('passes $case unchanged', async ({ e, location, origin }) => {
    await expect(run(e, location, origin)).resolves.toBe(e);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it.each`
    case                                                     | e                                                                      | location        | origin
    ${'NKP annotations on an entity from a file'}            | ${entity({ 'nkp-lifecycle.io/kubernetes-version': '1.34.3' })}         | ${file}         | ${file}
    ${'an nkp-release Resource from a file'}                 | ${entity({}, { type: 'nkp-release' })}                                 | ${file}         | ${file}
    ${'provider annotations copied into a file'}             | ${entity(provided('demo'))}                                            | ${file}         | ${file}
    ${'a provider location whose origin is a user location'} | ${entity(provided('demo'))}                                            | ${nkp('demo')}  | ${file}
    ${'an nkp location of a source that is not configured'}  | ${entity(provided('stark'))}                                           | ${nkp('stark')} | ${nkp('stark')}
    ${'an entity of one source claiming another source'}     | ${entity({ ...provided('demo'), 'nkp-lifecycle.io/source': 'hooli' })} | ${nkp('demo')}  | ${nkp('demo')}
  `(
    'refuses $case, naming the entity, where it came from and why',
    async ({ e, location, origin }) => {
      const from = `${location.type}:${location.target}`;
      await expect(run(e, location, origin)).rejects.toThrow(
        new RegExp(
          `^resource:default/acme-prod from ${from} carries NKP Lifecycle data \\(.+\\), which only the NKP entity provider may emit`,
        ),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('resource:default/acme-prod'),
        { entityRef: 'resource:default/acme-prod', location: from },
      );
    },
  );

  it('names what made the entity look like NKP data', async () => {
    await expect(
      run(
        entity(
          { 'nkp-lifecycle.io/end-of-life-date': '2099-12-31' },
          { type: 'nkp-release' },
        ),
        file,
      ),
    ).rejects.toThrow(
      '(nkp-lifecycle.io/end-of-life-date, spec.type: nkp-release)',
    );
  });
});
