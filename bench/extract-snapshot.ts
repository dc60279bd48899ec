/**
 * Byte-identity check for speed work on extraction: every given file (directories recursively) is
 * read, cleaned and extracted, and each `extractDocument` output (extraction and chunks, as JSON)
 * is hashed. `--write FILE` stores the hashes; `--check FILE` compares and names only the files
 * whose output changed (never their content), so documents one may not read can be included.
 *
 *   npx tsx bench/extract-snapshot.ts --write /tmp/before.json data/real data/sample archive/
 *   npx tsx bench/extract-snapshot.ts --check /tmp/before.json data/real data/sample archive/
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { loadConfig } from '../lib/config.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const write = flag('write');
const check = flag('check');
if (!write === !check) throw new Error('one of --write FILE or --check FILE');
const DOCUMENT = /\.(txt|md|pdf|docx)$/i;
const files = args.flatMap((a) => statSync(a).isDirectory()
  ? (readdirSync(a, { recursive: true }) as string[]).map((f) => path.join(a, f))
  : [a]).filter((f) => DOCUMENT.test(f) && !/MANIFEST|README/.test(f)).sort();

const config = loadConfig();
const hashes: Record<string, string> = {};
for (const file of files) {
  const raw = await readDocument(file, config.limits).catch((e: Error) => ({ error: e.message }));
  const out = 'error' in raw ? raw : extractDocument(cleanDocument(raw), { chunkWords: config.chunkWords });
  hashes[file] = createHash('sha256').update(JSON.stringify(out)).digest('hex');
}
if (write) {
  writeFileSync(write, JSON.stringify(hashes, null, 1));
  process.stdout.write(`${files.length} outputs hashed into ${write}\n`);
} else {
  const before = JSON.parse(readFileSync(check!, 'utf8')) as Record<string, string>;
  const changed = files.filter((f) => before[f] !== hashes[f]);
  const missing = Object.keys(before).filter((f) => !(f in hashes));
  process.stdout.write(`${files.length} outputs, ${changed.length} changed, ${missing.length} missing\n${changed.map((f) => `changed ${f}`).join('\n')}\n`);
  if (changed.length || missing.length) process.exitCode = 1;
}
