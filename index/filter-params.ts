/**
 * The filter parameters as the CLI options, the API's query string and the page's URL name them,
 * and the `Filters` field (index/filter.ts) each one fills: one table for all three. Plain data
 * without imports, so the page's bundle can share it.
 */
export const FILTER_PARAMS = {
  year: 'year', from: 'from', to: 'to', period: 'mandatePeriod', body: 'body', organisation: 'organisation',
  type: 'docType', theme: 'theme', person: 'person', party: 'party',
} as const;
export type FilterParam = keyof typeof FILTER_PARAMS;

/** The faceted fields of the documents index, the parameter a ticked value sets, and the facet's heading. */
export const FACETS: readonly { field: string; param: FilterParam; label: string }[] = [
  { field: 'year', param: 'year', label: 'År' },
  { field: 'mandatePeriod', param: 'period', label: 'Mandatperiod' },
  // Bodies per organisation: two municipalities' "Kommunstyrelsen" are two values.
  { field: 'bodyKey', param: 'body', label: 'Organ' },
  { field: 'organisation', param: 'organisation', label: 'Organisation' },
  { field: 'docType', param: 'type', label: 'Dokumenttyp' },
  { field: 'themes', param: 'theme', label: 'Tema' },
  { field: 'persons', param: 'person', label: 'Person' },
  { field: 'parties', param: 'party', label: 'Parti' },
];
