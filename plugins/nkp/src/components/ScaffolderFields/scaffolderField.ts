/**
 * What every NKP field extension is, once, so that the legacy extensions and the new frontend
 * system's form fields are made from the same parts.
 */
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
  FieldExtensionOptions,
  FieldSchema,
} from '@backstage/plugin-scaffolder-react';
import { NkpClusterRequest } from '@nkp-lifecycle/backstage-plugin-nkp-common';

/** A scaffolder field: its `ui:field` name, component, validation and value schema. */
export interface NkpScaffolderField<T> {
  name: string;
  component: (props: FieldExtensionComponentProps<T>) => JSX.Element | null;
  validation: CustomFieldValidator<T>;
  schema: FieldSchema<T, {}>;
}

/** The field as the scaffolder's `FieldExtensionOptions` (legacy extensions, the `Stepper`). */
export function fieldExtensionOptions<T>(
  field: NkpScaffolderField<T>,
): FieldExtensionOptions<T> {
  return {
    name: field.name,
    component: field.component,
    validation: field.validation,
    schema: field.schema.schema,
  };
}

/**
 * The values of the other fields: the scaffolder passes every step's form data as
 * `formContext.formData` to fields and as `formData` to validations.
 */
export function siblingValues(formData: unknown): Partial<NkpClusterRequest> {
  return (formData ?? {}) as Partial<NkpClusterRequest>;
}

/** The field's label: the template's `title`, else the field's own. */
export function fieldLabel(
  props: { schema: { title?: string }; uiSchema?: { 'ui:title'?: string } },
  fallback: string,
): string {
  return props.uiSchema?.['ui:title'] ?? props.schema.title ?? fallback;
}

/** The field's help: the template's `description`, else the field's own. */
export function fieldHelp(
  props: {
    schema: { description?: string };
    uiSchema?: { 'ui:description'?: string };
  },
  fallback?: string,
): string | undefined {
  return (
    props.uiSchema?.['ui:description'] ?? props.schema.description ?? fallback
  );
}
