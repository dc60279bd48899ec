/**
 * Impact-ordered postings: for every stem, the passages that contain it (as a word or as a
 * compound part), the best BM25 impact first, at most POSTINGS_KEPT of them, with the stem's exact
 * passage and document frequency. Built from the lean passage records after an ingest that changed
 * anything (`buildPostings`), one Meilisearch record per stem.
 *
 * Why: keyword retrieval otherwise asks Meilisearch for each term's passages and their stems (a
 * multi-search per term and one for the statistics), and Meilisearch's cost grows with every hit it
 * reads: on 10 000 documents that was 11 of the 16 ms of its CPU per search (BENCHMARKS.md). One
 * read of a few postings records replaces both. It is also a better sample: Meilisearch returns a
 * common term's passages in storage order, the postings keep its best ones.
 *
 * A search uses the postings only when they describe the index as it is: every write or removal
 * first deletes the `meta` record, and a rebuild writes it last, so a search during an ingest (or
 * after one that crashed) falls back to asking Meilisearch (index/keyword-search.ts).
 */
import { createHash } from 'node:crypto';
import { MeiliError, type MeiliClient } from './meili-client.ts';
import type { IndexNames } from './settings.ts';
import { inList } from './filter.ts';
import { BM25, DOC_SHARE, SECOND_PASSAGE_SHARE } from './bm25.ts';

/** Passages kept per stem. A stem in more passages keeps its best ones (`complete` false). */
export const POSTINGS_KEPT = 500;
/**
 * The passage and document lengths impacts are normalised by when choosing what to keep: constants,
 * not the archive's means, so a stem's record changes only when its own passages do, and a nightly
 * run rewrites few records.
 */
const REFERENCE_LENGTH = 120;
const REFERENCE_DOC_LENGTH = 1_000;
/** Bumped when the records' shape changes: older ones are not read. */
const POSTINGS_VERSION = 1;
const META_ID = 'meta';
const READ_PAGE = 5_000;
/** Postings records sent per request (a request is at most ~20 MB: index/meili-client.ts). */
const WRITE_BATCH = 1_000;
/** Meilisearch ids are at most 511 bytes; longer "stems" (URLs, runs of digits) are not kept. */
const MAX_TERM_BYTES = 300;

export const POSTINGS_SETTINGS = { searchableAttributes: [], filterableAttributes: ['id'], sortableAttributes: [], rankingRules: ['words'] };

/** A stem's record id: Meilisearch ids allow only [A-Za-z0-9_-]. */
export const postingsKey = (term: string) => `t${Buffer.from(term, 'utf8').toString('base64url')}`;

/** One passage of a stem: how often the stem occurs as a word and as a compound part, and the lengths BM25 needs. */
export interface Posting { id: string; docId: string; words: number; parts: number; length: number; docLength: number }
export interface TermPostings { df: number; docDf: number; complete: boolean; postings: Posting[] }
export interface Postings { passages: number; documents: number; terms: Map<string, TermPostings> }

interface PostingsRecord { id: string; df: number; docDf: number; hash: string; docs: string; postings: string }
interface MetaRecord { id: string; version: number; passages: number; documents: number; builtAt: string }

/**
 * The postings of `terms`, or null when there are none to trust (never built, an ingest under way,
 * an older shape). A stem no passage has is absent from the map.
 */
export async function readPostings(client: MeiliClient, names: IndexNames, terms: string[], perTerm = Infinity): Promise<Postings | null> {
  const keys = terms.filter((t) => Buffer.byteLength(t) <= MAX_TERM_BYTES).map(postingsKey);
  let results: (PostingsRecord | MetaRecord)[];
  try {
    ({ results } = await client.getDocuments<PostingsRecord | MetaRecord>(names.postings, { filter: inList('id', [META_ID, ...keys]), limit: keys.length + 1 }));
  } catch (err) {
    if (err instanceof MeiliError && err.code === 'index_not_found') return null;
    throw err;
  }
  const meta = results.find((r): r is MetaRecord => r.id === META_ID);
  if (!meta || meta.version !== POSTINGS_VERSION) return null;
  const byKey = new Map(results.filter((r): r is PostingsRecord => r.id !== META_ID).map((r) => [r.id, r]));
  const out = new Map<string, TermPostings>();
  for (const term of terms) {
    const r = byKey.get(postingsKey(term));
    if (r) out.set(term, decode(r, perTerm));
  }
  return { passages: meta.passages, documents: meta.documents, terms: out };
}

