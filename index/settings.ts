/** Index names and settings (DESIGN.md): Swedish locale everywhere so å/ä/ö are not folded into a/o. */
import { swedishStopWords, synonymMap } from '../lib/reference-data.ts';
import { TERMS_FILTERABLE } from './records.ts';
const FACETS = ['year', 'date', 'dateTs', 'body', 'bodyKey', 'organisation', 'docType', 'themes', 'persons', 'parties', 'mandatePeriod'];

/** Facet values the lean passage records give per facet (index/keyword-search.ts asks for `docId`). */
export const MAX_FACET_VALUES = 10_000;

export interface IndexNames { documents: string; chunks: string; terms: string; postings: string; people: string; saved: string; files: string }

export function indexNames(prefix: string): IndexNames {
  return { documents: `${prefix}documents`, chunks: `${prefix}chunks`, terms: `${prefix}passage_terms`, postings: `${prefix}term_postings`, people: `${prefix}people`, saved: `${prefix}saved_searches`, files: `${prefix}files` };
}

/** Ingest state per file: hash, status (indexed/failed), the reason of a failure, when it was last processed. */
export const FILES_SETTINGS = {
  filterableAttributes: ['id', 'root', 'status', 'source'],
  sortableAttributes: ['lastRunAt'],
  // Read by filter only: no words to index (10 000 records: 0.98 → 0.38 s).
  searchableAttributes: [],
};

const SWEDISH = { localizedAttributes: [{ attributePatterns: ['*'], locales: ['swe'] }] };

/**
 * No facet-value search (nothing here uses it), and word proximity only as "same field or not".
 * Measured on 1 000 generated documents: passage indexing 5.7 → 3.7 s; keyword nDCG@10 on
 * data/eval 0.877 → 0.876 (one tie ordered differently).
 */
const CHEAPER_INDEXING = { facetSearch: false, proximityPrecision: 'byAttribute' };

/**
 * How words match, the same for passages and documents, so that a search of the documents index
 * finds exactly the documents that have a matching passage: Swedish stop words and domain synonyms
 * (data/), and typo tolerance that leaves short words and numbers (party codes, years, "E18") exact.
 */
function matching() {
  return {
    ...SWEDISH,
    ...CHEAPER_INDEXING,
    stopWords: [...swedishStopWords()],
    synonyms: synonymMap(),
    typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
  };
}

/**
 * Documents: one record each, with the distinct stems of all its passages. A search filtered by
 * stems gives the page's total and facet counts per document; the document view reads it by id.
 */
export function documentsSettings() {
  return {
    ...SWEDISH,
    ...CHEAPER_INDEXING,
    // No words to index: documents are counted by filtering on their stems (index/keyword-search.ts).
    searchableAttributes: [],
    rankingRules: ['words', 'sort'],
    filterableAttributes: [...FACETS, 'id', 'root', 'source', 'fileName', 'sha256', 'format', 'organisations', 'indexedAtTs', 'stems'],
    // 'root' is faceted too: a full rebuild checks which archive folders an index holds.
    sortableAttributes: ['date', 'dateTs', 'title', 'indexedAtTs'],
    // The most frequent values first (Meilisearch's default order is alphabetical: the persons facet
    // then showed only names starting A–B), and totals beyond Meilisearch's default 1 000.
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 100_000 },
    displayedAttributes: ['*'],
  };
}

/** Passages, whole: read by id, browsed, searched by vector; keyword retrieval reads their lean twins. */
export function chunksSettings() {
  return {
    ...SWEDISH,
    ...CHEAPER_INDEXING,
    // No words to index: keyword search retrieves from the passage terms index.
    searchableAttributes: [],
    rankingRules: ['words', 'sort'],
    filterableAttributes: [...FACETS, 'id', 'docId', 'root', 'source', 'fileName', 'sha256', 'contentHash', 'hasVector', 'embeddingModel', 'indexedAtTs'],
    sortableAttributes: ['date', 'dateTs', 'ordinal', 'indexedAtTs'],
    pagination: { maxTotalHits: 10_000_000 },
    // Search results are grouped per document at query time (`distinct: 'docId'`) so callers can also ask for every passage.
    displayedAttributes: ['*'],
  };
}

/** Passages, lean (index/records.ts): what keyword retrieval searches by phrase and counts. */
export function termsSettings() {
  return {
    ...matching(),
    // Searched by phrase (index/keyword-search.ts), and `stems` with typo tolerance for the spelling
    // suggested when nothing matches.
    searchableAttributes: ['stems', 'partStems'],
    // The project ranks: Meilisearch only selects, so its per-hit ranking work is left out
    // (2 000 documents, 10 queries: 46.9 → 37.4 ms a search).
    rankingRules: ['words', 'sort'],
    filterableAttributes: [...TERMS_FILTERABLE],
    sortableAttributes: [],
    // Exact totals: a term's total hits is its passage frequency for BM25, and the archive's total its N.
    pagination: { maxTotalHits: 10_000_000 },
    // A filtered search learns which documents of its postings the filter keeps as `docId` facet values.
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES },
    displayedAttributes: ['*'],
  };
}

export const PEOPLE_SETTINGS = {
  ...SWEDISH,
  searchableAttributes: ['name', 'aliases', 'organisations', 'roles'],
  filterableAttributes: ['parties', 'organisations', 'roles', 'meetings.body', 'meetings.docId', 'firstSeen', 'lastSeen'],
  sortableAttributes: ['name', 'present', 'lastSeen'],
};

/** The embedder for vectors we compute ourselves (transformers.js), under the name searches use. */
export const EMBEDDER = 'default';
export function embedderSettings(dimensions: number) {
  return { embedders: { [EMBEDDER]: { source: 'userProvided', dimensions } } };
}
