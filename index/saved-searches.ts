/**
 * Saved searches: a query and its filters under a name, kept in Meilisearch beside the archive
 * (durable, and shared by the CLI and the page). After each ingest, every saved search lists the
 * documents that are new or changed since that run started; the Atom feed lists its newest matches.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { writeJsonAtomic } from '../lib/atomic-file.ts';
import { z } from 'zod';
import { MeiliError, type MeiliClient } from './meili-client.ts';
import { Filters, buildFilter } from './filter.ts';
import { searchPassages } from './search.ts';
import type { IndexNames } from './settings.ts';

export const SavedSearchInput = z.object({
  name: z.string().trim().min(1).max(120),
  q: z.string().max(500).default(''),
  filters: Filters.default({}),
});
export type SavedSearchInput = z.input<typeof SavedSearchInput>;
export type SavedSearch = z.infer<typeof SavedSearchInput> & { id: string; createdAt: string };

export interface FeedEntry { id: string; title: string; date: string | null; body: string | null; fileName: string; indexedAt: string }
export interface SavedSearchNews { id: string; name: string; documents: Omit<FeedEntry, 'indexedAt' | 'body'>[] }

export const SAVED_BACKUP = 'saved-searches.json';

/** A copy of the saved searches beside the database (kept by every change and ingest), for `minutes repair`. */
export function backupSavedSearches(dataDir: string, saved: SavedSearch[]): void {
  writeJsonAtomic(path.join(dataDir, SAVED_BACKUP), saved);
}

async function ensure(client: MeiliClient, names: IndexNames) {
  await client.ensureIndex(names.saved, 'id');
}

export async function saveSearch(client: MeiliClient, names: IndexNames, input: SavedSearchInput): Promise<SavedSearch> {
  const s = SavedSearchInput.parse(input);
  buildFilter(s.filters);
  await ensure(client, names);
  const saved: SavedSearch = { ...s, id: createHash('sha256').update(`${s.name}\n${s.q}\n${JSON.stringify(s.filters)}`).digest('hex').slice(0, 12), createdAt: new Date().toISOString() };
  await client.addDocuments(names.saved, [saved]);
  return saved;
}

export async function listSavedSearches(client: MeiliClient, names: IndexNames): Promise<SavedSearch[]> {
  try {
    return (await client.getDocuments<SavedSearch>(names.saved, { limit: 1000 })).results;
  } catch (err) {
    if (err instanceof MeiliError && err.code === 'index_not_found') return [];
    throw err;
  }
}

export async function deleteSavedSearch(client: MeiliClient, names: IndexNames, id: string): Promise<void> {
  await ensure(client, names);
  await client.run('DELETE', `/indexes/${names.saved}/documents/${encodeURIComponent(id)}`);
}

/**
 * Documents matching a saved search — the same passage search as the page, one hit per document —
 * newest-indexed first, optionally only those indexed since `sinceMs`.
 */
export async function savedSearchMatches(client: MeiliClient, names: IndexNames, s: SavedSearch, opts: { sinceMs?: number; limit?: number } = {}): Promise<FeedEntry[]> {
  const res = await searchPassages(client, names, {
    q: s.q, filters: s.filters, limit: opts.limit ?? 50,
    filter: opts.sinceMs !== undefined ? `indexedAtTs >= ${opts.sinceMs}` : undefined,
  });
  return res.hits.map((h) => ({ id: h.docId, title: h.title, date: h.date, body: h.body, fileName: h.fileName, indexedAt: h.indexedAt ?? '' }))
    .sort((a, b) => b.indexedAt.localeCompare(a.indexedAt));
}

/** What each saved search gained in a run that started at `runStartMs`. */
export async function newsSince(client: MeiliClient, names: IndexNames, runStartMs: number): Promise<SavedSearchNews[]> {
  const out: SavedSearchNews[] = [];
  for (const s of await listSavedSearches(client, names)) {
    const docs = await savedSearchMatches(client, names, s, { sinceMs: runStartMs });
    out.push({ id: s.id, name: s.name, documents: docs.map((d) => ({ id: d.id, title: d.title, date: d.date, fileName: d.fileName })) });
  }
  return out;
}

/** Text for XML: escaped, and without the characters XML 1.0 forbids (control characters, lone surrogates), which make a feed unreadable. */
// eslint-disable-next-line no-control-regex
const xml = (s: unknown) => String(s ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed of a saved search's newest matches. */
export function atomFeed(s: SavedSearch, docs: FeedEntry[], baseUrl: string): string {
  const updated = docs[0]?.indexedAt ?? s.createdAt;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <id>urn:minutes-archive:saved:${xml(s.id)}</id>
  <title>Bevakning: ${xml(s.name)}</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" href="${xml(`${baseUrl}/feeds/${s.id}.atom`)}"/>
${docs.map((d) => `  <entry>
    <id>urn:minutes-archive:document:${xml(d.id)}:${xml(d.indexedAt)}</id>
    <title>${xml(d.title)}</title>
    <updated>${xml(d.indexedAt)}</updated>
    <link href="${xml(`${baseUrl}/dokument/${d.id}`)}"/>
    <summary>${xml([d.date, d.body, d.fileName].filter(Boolean).join(' · '))}</summary>
  </entry>`).join('\n')}
</feed>
`;
}