/**
 * A record's first `limit` postings, parsed by hand: splitting each into arrays was a tenth of a
 * search's CPU. An entry is `doc:id:words:parts:length`, `doc` its index in
 * `docs` (`docId:docLength`), `id` the passage id or, when it is the document's id and a suffix, `-suffix`.
 */
function decode(r: PostingsRecord, limit: number): TermPostings {
  const docs = r.docs.split(' ').map((d) => { const i = d.lastIndexOf(':'); return { docId: d.slice(0, i), docLength: Number(d.slice(i + 1)) }; });
  const postings: Posting[] = [];
  const s = r.postings;
  for (let start = 0; start < s.length && postings.length < limit;) {
    let end = s.indexOf(' ', start);
    if (end === -1) end = s.length;
    const a = s.indexOf(':', start);
    const b = s.indexOf(':', a + 1);
    const c = s.indexOf(':', b + 1);
    const d = s.indexOf(':', c + 1);
    const doc = docs[Number(s.slice(start, a))]!;
    const id = s.charCodeAt(a + 1) === 45 ? doc.docId + s.slice(a + 1, b) : s.slice(a + 1, b);
    postings.push({ id, docId: doc.docId, words: Number(s.slice(b + 1, c)), parts: Number(s.slice(c + 1, d)), length: Number(s.slice(d + 1, end)), docLength: doc.docLength });
    start = end + 1;
  }
  return { df: r.df, docDf: r.docDf, complete: postings.length >= r.df, postings };
}

/** Marks the postings stale before the passages change: searches ask Meilisearch until the next build. */
export async function invalidatePostings(client: MeiliClient, names: IndexNames): Promise<void> {
  try {
    await client.run('DELETE', `/indexes/${names.postings}/documents/${META_ID}`);
  } catch (err) {
    if (!(err instanceof MeiliError && err.code === 'index_not_found')) throw err;
  }
}

export async function hasPostings(client: MeiliClient, names: IndexNames): Promise<boolean> {
  try {
    const meta = await client.getDocument<MetaRecord>(names.postings, META_ID);
    return meta.version === POSTINGS_VERSION;
  } catch (err) {
    if (err instanceof MeiliError && (err.code === 'index_not_found' || err.code === 'document_not_found')) return false;
    throw err;
  }
}

interface LeanPassage { id: string; docId: string; stems: string; partStems?: string; termCount: number; docTermCount: number }

/**
 * Postings of every stem from the lean passage records. Only records whose content changed are
 * written and only stems that are gone are deleted; the meta record goes last.
 */
