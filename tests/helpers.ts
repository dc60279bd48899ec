/** Shared test helpers: the real seed documents (when the shared folder is present) and temp dirs. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/config.ts';

export const SEEDS_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'seeds');
export const HAS_SEEDS = existsSync(SEEDS_DIR);
export const seed = (prefix: string) => path.join(SEEDS_DIR, `${prefix}${{ '000': '_9270e990eef36d6b', '001': '_6df10ec04d010a6e', '002': '_b591f2e55e3e599f', '003': '_4b071103fdb5add5', '004': '_c610947463ad127c' }[prefix]}.txt`);
export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'data', 'sample');

export function tempDir(label: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `minutes-${label}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const LIMITS = { maxFileBytes: 50 * 2 ** 20, maxPages: 500, parseTimeoutMs: 30_000 };
