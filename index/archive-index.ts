/** Writes extracted documents to Meilisearch: chunks first, then the document record that marks the document complete. */
import { MeiliError, type MeiliClient } from './meili-client.ts';
import { chunksSettings, termsSettings, documentsSettings, FILES_SETTINGS, PEOPLE_SETTINGS, indexNames, type IndexNames } from './settings.ts';
import { toRecords, type DocumentRecord } from './records.ts';
import { and, inList, quote } from './filter.ts';
import { PersonResolver, personRecords, type DocumentPersons, type Mentions, type Extracted } from '../extract/index.ts';
import { configureEmbedder, fillMissingVectors, vectorFields } from './vectors.ts';
import { buildPostings, hasPostings, invalidatePostings } from './term-postings.ts';
import type { Embedder } from './embedder.ts';
import type { Person, PersonRecord } from '../lib/schema.ts';

/** The person fields cross-archive resolution reads. */
const PERSON_FIELDS = ['name', 'aliases', 'party', 'organisation', 'role', 'attendance', 'sections'] as const;
/**
 * Batches written and not yet confirmed indexed. More than one lets Meilisearch index consecutive
 * passage additions in one run, which costs less per document as the index grows.
 */
export const UNCONFIRMED_BATCHES = 3;
/** Persons are built and written in groups of at most this many mentions (~25 MB of meetings), found by at most this many spellings. */
const PEOPLE_GROUP_MENTIONS = 100_000;
const PEOPLE_GROUP_SPELLINGS = 1_000;

export interface IndexedFile { id: string; source: string; sha256: string; recordVersion?: number }
export interface FileState { id: string; source: string; root: string; sha256: string | null; status: 'indexed' | 'failed'; reason: string | null; lastRunAt: string }

export class ArchiveIndex {
  readonly names: IndexNames;
  /** Passages embedded by this instance (not taken from the vector cache). */
  embedded = 0;
  /** `embedder`: null for keyword-only work (no model, or a command that only searches by keyword). */
  /** Where vectors are looked up by content hash (the live chunks, also while a rebuild writes elsewhere). */
  private vectorCache: string;
  /** Batches enqueued in Meilisearch and not yet confirmed indexed, oldest first, with their vectors by content hash. */
  private unconfirmed: { tasks: number[]; vectors: Map<string, number[] | null> }[] = [];
  /** Whether this instance has marked the term postings stale (once, before its first change). */
  private postingsStale = false;

  constructor(readonly client: MeiliClient, prefix = '', readonly embedder: Embedder | null = null, names?: IndexNames) {
    this.names = names ?? indexNames(prefix);
    this.vectorCache = this.names.chunks;
  }

  /**
   * Fresh documents, chunks and passage terms indexes for a full rebuild: written beside the live ones,
   * reusing their vectors, then swapped in by `swapIn` so searchers never see a half-built index.
   */
  async rebuildTarget(): Promise<ArchiveIndex> {
    const names = { ...this.names, documents: `${this.names.documents}_rebuild`, chunks: `${this.names.chunks}_rebuild`, terms: `${this.names.terms}_rebuild` };
    for (const name of rebuilt(names)) await this.client.deleteIndex(name);
    const target = new ArchiveIndex(this.client, '', this.embedder, names);
    target.vectorCache = this.names.chunks;
    return target;
  }

  /** Swaps a finished rebuild in (one atomic Meilisearch operation) and drops the old indexes. */
  async swapIn(target: ArchiveIndex): Promise<void> {
    const live = rebuilt(this.names);
    const fresh = rebuilt(target.names);
    await this.stalePostings();
    await this.client.swapIndexes(live.map((name, i) => [name, fresh[i]!]));
    for (const name of fresh) await this.client.deleteIndex(name);
  }

  /** The archive folders indexed so far. */
  async roots(): Promise<string[]> {
    try {
      const res = await this.client.search(this.names.documents, { q: '', limit: 0, facets: ['root'] });
      return Object.keys(res.facetDistribution?.root ?? {});
    } catch (err) {
      if (err instanceof MeiliError && err.code === 'index_not_found') return [];
      throw err;
    }
  }

  /** Creates the indexes if missing and applies settings (a no-op for Meilisearch when unchanged). */
  async prepare(): Promise<void> {
    await this.client.ensureIndex(this.names.documents, 'id');
    await this.client.ensureIndex(this.names.chunks, 'id');
    await this.client.ensureIndex(this.names.terms, 'id');
    await this.client.updateSettings(this.names.documents, documentsSettings());
    await this.client.updateSettings(this.names.chunks, chunksSettings());
    await this.client.updateSettings(this.names.terms, termsSettings());
    await configureEmbedder(this.client, this.names.chunks, this.embedder);
    await this.client.ensureIndex(this.names.files, 'id');
    await this.client.updateSettings(this.names.files, FILES_SETTINGS);
  }

