/**
 * Text extraction throughput (read + clean + extract, one file at a time on one core) on a
 * generated archive of text/Markdown minutes and protocols: the ≥ 200 documents/s target.
 *
 *   npx tsx bench/extract-bench.ts [--docs 2000] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';
import { stageTable } from './stages.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const dir = mkdtempSync(path.join(os.tmpdir(), 'minutes-extract-bench-'));
try {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'generate-archive.ts'), dir, '--docs', String(opt('docs', 2000))], { stdio: 'ignore' });
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(dir, f));
  for (let run = 1; run <= opt('runs', 3); run++) {
    const rows = await stageTable(files, loadConfig());
    process.stdout.write(`run ${run}\n${rows.join('\n')}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
