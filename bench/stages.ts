/** Per-format throughput of read, clean and extract over a list of files (after one untimed warm-up pass). */
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import type { Config } from '../lib/config.ts';

interface Stage { files: number; pages: number; read: number; clean: number; extract: number }

export async function stageTable(files: string[], config: Config): Promise<string[]> {
  for (const file of files.slice(0, 50)) {
    const raw = await readDocument(file, config.limits).catch(() => null);
    if (raw) extractDocument(cleanDocument(raw), { chunkWords: config.chunkWords });
  }
  const perFormat = new Map<string, Stage>();
  for (const file of files) {
    const t0 = performance.now();
    const raw = await readDocument(file, config.limits).catch(() => null);
    if (!raw) continue;
    const t1 = performance.now();
    const clean = cleanDocument(raw);
    const t2 = performance.now();
    extractDocument(clean, { chunkWords: config.chunkWords });
    const t3 = performance.now();
    const s = perFormat.get(raw.format) ?? { files: 0, pages: 0, read: 0, clean: 0, extract: 0 };
    s.files++; s.pages += raw.pageCount; s.read += t1 - t0; s.clean += t2 - t1; s.extract += t3 - t2;
    perFormat.set(raw.format, s);
  }
  const rate = (n: number, ms: number) => (ms > 0 ? (n / (ms / 1000)).toFixed(0) : '–');
  return [
    '| format | files | pages | read | clean | extract | read+clean+extract |',
    '|---|---|---|---|---|---|---|',
    ...[...perFormat].map(([format, s]) => `| ${format} | ${s.files} | ${s.pages} | ${rate(s.files, s.read)} docs/s (${rate(s.pages, s.read)} pages/s) | ${rate(s.files, s.clean)} docs/s | ${rate(s.files, s.extract)} docs/s | ${rate(s.files, s.read + s.clean + s.extract)} docs/s |`),
  ];
}
