/**
 * Scoring a document and its twin in another format against the same gold, for the format-path
 * benches (bench/docx-path.ts, bench/text-path.ts): what the twin's reader loses is the difference.
 */
import { readDocument, cleanDocument } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';
import { emptyScore, formatMisses, formatScore, scoreReal, type RealGold } from '../scripts/score-extraction.ts';

const LIMITS = { maxFileBytes: 1e8, maxPages: 1000, parseTimeoutMs: 60_000 };
const extract = async (file: string) => extractDocument(cleanDocument(await readDocument(file, LIMITS)), { chunkWords: 250 }).extraction;

export interface Twin { gold: RealGold; original: string; twin: string }

/** Scores each original and its twin, and prints both tables (`misses`: the twin's misses, some fields or all). */
export async function reportTwins(twins: Twin[], title: string, labels: [string, string], misses: string[] | null): Promise<void> {
  const totals = [emptyScore(), emptyScore()] as const;
  for (const { gold, original, twin } of twins) {
    scoreReal(gold, await extract(original), totals[0]);
    scoreReal(gold, await extract(twin), totals[1]);
  }
  const rows = (s: string) => s.split('\n').filter((l) => /^\| [a-zA-Z]+ \|/.test(l)).join('\n');
  console.log(`${totals[1].docs} ${title}:\n\n### ${labels[0]}\n\n${rows(formatScore(totals[0]))}\n\n### ${labels[1]}\n\n${rows(formatScore(totals[1]))}`);
  if (misses) console.log(`\n### ${labels[1]}: misses and extras\n\n${formatMisses(totals[1], misses.length && misses[0] ? misses : undefined)}`);
}

/** `--misses [fields]` of a bench's arguments: null when absent, [] for all fields. */
export const missesArg = (args: string[]) => (args.includes('--misses') ? args[args.indexOf('--misses') + 1]?.split(',') ?? [] : null);