  /**
   * Records what happened to files in this run (indexed, or failed with the reason), and forgets
   * removed ones. Meilisearch's store is transactional per task: a crash leaves each record old or new.
   */
  async recordFiles(records: FileState[], removedIds: string[] = []): Promise<void> {
    if (records.length) await this.client.addDocuments(this.names.files, records);
    if (removedIds.length) await this.client.deleteByFilter(this.names.files, inList('id', removedIds));
  }

  /** Ids of the files of an archive folder that have a state record (for filling in lost ones). */
  async fileStateIds(root: string): Promise<Set<string>> {
    const ids = new Set<string>();
    try {
      for (let offset = 0; ; offset += 10_000) {
        const res = await this.client.getDocuments<{ id: string }>(this.names.files, { filter: `root = ${quote(root)}`, fields: ['id'], limit: 10_000, offset });
        for (const r of res.results) ids.add(r.id);
        if (res.results.length < 10_000) break;
      }
    } catch (err) {
      if (!(err instanceof MeiliError && err.code === 'index_not_found')) throw err;
    }
    return ids;
  }

  /** Files whose last processing failed, with the reason. */
  async failedFiles(root?: string): Promise<FileState[]> {
    const res = await this.client.getDocuments<FileState>(this.names.files, { filter: and('status = "failed"', root ? `root = ${quote(root)}` : null), limit: 10_000 });
    return res.results;
  }

  /** Fills in vectors that chunks lack for the current model; 0 without a model. */
  async fillMissingVectors(): Promise<number> {
    const filled = this.embedder ? await fillMissingVectors(this.client, this.names.chunks, this.embedder) : 0;
    this.embedded += filled;
    return filled;
  }

