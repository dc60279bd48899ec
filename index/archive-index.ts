/** Writes extracted documents to Meilisearch: chunks first, then the document record that marks the document complete. */
import type { MeiliClient } from './meili-client.ts';
import { CHUNKS_SETTINGS, DOCUMENTS_SETTINGS, indexNames, type IndexNames } from './settings.ts';
import { toChunkRecords, toDocumentRecord, type DocumentRecord } from './records.ts';
import { and, inList, quote } from './filter.ts';
import type { Extracted } from '../extract/index.ts';

export interface IndexedFile { id: string; source: string; sha256: string }

export class ArchiveIndex {
  readonly names: IndexNames;
  constructor(readonly client: MeiliClient, prefix = '') {
    this.names = indexNames(prefix);
  }

  /** Creates both indexes if missing and applies settings (a no-op for Meilisearch when unchanged). */
  async prepare(): Promise<void> {
    await this.client.ensureIndex(this.names.documents, 'id');
    await this.client.ensureIndex(this.names.chunks, 'id');
    await this.client.updateSettings(this.names.documents, DOCUMENTS_SETTINGS);
    await this.client.updateSettings(this.names.chunks, CHUNKS_SETTINGS);
  }

  /** Every document already indexed from `root`, with its content hash. */
  async indexedFiles(root: string): Promise<IndexedFile[]> {
    const out: IndexedFile[] = [];
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.client.getDocuments<IndexedFile>(this.names.documents, { filter: `root = ${quote(root)}`, fields: ['id', 'source', 'sha256'], limit, offset });
      out.push(...page.results);
      if (page.results.length < limit) return out;
    }
  }

  /**
   * Upserts a batch of documents. Chunk ids are stable per (document, ordinal), so new chunks
   * overwrite old ones in place and only the surplus of a shrunken document is deleted: a
   * searcher never sees a document without its passages.
   */
  async write(root: string, batch: (Extracted & { fileName: string })[]): Promise<DocumentRecord[]> {
    if (!batch.length) return [];
    const docs = batch.map((b) => toDocumentRecord(root, b.extraction, b.docId, b.chunks.length, b.fileName));
    const chunks = batch.flatMap((b, i) => toChunkRecords(docs[i]!, b.chunks));
    await this.client.addDocuments(this.names.chunks, chunks);
    await this.client.deleteByFilter(this.names.chunks, and(inList('docId', docs.map((d) => d.id)), `NOT (${inList('sha256', docs.map((d) => d.sha256))})`)!);
    await this.client.addDocuments(this.names.documents, docs);
    return docs;
  }

  /** Removes documents (and their chunks) whose files are gone. */
  async remove(docIds: string[]): Promise<void> {
    if (!docIds.length) return;
    await this.client.deleteByFilter(this.names.documents, inList('id', docIds));
    await this.client.deleteByFilter(this.names.chunks, inList('docId', docIds));
  }
}
