/*
 * Backstage's app-config syntax, as documented for the backend ("Writing Backstage Configuration
 * Files"): `${VAR}` and `${VAR:-fallback}` in strings (`$${` for a literal `${`), and the
 * single-key objects `$env: VAR`, `$file: path` (the file's text) and `$include: path[#a.b]` (a
 * YAML or JSON file, or one value in it), paths relative to the file they are written in. A value
 * whose variable is unset is left out, as in the backend.
 *
 * Written here rather than taken from @backstage/config-loader because that loader brings about
 * 70 MB of dependencies (TypeScript and a JSON-schema generator, for config schemas the CLI never
 * needs) into an install that is otherwise a few megabytes.
 */

import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ConfigSyntaxContext {
  /** The directory of the file the value was written in. */
  dir: string;
  env: Record<string, string | undefined>;
}

const INCLUDE_KEYS = ['$env', '$file', '$include'];

/**
 * `value` with every substitution and include resolved; undefined when it names an unset
 * variable. `path` is where the value is (`.nkp.policy`), for messages.
 */
export async function applyConfigSyntax(
  value: unknown,
  context: ConfigSyntaxContext,
  path: string = '',
): Promise<unknown> {
  if (typeof value === 'string') {
    return substitute(value, context.env);
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) {
      const resolved = await applyConfigSyntax(
        item,
        context,
        `${path}[${index}]`,
      );
      if (resolved !== undefined) {
        items.push(resolved);
      }
    }
    return items;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const entries = Object.entries(value);
  const include = entries.find(([key]) => INCLUDE_KEYS.includes(key));
  if (include) {
    if (entries.length !== 1) {
      throw new Error(
        `${where(path)}: ${include[0]} must be the only key of its object`,
      );
    }
    return resolveInclude(include[0], include[1], context, path);
  }
  const resolved: Record<string, unknown> = {};
  for (const [key, child] of entries) {
    const out = await applyConfigSyntax(child, context, `${path}.${key}`);
    if (out !== undefined) {
      resolved[key] = out;
    }
  }
  return resolved;
}

/** `${VAR}`, `${VAR:-fallback}` and `$${` in one string; undefined when a variable is unset. */
export function substitute(
  text: string,
  env: ConfigSyntaxContext['env'],
): string | undefined {
  const parts = text.split(/(\$?\$\{[^{}]*\})/);
  for (let i = 1; i < parts.length; i += 2) {
    const part = parts[i];
    if (part.startsWith('$$')) {
      parts[i] = part.slice(1);
      continue;
    }
    const [name, fallback] = part.slice(2, -1).split(/:-(.*)/s);
    const value = env[name.trim()]?.trim() || fallback?.trim() || undefined;
    if (value === undefined) {
      return undefined;
    }
    parts[i] = value;
  }
  return parts.join('');
}

async function resolveInclude(
  key: string,
  raw: unknown,
  context: ConfigSyntaxContext,
  path: string,
): Promise<unknown> {
  const target = typeof raw === 'string' ? substitute(raw, context.env) : raw;
  if (typeof target !== 'string') {
    throw new Error(
      `${where(path)}: ${key} must be a string${
        typeof raw === 'string' ? ' whose variables are set' : ''
      }`,
    );
  }
  if (key === '$env') {
    return context.env[target]?.trim();
  }
  const [file, valuePath] = target.split(/#(.*)/s);
  const fullPath = resolve(context.dir, file);
  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (error) {
    throw new Error(
      `${where(path)}: cannot read ${key} ${file}: ${(error as Error).message}`,
    );
  }
  if (key === '$file') {
    return text.trimEnd();
  }
  const ext = extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) {
    throw new Error(
      `${where(path)}: $include ${file} must be a .yaml, .yml or .json file`,
    );
  }
  let included: unknown;
  try {
    included = ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(
      `${where(path)}: cannot parse $include ${file}: ${
        (error as Error).message
      }`,
    );
  }
  for (const segment of valuePath ? valuePath.split('.') : []) {
    if (included === null || typeof included !== 'object') {
      throw new Error(
        `${where(
          path,
        )}: $include ${target}: ${file} has no object on the way to ${valuePath}`,
      );
    }
    included = (included as Record<string, unknown>)[segment];
  }
  // What the included file holds is relative to that file.
  return applyConfigSyntax(
    included,
    { ...context, dir: dirname(fullPath) },
    path,
  );
}

function where(path: string): string {
  return path ? path.slice(1) : 'the root';
}
