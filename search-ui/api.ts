/**
 * The search API the page talks to (the browser never talks to Meilisearch, and never sees its key).
 * Every parameter is validated with zod; filter values reach Meilisearch only quoted.
 */
import { z } from 'zod';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { stringify } from '../lib/csv.ts';
import { HYBRID_RATIO, MeiliError, searchPassages, disjunctiveCounts, buildFilter, saveSearch, listSavedSearches, deleteSavedSearch, savedSearchMatches, atomFeed, SavedSearchInput, type ArchiveIndex, type DocumentRecord, type Filters } from '../index/index.ts';
import { decisionRows, reportData, reportDocuments, type DecisionRow } from '../index/archive-report.ts';
import { inList } from '../index/filter.ts';
import { FACETS, FILTER_PARAMS, type FilterParam } from '../index/filter-params.ts';
import type { PersonRecord } from '../lib/schema.ts';
import { themeLabels } from '../lib/reference-data.ts';
import { DOC_TYPE_LABEL } from '../lib/swedish-documents.ts';
import { DATE_KIND_LABEL } from '../lib/swedish-dates.ts';
import { voteText } from '../lib/protocol-text.ts';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const list = z.string().max(2000).optional().transform((v) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined));
/** How each filter parameter is read from the query string: every parameter of the shared table, and no other. */
const FILTER_VALUES: Record<FilterParam, z.ZodType> = {
  year: list.transform((v) => v?.map(Number)), from: z.string().optional(), to: z.string().optional(), period: list, body: list,
  organisation: list, type: list, theme: list, person: list, party: list,
};
const FilterParams = z.object(FILTER_VALUES);
const SearchParams = FilterParams.extend({
  q: z.string().max(500).default(''),
  mode: z.enum(['keyword', 'semantic', 'hybrid']).default('keyword'),
  ratio: z.coerce.number().min(0).max(1).default(HYBRID_RATIO),
  page: z.coerce.number().int().min(1).max(100).default(1),
  sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
});

function parse<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const r = schema.safeParse(Object.fromEntries(params));
  if (!r.success) { const i = r.error.issues[0]!; throw new HttpError(400, `ogiltig parameter ${String(i.path[0] ?? '')}: ${i.message}`); }
  return r.data;
}

