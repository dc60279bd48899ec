import { renameSync, writeFileSync } from 'node:fs';

/** Writes JSON to a temporary file and renames it over the target: readers see the old or the new file, never half of one. */
export function writeJsonAtomic(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, file);
}
