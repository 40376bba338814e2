import { join, resolve } from 'node:path';
import { OfflineExportSource } from './OfflineExportSource';

const fixtures = resolve(__dirname, '__fixtures__');
const read = (paths: string[]) =>
  new OfflineExportSource(paths, fixtures).read(new AbortController().signal);

describe('OfflineExportSource', () => {
  it('reads a folder recursively: Lists, multi-document YAML and JSON, skipping hidden and other files', async () => {
    const { objects } = await read(['export']);
    expect(objects.map(o => `${o.kind} ${(o.metadata as any).name}`)).toEqual([
      'Cluster mgmt',
      'Cluster acme-prod',
      'KommanderCluster host-cluster',
      'Workspace acme',
    ]);
  });

  it('reads single files given by path, relative to the base directory', async () => {
    const { objects } = await read([
      'export/workspaces-list.yaml',
      join(fixtures, 'export/nested/kommanderclusters.json'),
    ]);
    expect(objects.map(o => o.kind)).toEqual(['Workspace', 'KommanderCluster']);
  });

  it.each([
    [
      ['export', 'broken.yaml'],
      `Failed to parse ${join(fixtures, 'broken.yaml')}`,
    ],
    [['broken.json'], `Failed to parse ${join(fixtures, 'broken.json')}`],
    [['not-an-object.yaml'], 'document 1 is not a Kubernetes object or List'],
    [
      ['missing-folder'],
      `Cannot read NKP export ${join(fixtures, 'missing-folder')}`,
    ],
    [['empty'], 'contains no .yaml, .yml or .json files'],
  ])('fails the whole read for %j', async (paths, message) => {
    await expect(read(paths)).rejects.toThrow(message);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      new OfflineExportSource(['export'], fixtures).read(controller.signal),
    ).rejects.toThrow(/abort/i);
  });
});
