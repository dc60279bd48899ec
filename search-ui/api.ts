/**
 * The search API the page talks to (the browser never talks to Meilisearch, and never sees its key).
 * Every parameter is validated with zod; filter values reach Meilisearch only quoted.
 */
import { z } from 'zod';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { stringify } from '../lib/csv.ts';
import { MeiliError, searchPassages, documentCounts, buildFilter, saveSearch, listSavedSearches, deleteSavedSearch, savedSearchMatches, atomFeed, SavedSearchInput, type ArchiveIndex, type DocumentRecord, type Filters } from '../index/index.ts';
import { reportData, reportDocuments } from '../index/archive-report.ts';
import { inList } from '../index/filter.ts';
import type { PersonRecord } from '../lib/schema.ts';
import { themeLabels } from '../lib/reference-data.ts';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const list = z.string().max(2000).optional().transform((v) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined));
const FilterParams = z.object({
  year: list.transform((v) => v?.map(Number)), from: z.string().optional(), to: z.string().optional(), period: list, body: list,
  organisation: list, type: list, theme: list, person: list, party: list,
});
const SearchParams = FilterParams.extend({
  q: z.string().max(500).default(''),
  mode: z.enum(['keyword', 'semantic', 'hybrid']).default('keyword'),
  ratio: z.coerce.number().min(0).max(1).default(0.5),
  page: z.coerce.number().int().min(1).max(100).default(1),
});

function parse<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const r = schema.safeParse(Object.fromEntries(params));
  if (!r.success) { const i = r.error.issues[0]!; throw new HttpError(400, `ogiltig parameter ${String(i.path[0] ?? '')}: ${i.message}`); }
  return r.data;
}

function filtersOf(p: z.infer<typeof FilterParams>): Filters {
  const f: Filters = { year: p.year, from: p.from, to: p.to, mandatePeriod: p.period, body: p.body, organisation: p.organisation, docType: p.type as Filters['docType'], theme: p.theme, person: p.person, party: p.party };
  const clean = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Filters;
  try { buildFilter(clean); } catch (err) { throw new HttpError(400, `ogiltigt filter: ${err instanceof z.ZodError ? err.issues[0]!.message : String(err)}`); }
  return clean;
}

/**
 * Whether a document's file may be shown: its real path (symlinks resolved) lies inside one of the
 * archive roots and not inside the data dir. A file gone since ingest is judged by its own path.
 * (Ingest already refuses links that point out; this keeps such files off the page whatever the index holds.)
 */
export function servable(source: string, roots: string[], dataDir?: string): boolean {
  const real = (p: string) => { try { return realpathSync(p); } catch { return path.resolve(p); } };
  const inside = (child: string, parent: string) => child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  const file = real(source);
  if (dataDir && (inside(file, real(dataDir)) || inside(path.resolve(source), path.resolve(dataDir)))) return false;
  return roots.some((r) => inside(file, real(r)));
}

/** Paths go out relative to their archive folder: the server's layout is not the page's business. */
export function relativeTo(roots: string[]): (source: string) => string {
  const sorted = [...roots].sort((a, b) => b.length - a.length);
  return (source) => { const root = sorted.find((r) => source.startsWith(r + path.sep)); return root ? path.relative(root, source) : path.basename(source); };
}

let rootsCache: { at: number; index: ArchiveIndex; roots: string[] } | null = null;
/** The archive roots in the index, cached for a few seconds (one facet query). */
async function archiveRoots(index: ArchiveIndex): Promise<string[]> {
  if (!rootsCache || rootsCache.index !== index || Date.now() - rootsCache.at > 5000) rootsCache = { at: Date.now(), index, roots: await index.roots() };
  return rootsCache.roots;
}

const FACETS = ['year', 'mandatePeriod', 'body', 'organisation', 'docType', 'themes', 'persons', 'parties'];
const PAGE = 20;

export async function search(index: ArchiveIndex, params: URLSearchParams, dataDir?: string) {
  const p = parse(SearchParams, params);
  const filters = filtersOf(p);
  if (p.mode !== 'keyword' && !index.embedder) throw new HttpError(400, 'semantisk sökning kräver en inläst modell');
  // One hit per document with its best passages (the ranking scores every candidate passage), and
  // beside it the document total and facet counts from the documents index, by the same terms.
  const [result, counts] = await Promise.all([
    searchPassages(index.client, index.names, { q: p.q, filters, mode: p.mode, ratio: p.ratio, limit: PAGE, offset: (p.page - 1) * PAGE }, index.embedder),
    documentCounts(index.client, index.names, { q: p.q, filters, facets: FACETS }),
  ]);
  const roots = await archiveRoots(index);
  result.hits = result.hits.filter((h) => servable(h.source, roots, dataDir));
  const relative = relativeTo(roots);
  return {
    ...result,
    // Documents containing the query's terms; semantic and hybrid rank documents that need not contain them: the documents ranked.
    total: p.mode === 'keyword' ? counts.total : result.total,
    page: p.page,
    facets: counts.facets,
    // Facet values that are ids, with the words the page shows for them.
    labels: { themes: themeLabels() },
    modelLoaded: Boolean(index.embedder),
    hits: result.hits.map((h) => ({ ...h, source: relative(h.source) })),
  };
}

