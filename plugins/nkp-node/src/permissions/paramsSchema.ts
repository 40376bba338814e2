/**
 * Parameter schemas of the permission rules as Standard Schema with JSON Schema output, the form
 * the permissions framework asks for. The rule parameters are simple (one list of strings), and
 * the zod version this package uses does not produce Standard JSON Schema, so they are written
 * out by hand.
 */

type StringListParams<K extends string> = { [key in K]: string[] };

/** A schema for `{ [key]: string[] }`. */
export function stringListParams<const K extends string>(
  key: K,
  description: string,
) {
  const jsonSchema = () => ({
    type: 'object',
    properties: {
      [key]: { type: 'array', items: { type: 'string' }, description },
    },
    required: [key],
    additionalProperties: false,
  });
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'nkp-lifecycle',
      validate(value: unknown) {
        const list =
          typeof value === 'object' && value !== null
            ? (value as Record<string, unknown>)[key]
            : undefined;
        if (!Array.isArray(list) || !list.every(v => typeof v === 'string')) {
          return {
            issues: [
              { message: `'${key}' must be a list of strings`, path: [key] },
            ],
          };
        }
        return { value: { [key]: list } as StringListParams<K> };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
      types: undefined as
        | { input: StringListParams<K>; output: StringListParams<K> }
        | undefined,
    },
  };
}