  /** Every document already indexed from `root`, with its content hash. */
  async indexedFiles(root: string): Promise<IndexedFile[]> {
    const out: IndexedFile[] = [];
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.client.getDocuments<IndexedFile>(this.names.documents, { filter: `root = ${quote(root)}`, fields: ['id', 'source', 'sha256', 'recordVersion'], limit, offset });
      out.push(...page.results);
      if (page.results.length < limit) return out;
    }
  }

  /**
   * Upserts a batch of documents. Chunk ids are stable per (document, ordinal), so new chunks
   * overwrite old ones in place and only the surplus of a shrunken document is deleted: a
   * searcher never sees a document without its passages. The batch's tasks are enqueued in that
   * order (passages whole and lean, surplus, document records) and Meilisearch runs them in order. The call returns
   * once at most UNCONFIRMED_BATCHES batches wait to be indexed, so the caller reads and embeds the
   * next batch while Meilisearch indexes; `settle` waits for the rest.
   */
  async write(root: string, batch: (Extracted & { fileName: string; replaces?: boolean })[]): Promise<DocumentRecord[]> {
    if (!batch.length) return [];
    await this.stalePostings();
    const built = batch.map((b) => toRecords(root, b.extraction, b.docId, b.chunks, b.fileName));
    const docs = built.map((b) => b.document);
    const records = built.flatMap((b) => b.chunks);
    const recent = new Map(this.unconfirmed.flatMap((u) => [...u.vectors]));
    const vectors = await vectorFields(this.client, this.vectorCache, records, this.embedder, recent);
    this.embedded += vectors.embedded;
    const chunks = records.map((r, i) => ({ ...r, ...vectors.fields[i] }));
    const tasks = await this.client.enqueueDocuments(this.names.chunks, chunks);
    tasks.push(...(await this.client.enqueueDocuments(this.names.terms, built.flatMap((b) => b.terms))));
    // Only documents indexed before can have surplus passages. (Skipping the deletion for new ones
    // also lets Meilisearch index consecutive passage additions in one run.)
    const replaced = docs.filter((_, i) => batch[i]!.replaces !== false);
    if (replaced.length) {
      const surplus = and(inList('docId', replaced.map((d) => d.id)), `NOT (${inList('sha256', replaced.map((d) => d.sha256))})`)!;
      for (const name of [this.names.chunks, this.names.terms]) tasks.push(await this.client.enqueue('POST', `/indexes/${name}/documents/delete`, { filter: surplus }));
    }
    tasks.push(...(await this.client.enqueueDocuments(this.names.documents, docs)));
    this.unconfirmed.push({ tasks, vectors: vectors.byHash });
    while (this.unconfirmed.length > UNCONFIRMED_BATCHES) await this.confirmOldest();
    return docs;
  }

  /** Waits until every batch written is indexed; throws if Meilisearch failed one. */
  async settle(): Promise<void> {
    while (this.unconfirmed.length) await this.confirmOldest();
  }

  private async confirmOldest(): Promise<void> {
    for (const task of this.unconfirmed[0]!.tasks) await this.client.waitTask(task);
    this.unconfirmed.shift();
  }

  /**
   * Rebuilds the `people` index from every indexed document: persons resolved across the archive
   * with their meetings. Built in a fresh index and swapped in, so readers never see half of it.
   * Memory stays bounded however large the archive: a first pass reads only the names, then the
   * persons are built and written a group at a time from the documents that mention them.
   */
  async rebuildPeople(group = { mentions: PEOPLE_GROUP_MENTIONS, spellings: PEOPLE_GROUP_SPELLINGS }): Promise<number> {
    const resolver = new PersonResolver();
    for await (const doc of this.documentPersons(['name', 'aliases'])) for (const p of doc.persons) resolver.add(p);
    const fresh = `${this.names.people}_next`;
    await this.client.deleteIndex(fresh);
    await this.client.ensureIndex(fresh, 'id');
    await this.client.updateSettings(fresh, PEOPLE_SETTINGS);
    const groups = resolver.groups(group.mentions, group.spellings);
    let count = 0;
    for (const { ids, spellings } of groups) {
      const found: Mentions = new Map();
      for await (const doc of this.documentPersons(PERSON_FIELDS, groups.length > 1 ? inList('persons', spellings) : undefined)) resolver.collect(doc, found, ids);
      const people = personRecords(found);
      await this.client.addDocuments(fresh, people);
      count += people.length;
    }
    await this.client.ensureIndex(this.names.people, 'id');
    await this.client.swapIndexes([[this.names.people, fresh]]);
    await this.client.deleteIndex(fresh);
    return count;
  }

  /**
   * The term postings keyword search reads (index/term-postings.ts), rebuilt from the lean passage
   * records after any change, or when they are missing (an older index, a run that stopped early).
   */
  async refreshPostings(changed: boolean): Promise<void> {
    if (changed || !(await hasPostings(this.client, this.names))) await buildPostings(this.client, this.names);
    this.postingsStale = false;
  }

  /** Before the passages change: searches stop trusting the postings until `refreshPostings`. */
  private async stalePostings(): Promise<void> {
    if (this.postingsStale) return;
    await invalidatePostings(this.client, this.names);
    this.postingsStale = true;
  }

  /** Documents with the given person fields (only what resolution needs: no evidence quotes), page by page. */
  private async *documentPersons(fields: readonly string[], filter?: string): AsyncGenerator<DocumentPersons> {
    type Doc = { id: string; title: string; date: string | null; body: string | null; bodyKey?: string | null; extraction?: { persons?: Person[] } };
    for (let offset = 0; ; offset += 500) {
      const page = await this.client.getDocuments<Doc>(this.names.documents, { filter, fields: ['id', 'title', 'date', 'body', 'bodyKey', ...fields.map((f) => `extraction.persons.${f}`)], limit: 500, offset });
      // A person's meetings name the body with its organisation: two municipalities' Kommunstyrelsen are two bodies.
      for (const d of page.results) yield { docId: d.id, title: d.title, date: d.date, body: d.bodyKey ?? d.body, persons: d.extraction?.persons ?? [] };
      if (page.results.length < 500) return;
    }
  }

  /**
   * Persons matching a name (every person, most meetings first, for an empty query), a page of
   * `limit` from `page` 1, with the exact number of matches (page-wise search counts exactly).
   */
  async searchPeople(q: string, limit = 10, page = 1): Promise<{ people: PersonRecord[]; total: number }> {
    const res = await this.client.search<PersonRecord>(this.names.people, { q, hitsPerPage: limit, page });
    return { people: res.hits.map(({ _formatted, _rankingScore, ...p }) => p as PersonRecord), total: res.totalHits ?? res.estimatedTotalHits ?? res.hits.length };
  }

  /** Number of resolved persons, or null when the people index has not been built. */
  async peopleCount(): Promise<number | null> {
    try {
      return (await this.client.stats(this.names.people)).numberOfDocuments;
    } catch (err) {
      if (err instanceof MeiliError && err.code === 'index_not_found') return null;
      throw err;
    }
  }

  /**
   * Removes documents whose files are gone, with their passages and file states. Search hits come
   * from the passages (keyword retrieval from their lean records), so they go first: a hit never outlives its document record (the other order
   * left a deleted document a hit, its page 404, for as long as the passages' deletion took). A
   * run killed in between leaves a record without passages, which the next run removes.
   */
  async remove(docIds: string[]): Promise<void> {
    if (!docIds.length) return;
    await this.stalePostings();
    await this.client.deleteByFilter(this.names.terms, inList('docId', docIds));
    await this.client.deleteByFilter(this.names.chunks, inList('docId', docIds));
    await this.client.deleteByFilter(this.names.documents, inList('id', docIds));
    await this.client.deleteByFilter(this.names.files, inList('id', docIds));
  }
}

/** The indexes a full rebuild writes beside the live ones and swaps in together. */
const rebuilt = (names: IndexNames) => [names.documents, names.chunks, names.terms];