/** One record by id: a malformed id is 400, a missing record 404; Meilisearch trouble stays a 503. */
async function byId<T>(index: ArchiveIndex, uid: string, id: string, what: string): Promise<T> {
  if (!/^[a-f0-9]{8,64}$/.test(id)) throw new HttpError(400, `ogiltigt ${what}-id`);
  try {
    return await index.client.getDocument<T>(uid, id);
  } catch (err) {
    if (err instanceof MeiliError && err.status === 404) throw new HttpError(404, `${what} finns inte`);
    throw err;
  }
}

/** A document record whose file may be shown, without the search terms (for the file download: absolute paths). */
export async function documentRecord(index: ArchiveIndex, id: string, dataDir?: string): Promise<Omit<DocumentRecord, 'stems'>> {
  const { stems: _stems, ...doc } = await byId<DocumentRecord>(index, index.names.documents, id, 'dokument');
  if (!servable(doc.source, [doc.root], dataDir)) throw new HttpError(403, 'filen ligger utanför arkivet');
  return doc;
}

/** A document for the document view: its path relative to its archive folder, the folder itself not sent. */
export async function document(index: ArchiveIndex, id: string, dataDir?: string): Promise<Omit<DocumentRecord, 'stems' | 'root'>> {
  const { root, ...doc } = await documentRecord(index, id, dataDir);
  return { ...doc, source: path.relative(root, doc.source), extraction: { ...doc.extraction, source: path.relative(root, String(doc.extraction.source ?? doc.source)) } };
}

export async function people(index: ArchiveIndex, params: URLSearchParams): Promise<PersonRecord[]> {
  const p = parse(z.object({ q: z.string().max(200).default(''), limit: z.coerce.number().int().min(1).max(100).default(20) }), params);
  return (await index.searchPeople(p.q, p.limit)).people;
}

export function person(index: ArchiveIndex, id: string): Promise<PersonRecord> {
  return byId(index, index.names.people, id, 'person');
}

const PeriodParams = z.object({ period: z.string().regex(/^\d{4}-\d{4}$/).optional(), body: z.string().max(200).optional(), format: z.enum(['json', 'csv']).default('json') });

/** Themes per year (and the rest of the review figures) for a period and body: one computation, also used by the report. */
export async function trends(index: ArchiveIndex, params: URLSearchParams) {
  const p = parse(PeriodParams, params);
  const data = reportData(await reportDocuments(index, p.period, p.body), p.period ?? 'alla', p.body ?? null);
  const rel = relativeTo(await archiveRoots(index));
  return { ...data, decisions: data.decisions.map((d) => ({ ...d, source: rel(d.source) })) };
}

export async function decisions(index: ArchiveIndex, params: URLSearchParams): Promise<{ type: string; body: string }> {
  const p = parse(PeriodParams, params);
  const docs = await reportDocuments(index, p.period, p.body);
  const rows = docs.flatMap((d) => d.extraction.decisions.map((x) => ({ date: d.date, body: d.body, title: d.title, section: x.section, decision: x.text, file: d.fileName, docId: d.id })))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return p.format === 'csv'
    ? { type: 'text/csv; charset=utf-8', body: stringify(rows, ['date', 'body', 'title', 'section', 'decision', 'file']) }
    : { type: 'application/json; charset=utf-8', body: JSON.stringify(rows) };
}

export async function savedSearches(index: ArchiveIndex) {
  return listSavedSearches(index.client, index.names);
}

export async function createSavedSearch(index: ArchiveIndex, body: unknown) {
  const parsed = SavedSearchInput.safeParse(body);
  if (!parsed.success) { const i = parsed.error.issues[0]!; throw new HttpError(400, `ogiltig bevakning: ${i.path.join('.')}: ${i.message}`); }
  try {
    return await saveSearch(index.client, index.names, parsed.data);
  } catch (err) {
    if (err instanceof z.ZodError) throw new HttpError(400, `ogiltigt filter: ${err.issues[0]!.message}`);
    throw err;
  }
}

export async function removeSavedSearch(index: ArchiveIndex, id: string) {
  if (!/^[a-f0-9]{12}$/.test(id)) throw new HttpError(400, 'ogiltigt id');
  await deleteSavedSearch(index.client, index.names, id);
  return { deleted: id };
}

export async function feed(index: ArchiveIndex, id: string, baseUrl: string): Promise<string> {
  const s = (await listSavedSearches(index.client, index.names)).find((x) => x.id === id);
  if (!s) throw new HttpError(404, 'bevakningen finns inte');
  return atomFeed(s, await savedSearchMatches(index.client, index.names, s, { limit: 50 }), baseUrl);
}

/** An organisation's documents over time, with counts per year and body. */
export async function organisation(index: ArchiveIndex, name: string) {
  if (!name || name.length > 200) throw new HttpError(400, 'ogiltigt namn');
  const res = await index.client.search<DocumentRecord>(index.names.documents, {
    q: '', filter: inList('organisations', [name]), sort: ['dateTs:desc'], limit: 200, facets: ['year', 'body', 'docType'],
    attributesToRetrieve: ['id', 'title', 'date', 'body', 'docType'],
  });
  return { name, documents: res.hits, facets: res.facetDistribution ?? {} };
}
