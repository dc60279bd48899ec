/**
 * The filter keyword retrieval applies to the lean passage records (index/records.ts), which carry
 * only the small document fields. A filter on those is used as it is; one that names any other
 * field (persons, file names, a power user's raw expression) is first resolved to the ids of the
 * documents it selects, on the documents index, which has every document field.
 */
import type { MeiliClient } from './meili-client.ts';
import type { IndexNames } from './settings.ts';
import { TERMS_FILTERABLE } from './records.ts';
import { inList } from './filter.ts';

const LEAN = new Set(TERMS_FILTERABLE);
/** Words of Meilisearch's filter syntax, not field names. */
const SYNTAX = new Set(['AND', 'OR', 'NOT', 'IN', 'TO', 'EXISTS', 'IS', 'NULL', 'EMPTY', 'CONTAINS', 'STARTS', 'WITH', 'true', 'false']);
const PAGE = 10_000;

/** The field names a filter expression uses (quoted values removed; an unquoted value counts too, which only errs on the safe side). */
export function filterFields(filter: string): string[] {
  const unquoted = filter.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ');
  return [...new Set((unquoted.match(/[A-Za-z_][\w.]*/g) ?? []).filter((w) => !SYNTAX.has(w)))];
}

export async function passageTermsFilter(client: MeiliClient, names: IndexNames, filter: string | undefined): Promise<string | undefined> {
  if (!filter || filterFields(filter).every((f) => LEAN.has(f))) return filter;
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const res = await client.search<{ id: string }>(names.documents, { q: '', filter, limit: PAGE, offset, attributesToRetrieve: ['id'] });
    ids.push(...res.hits.map((h) => h.id));
    if (res.hits.length < PAGE) break;
  }
  // No document: a filter no passage passes (Meilisearch has no literal false).
  return ids.length ? inList('docId', ids) : 'docId IS NULL';
}
