/** index: Meilisearch (embedded or remote), the archive's indexes, and passage search. */
export { connectMeili, MeiliStartError, type MeiliConnection } from './meili-server.ts';
export { MeiliClient, MeiliError } from './meili-client.ts';
export { MeiliSupervisor, type MeiliStatus } from './meili-supervisor.ts';
export { ArchiveIndex, UNCONFIRMED_BATCHES, type IndexedFile, type FileState } from './archive-index.ts';
export { searchPassages, documentCounts, disjunctiveCounts, SearchRequest, NoModelError, OutdatedIndexError, HYBRID_RATIO, type SearchHit, type SearchResult } from './search.ts';
export { loadEmbedder, type Embedder } from './embedder.ts';
export { indexNames, type IndexNames } from './settings.ts';
export { RECORD_VERSION, type DocumentRecord } from './records.ts';
export { buildFilter, Filters } from './filter.ts';
export { saveSearch, listSavedSearches, deleteSavedSearch, savedSearchMatches, newsSince, atomFeed, SavedSearchInput, type SavedSearch, type SavedSearchNews } from './saved-searches.ts';
