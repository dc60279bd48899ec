/** The search page's URL parameters ↔ the API's saved-search filters (one table: index/filter-params.ts). */
import { FILTER_PARAMS } from '../../../index/filter-params.ts';

export function filtersFromParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [param, key] of Object.entries(FILTER_PARAMS)) {
    const v = params.get(param);
    if (!v) continue;
    out[key] = param === 'from' || param === 'to' ? v : param === 'year' ? v.split(',').map(Number) : v.split(',');
  }
  return out;
}

export function paramsFromFilters(q: string, filters: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams(q ? { q } : {});
  for (const [param, key] of Object.entries(FILTER_PARAMS)) {
    const v = filters[key];
    if (v !== undefined) params.set(param, Array.isArray(v) ? v.join(',') : String(v));
  }
  return params;
}