export async function buildPostings(client: MeiliClient, names: IndexNames, kept = POSTINGS_KEPT): Promise<{ terms: number; written: number; removed: number }> {
  await client.ensureIndex(names.postings, 'id');
  await client.updateSettings(names.postings, POSTINGS_SETTINGS);
  await invalidatePostings(client, names);
  const collected = await collect(client, names);
  const old = await existingHashes(client, names);
  // Records are sent as they are encoded, a payload at a time, and confirmed at the end: the whole
  // set (tens of MB of strings) is never held at once.
  const tasks: number[] = [];
  let pending: PostingsRecord[] = [];
  let written = 0;
  const send = async () => {
    tasks.push(...(await client.enqueueDocuments(names.postings, pending)));
    written += pending.length;
    pending = [];
  };
  for (const [term, t] of collected.terms) {
    if (Buffer.byteLength(term) > MAX_TERM_BYTES) continue;
    const record = encode(term, collected.lists[t]!.subarray(0, collected.lengths[t]!), collected, kept);
    const previous = old.get(record.id);
    old.delete(record.id);
    if (previous !== record.hash) pending.push(record);
    if (pending.length >= WRITE_BATCH) await send();
  }
  await send();
  for (const task of tasks) await client.waitTask(task);
  old.delete(META_ID);
  const gone = [...old.keys()];
  for (let i = 0; i < gone.length; i += 10_000) await client.run('POST', `/indexes/${names.postings}/documents/delete-batch`, gone.slice(i, i + 10_000));
  const meta: MetaRecord = { id: META_ID, version: POSTINGS_VERSION, passages: collected.passageIds.length, documents: collected.docIds.length, builtAt: new Date().toISOString() };
  await client.addDocuments(names.postings, [meta]);
  return { terms: collected.terms.size, written, removed: gone.length };
}

/**
 * Every passage's lengths, and per stem a flat list of (passage, word count, part count), in typed
 * arrays: the lists of 10 000 documents hold ~11 million numbers, which as JS arrays (8 bytes each,
 * regrown by copying) and per-passage count maps made this step the ingest's peak of memory.
 */
async function collect(client: MeiliClient, names: IndexNames) {
  const passageIds: string[] = [];
  const passageDoc: number[] = [];
  const passageLength: number[] = [];
  const docIds: string[] = [];
  const docLength: number[] = [];
  const docIndex = new Map<string, number>();
  /** Each stem's number, in the order stems are first met; its list and how much of it is used. */
  const terms = new Map<string, number>();
  const lists: Int32Array<ArrayBuffer>[] = [];
  const lengths: number[] = [];
  // One passage's counts per stem number, and the stems it has in the order first met (reset after each passage).
  let words = new Int32Array(1024);
  let parts = new Int32Array(1024);
  const met: number[] = [];
  const count = (stems: string, into: 'words' | 'parts') => {
    for (let start = 0; start < stems.length;) {
      let end = stems.indexOf(' ', start);
      if (end === -1) end = stems.length;
      if (end > start) {
        const w = stems.slice(start, end);
        let t = terms.get(w);
        if (t === undefined) {
          t = terms.size;
          terms.set(w, t);
          lists.push(new Int32Array(6));
          lengths.push(0);
          if (t >= words.length) { words = grow(words, 2 * words.length); parts = grow(parts, 2 * parts.length); }
        }
        if (words[t] === 0 && parts[t] === 0) met.push(t);
        (into === 'words' ? words : parts)[t]!++;
      }
      start = end + 1;
    }
  };
  for (let offset = 0; ; offset += READ_PAGE) {
    const page = await client.getDocuments<LeanPassage>(names.terms, { fields: ['id', 'docId', 'stems', 'partStems', 'termCount', 'docTermCount'], limit: READ_PAGE, offset });
    for (const p of page.results) {
      let doc = docIndex.get(p.docId);
      if (doc === undefined) {
        doc = docIds.push(p.docId) - 1;
        docLength.push(p.docTermCount);
        docIndex.set(p.docId, doc);
      }
      const passage = passageIds.push(p.id) - 1;
      passageDoc.push(doc);
      passageLength.push(p.termCount);
      count(p.stems, 'words');
      count(p.partStems ?? '', 'parts');
      for (const t of met) {
        let list = lists[t]!;
        const n = lengths[t]!;
        if (n + 3 > list.length) list = lists[t] = grow(list, 2 * list.length);
        list[n] = passage;
        list[n + 1] = words[t]!;
        list[n + 2] = parts[t]!;
        lengths[t] = n + 3;
        words[t] = 0;
        parts[t] = 0;
      }
      met.length = 0;
    }
    if (page.results.length < READ_PAGE) break;
  }
  return { passageIds, passageDoc, passageLength, docIds, docLength, terms, lists, lengths };
}
type Collected = Awaited<ReturnType<typeof collect>>;

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * A stem's record: the passages of its best documents, as a one-word query would rank them (half
 * the best passage plus half the second, half the whole document's BM25, each relative to the
 * best: index/keyword-search.ts), until POSTINGS_KEPT passages. Keeping whole documents keeps their
 * document-level frequency exact; ranking the documents as the search does keeps a one-word
 * query's top documents exact. Lengths are normalised by reference lengths, not the archive's
 * means, so a record changes only when its own passages do. Ties go by id: the same order on every build.
 */
