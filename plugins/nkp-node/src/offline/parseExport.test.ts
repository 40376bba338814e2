import { parseExport } from './parseExport';

describe('parseExport', () => {
  it('reads a single object', () => {
    expect(
      parseExport(
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
        'one.yaml',
      ),
    ).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
    ]);
  });

  it('reads multi-document YAML and skips empty documents', () => {
    const text = '---\nkind: A\n---\n---\nkind: B\n---\n';
    expect(parseExport(text, 'multi.yml').map(o => o.kind)).toEqual(['A', 'B']);
  });

  it('flattens a kubectl List, and typed API lists whose items carry no kind', () => {
    const kubectlList = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'x/v1', kind: 'A', metadata: { name: 'a' } }],
    });
    expect(parseExport(kubectlList, 'list.json')).toEqual([
      { apiVersion: 'x/v1', kind: 'A', metadata: { name: 'a' } },
    ]);

    const typedList =
      'apiVersion: workspaces.kommander.mesosphere.io/v1alpha1\nkind: ProjectList\nitems:\n- metadata: {name: p}\n';
    expect(parseExport(typedList, 'typed.yaml')).toEqual([
      {
        apiVersion: 'workspaces.kommander.mesosphere.io/v1alpha1',
        kind: 'Project',
        metadata: { name: 'p' },
      },
    ]);
  });

  it.each([
    [
      'YAML with a syntax error',
      'kind: A\nmetadata: {name: a\n',
      'bad.yaml',
      /^Failed to parse bad.yaml: /,
    ],
    [
      'truncated JSON',
      '{"kind": "List", "items": [',
      'bad.json',
      /^Failed to parse bad.json: /,
    ],
    [
      'a document that is not an object',
      '- a\n- b\n',
      'list.yaml',
      'Failed to parse list.yaml: document 1 is not a Kubernetes object or List',
    ],
  ])('rejects %s, naming the file', (_, text, path, message) => {
    expect(() => parseExport(text, path)).toThrow(message);
  });
});
