/*
 * Upgrade plans and exceptions for a run: YAML or JSON lists of the engine's `UpgradePlan` and
 * `PolicyException`, validated with its own schemas. Errors name the file and the field.
 */

import {
  PolicyException,
  UpgradePlan,
  parsePolicyInput,
  policyExceptionSchema,
  upgradePlanSchema,
} from '@nkp-lifecycle/backstage-plugin-nkp-common';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export async function readPlans(
  file: string,
  cwd: string,
): Promise<UpgradePlan[]> {
  return readList(file, cwd, 'upgrade plans', items =>
    parsePolicyInput(
      upgradePlanSchema.array(),
      items,
      `upgrade plans in ${file}`,
    ),
  );
}

export async function readExceptions(
  file: string,
  cwd: string,
): Promise<PolicyException[]> {
  return readList(file, cwd, 'exceptions', items =>
    parsePolicyInput(
      policyExceptionSchema.array(),
      items,
      `exceptions in ${file}`,
    ),
  );
}

async function readList<T extends { id: string }>(
  file: string,
  cwd: string,
  what: string,
  validate: (items: unknown) => T[],
): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${what} ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    // YAML 1.2 reads JSON too.
    data = parseYaml(text);
  } catch (error) {
    throw new Error(`Failed to parse ${file}: ${(error as Error).message}`);
  }
  // An empty file is an empty list, e.g. a pipeline that has no exceptions yet.
  const items = validate(data ?? []);

  // The engine reports plans by id, and the backend's database keeps ids unique.
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      throw new Error(
        `Invalid ${what} in ${file}: [${index}].id: "${item.id}" is already the id of [${first}]`,
      );
    }
    seen.set(item.id, index);
  });
  return items;
}