function filtersOf(p: z.infer<typeof FilterParams>): Filters {
  const clean = Object.fromEntries(Object.entries(FILTER_PARAMS).map(([param, key]) => [key, p[param as FilterParam]]).filter(([, v]) => v !== undefined)) as Filters;
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

const PAGE = 20;
const FACET_FILTERS = FACETS.map((f) => ({ field: f.field, filter: FILTER_PARAMS[f.param] }));

/** Values that are ids, with the words the page shows for them. */
export function labels() {
  return { themes: themeLabels(), docType: DOC_TYPE_LABEL, dateKind: DATE_KIND_LABEL };
}

export async function search(index: ArchiveIndex, params: URLSearchParams, dataDir?: string) {
  const p = parse(SearchParams, params);
  const filters = filtersOf(p);
  if (p.mode !== 'keyword' && !index.embedder) throw new HttpError(400, 'semantisk sökning kräver en inläst modell');
  // One hit per document with its best passages (the ranking scores every candidate passage), and
  // beside it the document total and facet counts from the documents index, by the same terms.
  const countsFor = (q: string) => disjunctiveCounts(index.client, index.names, { q, filters, facets: FACET_FILTERS });
  const [result, typed] = await Promise.all([
    searchPassages(index.client, index.names, { q: p.q, filters, mode: p.mode, ratio: p.ratio, sort: p.sort, limit: PAGE, offset: (p.page - 1) * PAGE }, index.embedder),
    countsFor(p.q),
  ]);
  // A misspelt query shows the hits of its suggested spelling: count those.
  const counts = result.correctedQuery ? await countsFor(result.correctedQuery) : typed;
  const roots = await archiveRoots(index);
  result.hits = result.hits.filter((h) => servable(h.source, roots, dataDir));
  const relative = relativeTo(roots);
  return {
    ...result,
    // Documents containing the query's terms; semantic and hybrid rank documents that need not contain them: the documents ranked.
    total: p.mode === 'keyword' ? counts.total : result.total,
    page: p.page,
    pageSize: PAGE,
    sort: p.sort,
    facets: counts.facets,
    labels: labels(),
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

type PersonSummary = Pick<PersonRecord, 'id' | 'name' | 'parties' | 'organisations' | 'roles' | 'present' | 'absent' | 'mentioned'>;
const SUMMARY_FIELDS = ['id', 'name', 'parties', 'organisations', 'roles', 'present', 'absent', 'mentioned'];
const meetingCount = (p: PersonSummary) => p.present + p.absent + p.mentioned;
// By the name as shown, in Swedish order (å, ä, ö after z).
const PEOPLE_ORDER = {
  name: (a: PersonSummary, b: PersonSummary) => a.name.localeCompare(b.name, 'sv'),
  meetings: (a: PersonSummary, b: PersonSummary) => meetingCount(b) - meetingCount(a) || a.name.localeCompare(b.name, 'sv'),
};

/** Persons matching a name (all without one), by name or most meetings first, a page at a time. */
export async function people(index: ArchiveIndex, params: URLSearchParams): Promise<{ total: number; people: PersonSummary[] }> {
  const p = parse(z.object({
    q: z.string().max(200).default(''), sort: z.enum(['name', 'meetings']).default('name'),
    limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0),
  }), params);
  const all = await matchingPeople(index, p.q);
  all.sort(PEOPLE_ORDER[p.sort]);
  return { total: all.length, people: all.slice(p.offset, p.offset + p.limit) };
}

/** Every person a name matches (the search's first 1 000), or every person: only the fields a list shows. */
async function matchingPeople(index: ArchiveIndex, q: string): Promise<PersonSummary[]> {
  try {
    if (q.trim()) return (await index.client.search<PersonSummary>(index.names.people, { q, limit: 1000, attributesToRetrieve: SUMMARY_FIELDS })).hits;
    const out: PersonSummary[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await index.client.getDocuments<PersonSummary>(index.names.people, { fields: SUMMARY_FIELDS, limit: 1000, offset });
      out.push(...page.results);
      if (page.results.length < 1000) return out;
    }
  } catch (err) {
    // Before the first ingest there is no one.
    if (err instanceof MeiliError && err.code === 'index_not_found') return [];
    throw err;
  }
}

export function person(index: ArchiveIndex, id: string): Promise<PersonRecord> {
  return byId(index, index.names.people, id, 'person');
}

const PeriodParams = z.object({ period: z.string().regex(/^\d{4}-\d{4}$/).optional(), body: z.string().max(200).optional() });

/** Themes per year (and the rest of the review figures) for a period and body: one computation, also used by the report. */
export async function trends(index: ArchiveIndex, params: URLSearchParams) {
  const p = parse(PeriodParams, params);
  const data = reportData(await reportDocuments(index, p.period, p.body), p.period ?? 'alla', p.body ?? null);
  const rel = relativeTo(await archiveRoots(index));
  return { ...data, labels: labels(), decisions: data.decisions.map((d) => ({ ...d, source: rel(d.source) })) };
}

/** A decisions row as the table, the JSON and the CSV show it: protocol detail in words. */
export type DecisionListRow = {
  date: string | null; body: string | null; organisation: string | null; title: string; section: string | null; decision: string;
  proposals: string; vote: string; reservations: string; proposedTo: string; file: string; docId: string;
};

const DECISION_COLUMNS: Record<Exclude<keyof DecisionListRow, 'docId'>, string> = {
  date: 'Datum', body: 'Organ', organisation: 'Organisation', title: 'Dokument', section: 'Paragraf', decision: 'Beslut',
  proposals: 'Yrkanden', vote: 'Omröstning', reservations: 'Reservationer', proposedTo: 'Förslag till', file: 'Fil',
};

function listRow(d: DecisionRow, rel: (s: string) => string): DecisionListRow {
  const x = d.detail;
  return {
    date: d.date, body: d.body, organisation: d.organisation, title: d.title, section: d.section, decision: d.text,
    proposals: (x?.proposals ?? []).map((y) => `${y.by}${y.party ? ` (${y.party})` : ''}: ${y.text}`).join('; '),
    vote: voteText(x?.vote), reservations: (x?.reservations ?? []).join(', '), proposedTo: x?.proposedTo ?? '',
    file: rel(d.source), docId: d.docId,
  };
}

const DecisionParams = PeriodParams.extend({
  /** Words the decision must contain ("Innehåller"), the same for the table and every export. */
  q: z.string().max(200).default(''),
  /** csv: comma-separated; excel: semicolon-separated, what Excel with Swedish settings opens as columns. */
  format: z.enum(['json', 'csv', 'excel']).default('json'),
});

/** The decisions of a period and body that contain the words: the rows of the page's table and of its exports. */
export async function decisions(index: ArchiveIndex, params: URLSearchParams): Promise<{ type: string; body: string }> {
  const p = parse(DecisionParams, params);
  const rel = relativeTo(await archiveRoots(index));
  const needle = p.q.trim().toLocaleLowerCase('sv');
  const rows = decisionRows(await reportDocuments(index, p.period, p.body)).map((d) => listRow(d, rel))
    .filter((r) => !needle || r.decision.toLocaleLowerCase('sv').includes(needle));
  if (p.format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(rows) };
  const columns = Object.keys(DECISION_COLUMNS) as (keyof typeof DECISION_COLUMNS)[];
  return { type: 'text/csv; charset=utf-8', body: stringify(rows, columns, { separator: p.format === 'excel' ? ';' : ',', headers: DECISION_COLUMNS }) };
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
    q: '', filter: inList('organisations', [name]), sort: ['dateTs:desc'], limit: 200, facets: ['year', 'bodyKey', 'docType'],
    attributesToRetrieve: ['id', 'title', 'date', 'body', 'bodyKey', 'docType'],
  });
  return { name, documents: res.hits, facets: res.facetDistribution ?? {} };
}
