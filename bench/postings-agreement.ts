/**
 * How close keyword retrieval comes to exhaustive BM25 on a running archive (MEILI_URL /
 * MEILI_MASTER_KEY): each query's top 10 with candidates asked of Meilisearch, and with the term
 * postings read up to several caps per term, against the top 10 when every term's postings are
 * complete. Queries: data/eval/archive-queries.json and bench/search-latency.ts's ten.
 *
 * It rebuilds the archive's postings (complete, then as ingest writes them): run it on a bench
 * archive, not one that is being searched.
 *
 *   MEILI_URL=… MEILI_MASTER_KEY=… npx tsx bench/postings-agreement.ts [--caps 150,300,500]
 */
import { readFileSync } from 'node:fs';
import { MeiliClient, ArchiveIndex } from '../index/index.ts';
import { rankByKeywords } from '../index/keyword-search.ts';
import { termsOf } from '../index/search.ts';
import { buildPostings, invalidatePostings } from '../index/term-postings.ts';

const args = process.argv.slice(2);
const capsArg = args.indexOf('--caps');
const caps = (capsArg >= 0 ? args[capsArg + 1]! : '150,300,500').split(',').map(Number);
const client = new MeiliClient(process.env.MEILI_URL!, process.env.MEILI_MASTER_KEY ?? '');
const { names } = new ArchiveIndex(client, '', null);
const queries = [
  ...(JSON.parse(readFileSync('data/eval/archive-queries.json', 'utf8')) as { q: string }[]).map((q) => q.q),
  'kompetensförsörjning', 'brist på arbetskraft', 'Ukraina', 'civilt försvar', 'kollektivtrafik landsbygden', 'skolresultat', 'nära vård', 'Värmlandsbanan', 'gränshinder Norge', 'pandemin',
].filter((q) => termsOf(q).length);

const top10 = (perTerm: number) => Promise.all(queries.map(async (q) => (await rankByKeywords(client, names, termsOf(q), { documents: undefined, passages: undefined }, perTerm)).documents.slice(0, 10).map((d) => d.docId)));

await buildPostings(client, names, Number.MAX_SAFE_INTEGER);
const truth = await top10(Infinity);
await invalidatePostings(client, names);
const rows: [string, string[][]][] = [['candidates asked of Meilisearch (before)', await top10(Infinity)]];
await buildPostings(client, names);
for (const cap of caps) rows.push([`postings, ${cap} read per term`, await top10(cap)]);

// Queries with no hit at all (no word of theirs in this archive) say nothing about retrieval.
const judged = truth.flatMap((t, i) => (t.length ? [i] : []));
console.log(`${judged.length} queries with hits (of ${queries.length}); top 10 against exhaustive BM25 (every term's postings complete)\n`);
console.log('| retrieval | queries whose top 10 differs | mean overlap of the top 10 |\n|---|---|---|');
for (const [label, lists] of rows) {
  const differs = judged.filter((i) => lists[i]!.join() !== truth[i]!.join()).length;
  const overlap = judged.reduce((s, i) => s + lists[i]!.filter((d) => truth[i]!.includes(d)).length / truth[i]!.length, 0) / judged.length;
  console.log(`| ${label} | ${differs} / ${judged.length} | ${overlap.toFixed(3)} |`);
}
