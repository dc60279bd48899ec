/** The words the page shows for values that are ids (themes, document types, date kinds), fetched once. */
import { useEffect, useState } from 'react';
import { get } from './api.ts';

export interface Labels { themes: Record<string, string>; docType: Record<string, string>; dateKind: Record<string, string> }
const EMPTY: Labels = { themes: {}, docType: {}, dateKind: {} };
let loading: Promise<Labels> | null = null;

export function useLabels(): Labels {
  const [labels, setLabels] = useState<Labels>(EMPTY);
  useEffect(() => {
    loading ??= get<Labels>('/api/labels').catch(() => { loading = null; return EMPTY; });
    void loading.then(setLabels);
  }, []);
  return labels;
}

/** A value's label, or the value itself when it has none. */
export const label = (table: Record<string, string>, value: string) => table[value] ?? value;