function encode(term: string, flat: Int32Array, c: Collected, keep: number): PostingsRecord {
  const n = flat.length / 3;
  const byDoc = new Map<number, { doc: number; tf: number; entries: { i: number; impact: number }[] }>();
  for (let i = 0; i < n; i++) {
    const passage = flat[3 * i]!;
    const doc = c.passageDoc[passage]!;
    const tf = flat[3 * i + 1]! + 0.5 * flat[3 * i + 2]!;
    const d = byDoc.get(doc) ?? byDoc.set(doc, { doc, tf: 0, entries: [] }).get(doc)!;
    d.tf += tf;
    d.entries.push({ i, impact: impact(tf, c.passageLength[passage]!, REFERENCE_LENGTH) });
  }
  const id = (i: number) => c.passageIds[flat[3 * i]!]!;
  const docs = [...byDoc.values()].map((d) => {
    d.entries.sort((x, y) => y.impact - x.impact || (id(x.i) < id(y.i) ? -1 : 1));
    return { ...d, passages: d.entries[0]!.impact + SECOND_PASSAGE_SHARE * (d.entries[1]?.impact ?? 0), whole: impact(d.tf, c.docLength[d.doc]!, REFERENCE_DOC_LENGTH) };
  });
  const maxPassages = Math.max(...docs.map((d) => d.passages));
  const maxWhole = Math.max(...docs.map((d) => d.whole));
  const score = (d: (typeof docs)[number]) => (1 - DOC_SHARE) * (d.passages / maxPassages) + DOC_SHARE * (d.whole / maxWhole);
  const ranked = docs.map((d) => ({ d, score: score(d), docId: c.docIds[d.doc]! })).sort((x, y) => y.score - x.score || (x.docId < y.docId ? -1 : 1));
  const docList: string[] = [];
  const entries: string[] = [];
  for (const { d, docId } of ranked) {
    if (entries.length && entries.length + d.entries.length > keep) break;
    const local = docList.push(`${docId}:${c.docLength[d.doc]}`) - 1;
    for (const { i } of d.entries) {
      const passage = flat[3 * i]!;
      const pid = c.passageIds[passage]!;
      entries.push(`${local}:${pid.startsWith(`${docId}-`) ? pid.slice(docId.length) : pid}:${flat[3 * i + 1]}:${flat[3 * i + 2]}:${c.passageLength[passage]}`);
    }
  }
  const docsField = docList.join(' ');
  const postings = entries.join(' ');
  const hash = createHash('sha1').update(`${n} ${byDoc.size}\n${docsField}\n${postings}`).digest('base64url');
  return { id: postingsKey(term), df: n, docDf: byDoc.size, hash, docs: docsField, postings };
}

/** BM25's term-frequency saturation at a reference length (idf left out: one term orders by it alone). */
function impact(tf: number, length: number, reference: number): number {
  const { k1, b } = BM25;
  return tf / (tf + k1 * (1 - b + (b * length) / reference));
}

/** The hash of every postings record written before. */
async function existingHashes(client: MeiliClient, names: IndexNames): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 20_000) {
    const page = await client.getDocuments<{ id: string; hash?: string }>(names.postings, { fields: ['id', 'hash'], limit: 20_000, offset });
    for (const r of page.results) out.set(r.id, r.hash ?? '');
    if (page.results.length < 20_000) return out;
  }
}
