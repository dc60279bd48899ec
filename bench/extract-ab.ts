/**
 * Text extraction throughput of this checkout beside another one (a base commit), on a shared
 * machine: both pipelines (read + clean + extract) are bundled and loaded into one process and run
 * file by file in turn (which goes first alternates), so the load of other work falls on both
 * alike. CPU time (`process.cpuUsage`) and wall time per stage and format, over all rounds.
 *
 *   git worktree add /tmp/base 288ecd5 && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/extract-ab.ts --baseline /tmp/base [--docs 2000] [--rounds 2]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { loadConfig, PROJECT_ROOT } from '../lib/config.ts';

interface Pipeline {
  readDocument: typeof import('../ingest/index.ts').readDocument;
  cleanDocument: typeof import('../ingest/index.ts').cleanDocument;
  extractDocument: typeof import('../extract/index.ts').extractDocument;
}
interface Sums { n: number; cpu: number[]; wall: number[] }

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const baseline = opt('baseline');
if (!baseline) throw new Error('--baseline DIR (another checkout of the project) is required');
const rounds = Number(opt('rounds') ?? 2);
const work = mkdtempSync(path.join(os.tmpdir(), 'minutes-extract-ab-'));

/** One checkout's pipeline as an ES module bundle in `work`, its packages left as imports. */
async function bundle(root: string, name: string): Promise<Pipeline> {
  const entry = path.join(root, `.extract-ab-${process.pid}.ts`);
  writeFileSync(entry, "export { readDocument, cleanDocument } from './ingest/index.ts';\nexport { extractDocument } from './extract/index.ts';\n");
  // Inside the checkout, so that its data and compiled lexicon are the ones found.
  const outfile = path.join(root, 'build', `extract-ab-${name}-${process.pid}.mjs`);
  try {
    await build({ absWorkingDir: root, entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning' });
  } finally { rmSync(entry, { force: true }); }
  try { return (await import(outfile)) as Pipeline; } finally { rmSync(outfile, { force: true }); }
}

const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
try {
  const dir = path.join(work, 'archive');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'generate-archive.ts'), dir, '--docs', opt('docs') ?? '2000'], { stdio: 'ignore' });
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(dir, f));
  const pipelines: Record<string, Pipeline> = { base: await bundle(path.resolve(baseline), 'base'), new: await bundle(PROJECT_ROOT, 'new') };
  const config = loadConfig();
  const sums = new Map<string, Sums>();
  const one = async (name: string, file: string, record: boolean) => {
    const p = pipelines[name]!;
    const c = [cpu()]; const w = [performance.now()];
    const raw = await p.readDocument(file, config.limits);
    c.push(cpu()); w.push(performance.now());
    const clean = p.cleanDocument(raw);
    c.push(cpu()); w.push(performance.now());
    p.extractDocument(clean, { chunkWords: config.chunkWords });
    c.push(cpu()); w.push(performance.now());
    if (!record) return;
    const key = `${name} ${raw.format}`;
    const s = sums.get(key) ?? { n: 0, cpu: [0, 0, 0], wall: [0, 0, 0] };
    s.n++;
    for (let k = 0; k < 3; k++) { s.cpu[k]! += c[k + 1]! - c[k]!; s.wall[k]! += w[k + 1]! - w[k]!; }
    sums.set(key, s);
  };
  // One untimed pass over the first files, so both are compiled by V8 before timing.
  for (const file of files.slice(0, 50)) for (const name of ['base', 'new']) await one(name, file, false);
  let turn = 0;
  for (let r = 0; r < rounds; r++) for (const file of files) for (const name of turn++ % 2 ? ['new', 'base'] : ['base', 'new']) await one(name, file, true);
  const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
  const rows = ['| code | time | format | docs | read | clean | extract | read+clean+extract |', '|---|---|---|---|---|---|---|---|'];
  for (const time of ['cpu', 'wall'] as const) {
    for (const [key, s] of [...sums].sort()) {
      const [name, format] = key.split(' ');
      const t = s[time];
      rows.push(`| ${name} | ${time} | ${format} | ${s.n} | ${rate(s.n, t[0]!)} docs/s | ${rate(s.n, t[1]!)} docs/s | ${rate(s.n, t[2]!)} docs/s | ${rate(s.n, t[0]! + t[1]! + t[2]!)} docs/s |`);
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
