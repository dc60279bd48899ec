/**
 * Wall time of the `minutes` command as a user starts it: `search Ukraina` against a running
 * Meilisearch (MEILI_URL; the bench starts one and ingests the sample archive into it) and `--help`.
 * Median of 5 (wall, and CPU time by GNU time), the commands of each checkout run in turn so that all see the same load: this
 * checkout's compiled CLI, its sources through tsx (MINUTES_FROM_SOURCE=1), and with
 * `--baseline DIR` the `bin/minutes.js` of another checkout (e.g. the commit before the build step).
 *
 *   npx tsx bench/cli-wall.ts [--baseline DIR] [--runs 5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT, SAMPLE_ARCHIVE } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { connectMeili, MeiliClient, ArchiveIndex } from '../index/index.ts';
import { runIngest } from '../cli/ingest-job.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(opt('--runs') ?? 5);
const baseline = opt('--baseline');
const dir = mkdtempSync(path.join(os.tmpdir(), 'minutes-cli-bench-'));

const variants: { name: string; bin: string; env: Record<string, string> }[] = [
  ...(baseline ? [{ name: `baseline (${baseline})`, bin: path.join(baseline, 'bin', 'minutes.js'), env: {} }] : []),
  { name: 'sources through tsx', bin: path.join(PROJECT_ROOT, 'bin', 'minutes.js'), env: { MINUTES_FROM_SOURCE: '1' } },
  { name: 'compiled (build/)', bin: path.join(PROJECT_ROOT, 'bin', 'minutes.js'), env: {} },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const config = loadConfig({ ...process.env, MINUTES_DATA_DIR: path.join(dir, 'data'), MINUTES_EMBEDDINGS: 'off' });
  const conn = await connectMeili(config);
  try {
    await runIngest(SAMPLE_ARCHIVE, { full: false, config, index: new ArchiveIndex(new MeiliClient(conn.url, conn.key)), reporter: createReporter({ tty: false, quiet: true }) });
    const env = { ...process.env, MEILI_URL: conn.url, MEILI_MASTER_KEY: conn.key, MINUTES_DATA_DIR: path.join(dir, 'data'), MINUTES_EMBEDDINGS: 'off' };
    // A stale build would measure tsx under the compiled name.
    if (/compiled CLI \(build\/\) is/.test(spawnSync(process.execPath, [variants.at(-1)!.bin, '--help'], { env, encoding: 'utf8' }).stderr)) {
      throw new Error('the build is missing or older than the sources: run `npm run build:cli` first');
    }
    const commands = [['search', 'Ukraina'], ['--help']];
    const times = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      // The floor: Node starting and exiting with nothing to do.
      const f0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      floor.push(performance.now() - f0);
      for (const command of commands) {
        for (const v of variants) {
          const t0 = performance.now();
          // GNU time adds the command's CPU seconds (user + system), which a loaded machine inflates less than wall time.
          const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, v.bin, ...command], { env: { ...env, ...v.env }, cwd: dir, encoding: 'utf8' });
          const ms = performance.now() - t0;
          if (r.status !== 0 || !/Ukraina|Usage/.test(r.stdout)) throw new Error(`${v.name} ${command.join(' ')}: exit ${r.status}: ${r.stderr}`);
          const [, user, system] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) ?? [];
          const key = `${v.name}\t${command.join(' ')}`;
          times.set(key, [...(times.get(key) ?? []), ms]);
          cpu.set(key, [...(cpu.get(key) ?? []), (Number(user) + Number(system)) * 1000]);
        }
      }
    }
    process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.cpus().length} cores, Node ${process.version}\n\n| CLI | command | wall, median of ${runs} | wall, runs (s) | CPU (user + sys), median |\n|---|---|---|---|---|\n`);
    for (const [key, ts] of times) {
      const [name, command] = key.split('\t');
      process.stdout.write(`| ${name} | \`minutes ${command}\` | ${(median(ts) / 1000).toFixed(2)} s | ${ts.map((t) => (t / 1000).toFixed(2)).join(', ')} | ${(median(cpu.get(key)!) / 1000).toFixed(2)} s |\n`);
    }
    process.stdout.write(`| the floor: \`node -e 0\` | | ${(median(floor) / 1000).toFixed(2)} s | ${floor.map((t) => (t / 1000).toFixed(2)).join(', ')} | |\n`);
  } finally {
    await conn.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
