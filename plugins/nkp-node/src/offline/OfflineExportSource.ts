/*
 * Reads NKP objects from files or folders of `kubectl get -o yaml|json` output, for tenants the
 * portal cannot reach and for air-gapped sites. Folders are read recursively (YAML and JSON files,
 * hidden entries skipped), in a stable order.
 */

import { InputError } from '@backstage/errors';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RawObject } from '../normalise';
import { NkpSource, RawObjects } from '../NkpSource';
import { parseExport } from './parseExport';

const EXPORT_FILE = /\.(ya?ml|json)$/i;

/** @public */
export class OfflineExportSource implements NkpSource {
  private readonly paths: string[];

  /** `paths` are files or folders; relative paths resolve against `baseDir` (default: cwd). */
  constructor(paths: string[], baseDir: string = process.cwd()) {
    this.paths = paths.map(p => resolve(baseDir, p));
  }

  async read(signal: AbortSignal): Promise<RawObjects> {
    const files: string[] = [];
    for (const path of this.paths) {
      files.push(...(await listExportFiles(path)));
    }
    const objects: RawObject[] = [];
    for (const file of files) {
      signal.throwIfAborted();
      const text = await readFile(file, { encoding: 'utf8', signal });
      objects.push(...parseExport(text, file));
    }
    return { objects };
  }
}

async function listExportFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(
      `Cannot read NKP export ${path}: ${(error as Error).message}`,
    );
  }
  if (info.isFile()) {
    return [path];
  }
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const files = entries
    .filter(entry => entry.isFile() && EXPORT_FILE.test(entry.name))
    .map(entry => join(entry.parentPath, entry.name))
    .filter(
      file =>
        !file
          .slice(path.length)
          .split(/[\\/]/)
          .some(part => part.startsWith('.')),
    )
    .sort();
  if (files.length === 0) {
    // An empty folder is almost always a wrong path; treating it as "no clusters" would be a
    // silent wipe if the empty-result guard were ever relaxed.
    throw new InputError(
      `NKP export folder ${path} contains no .yaml, .yml or .json files`,
    );
  }
  return files;
}
