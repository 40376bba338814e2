/**
 * Renders one scaffolder field extension the way the scaffolder's form does: controlled (each
 * `onChange` becomes the next `formData`), with the other fields' values in
 * `formContext.formData`, the real NKP client (answer its routes with msw) and an in-memory
 * catalog. Also runs a field's `validation` with the same APIs.
 */
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import {
  MockFetchApi,
  TestApiProvider,
  TestApiRegistry,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { RenderResult, act } from '@testing-library/react';
import { useState } from 'react';
import { nkpApiRef } from '../api/NkpApi';
import { NkpClient } from '../api/NkpClient';
import { NkpScaffolderField } from '../components/ScaffolderFields';

/** Where the test's NKP backend answers (msw). */
export const nkpBaseUrl = 'http://localhost:7007/api/nkp';

function apis(entities: Entity[]) {
  return [
    [
      nkpApiRef,
      new NkpClient({
        discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
        fetchApi: new MockFetchApi(),
      }),
    ],
    [catalogApiRef, catalogApiMock({ entities })],
  ] as const;
}

export interface RenderedField<T> extends RenderResult {
  onChange: jest.Mock;
  /** The value the field holds now (its last `onChange`). */
  value(): T | undefined;
  /** Changes the other fields' values, as the user would on the form. */
  setSiblings(siblings: Record<string, unknown>): void;
}

export async function renderField<T>(
  field: NkpScaffolderField<T>,
  options: {
    value?: T;
    siblings?: Record<string, unknown>;
    entities?: Entity[];
    schema?: Record<string, unknown>;
    rawErrors?: string[];
  } = {},
): Promise<RenderedField<T>> {
  const onChange = jest.fn();
  let setSiblings: (siblings: Record<string, unknown>) => void = () => {};
  const Harness = () => {
    const [value, setValue] = useState<T | undefined>(options.value);
    const [siblings, set] = useState(options.siblings ?? {});
    setSiblings = set;
    const Component = field.component as any;
    return (
      <Component
        formData={value}
        onChange={(next: T | undefined) => {
          onChange(next);
          setValue(next);
        }}
        schema={options.schema ?? {}}
        uiSchema={{}}
        idSchema={{ $id: `root_${field.name}` }}
        rawErrors={options.rawErrors}
        required
        formContext={{ formData: siblings }}
        registry={{}}
        name={field.name}
        onBlur={() => {}}
        onFocus={() => {}}
        disabled={false}
        readonly={false}
      />
    );
  };
  const [nkp, catalog] = apis(options.entities ?? []);
  const rendered = await renderInTestApp(
    <TestApiProvider apis={[nkp, catalog]}>
      <Harness />
    </TestApiProvider>,
  );
  return {
    ...rendered,
    onChange,
    value: (): T | undefined =>
      onChange.mock.calls.length
        ? onChange.mock.calls[onChange.mock.calls.length - 1][0]
        : options.value,
    setSiblings: (siblings: Record<string, unknown>) =>
      act(() => setSiblings(siblings)),
  };
}

/** The errors the field's `validation` adds for the value, with the other fields' values. */
export async function validate<T>(
  field: NkpScaffolderField<T>,
  value: T,
  options: { formData?: Record<string, unknown>; entities?: Entity[] } = {},
): Promise<string[]> {
  const [nkp, catalog] = apis(options.entities ?? []);
  const validation = createFieldValidation();
  await field.validation(value, validation, {
    apiHolder: TestApiRegistry.from(nkp, catalog),
    formData: (options.formData ?? {}) as Parameters<
      NkpScaffolderField<T>['validation']
    >[2]['formData'],
    schema: {},
  });
  return validation.__errors ?? [];
}
