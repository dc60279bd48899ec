/** The search page: one box, instant (debounced) results grouped per document, facets with counts, state in the URL. */
import { useEffect, useRef, useState } from 'react';
import { get, ApiError, ocrLabel, type SearchResponse } from './api.ts';
import { FACETS, FILTER_PARAMS } from '../../../index/filter-params.ts';
import { label, useLabels } from './labels.ts';
import { Marked } from './marked.tsx';
import { Link, navigate } from './router.tsx';
import { SaveSearch } from './SavedSearches.tsx';
import { Pager } from './Pager.tsx';

const FILTER_KEYS = Object.keys(FILTER_PARAMS);
/** Values a facet shows before "Visa fler". */
const FACET_VALUES = 12;
const MAX_PAGES = 100;
const SORTS = [['relevance', 'Relevans'], ['newest', 'Nyast först'], ['oldest', 'Äldst först']] as const;

/** The URL with these parameters changed (null removes one); any change but paging starts again at page 1. */
function withParams(params: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
  if (!('page' in changes)) next.delete('page');
  return `/?${next}`;
}

export function Search({ url }: { url: URL }) {
  const params = url.searchParams;
  const labels = useLabels();
  const [text, setText] = useState(params.get('q') ?? '');
  const [data, setData] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const debounce = useRef<number | undefined>(undefined);

  // Typing replaces the history entry (Back does not step through every letter); a facet, a sort or a page adds one.
  const replace = (changes: Record<string, string | null>) => {
    history.replaceState(null, '', withParams(params, changes));
    dispatchEvent(new PopStateEvent('popstate'));
  };
  const push = (changes: Record<string, string | null>) => navigate(withParams(params, changes));

  // Back and forward bring their words into the box (typing itself only trims what it sends).
  useEffect(() => { const q = params.get('q') ?? ''; if (q !== text.trim()) setText(q); }, [url.search]);
  // After a page link, the reader lands on the new page's first line, not at the foot of the old one.
  const paged = useRef(false);
  useEffect(() => {
    if (!paged.current || !data) return;
    paged.current = false;
    document.getElementById('results-status')?.focus();
  }, [data]);
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    get<SearchResponse>(`/api/search?${params}`, ctrl.signal)
      .then((d) => { setData(d); setError(null); })
      .catch((e: unknown) => { if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e.message : 'Sökservern svarar inte – försök igen'); })
      .finally(() => setLoading(false));
    return () => ctrl.abort();
  }, [url.search]);

  const onType = (v: string) => {
    setText(v);
    clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => replace({ q: v.trim() || null }), 250);
  };
  const toggle = (param: string, value: string) => {
    const current = (params.get(param) ?? '').split(',').filter(Boolean);
    const next = current.includes(value) ? current.filter((x) => x !== value) : [...current, value];
    push({ [param]: next.join(',') || null });
  };
  const active = FILTER_KEYS.some((k) => params.get(k));
  const mode = params.get('mode') ?? 'keyword';
  const hasQuery = Boolean(params.get('q')?.trim());
  // Without words there is nothing to rank by: the archive comes newest first.
  const sort = params.get('sort') ?? (hasQuery ? 'relevance' : 'newest');
  const noModel = data !== null && !data.modelLoaded;
  const facetLabels: Record<string, Record<string, string>> = { themes: labels.themes, docType: labels.docType };
  // The API pages through the first 100 pages (2 000 documents): narrowing serves better beyond.
  const pages = data ? Math.min(Math.ceil(data.total / (data.pageSize || 20)), MAX_PAGES) : 0;

  return (
    <div className="search">
      <form role="search" onSubmit={(e) => { e.preventDefault(); replace({ q: text.trim() || null }); }}>
        <label htmlFor="q" className="visually-hidden">Sök i mötesarkivet</label>
        <input id="q" type="search" value={text} placeholder="Sök i protokoll, minnesanteckningar, PM …" autoFocus onChange={(e) => onType(e.target.value)} />
        <fieldset className="mode">
          <legend className="visually-hidden">Sökläge</legend>
          <label><input type="radio" name="mode" checked={mode === 'keyword'} onChange={() => push({ mode: null })} /> Nyckelord</label>
          <label>
            <input type="radio" name="mode" disabled={!data?.modelLoaded} aria-describedby={noModel ? 'hybrid-why' : undefined} checked={mode === 'hybrid'} onChange={() => push({ mode: 'hybrid' })} /> Hybrid
          </label>
          {noModel && <span id="hybrid-why" className="hint">Hybrid kräver en inläst språkmodell (se MINUTES_MODEL i README)</span>}
        </fieldset>
        <label className="sort">Sortera <select value={sort} onChange={(e) => push({ sort: e.target.value === (hasQuery ? 'relevance' : 'newest') ? null : e.target.value })}>
          {SORTS.map(([v, l]) => <option key={v} value={v} disabled={v === 'relevance' && !hasQuery}>{v === 'relevance' && !hasQuery ? `${l} (kräver sökord)` : l}</option>)}
        </select></label>
      </form>
      <div className="layout">
        <aside className="facets" aria-label="Filter">
          <div className="dates">
            <label>Från <input type="date" value={params.get('from') ?? ''} onChange={(e) => push({ from: e.target.value || null })} /></label>
            <label>Till <input type="date" value={params.get('to') ?? ''} onChange={(e) => push({ to: e.target.value || null })} /></label>
          </div>
          {active && <button type="button" className="clear" onClick={() => { const q = params.get('q'); navigate(q ? `/?q=${encodeURIComponent(q)}` : '/'); }}>Rensa alla filter</button>}
          {FACETS.map(({ field, param, label: heading }) => {
            const selected = (params.get(param) ?? '').split(',').filter(Boolean);
            const all = Object.entries(data?.facets[field] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'));
            if (!all.length) return null;
            const open = expanded.has(field);
            // A ticked value stays in view however far down the list it is.
            const values = open ? all : all.filter(([v], i) => i < FACET_VALUES || selected.includes(v));
            const hidden = all.length - values.length;
            return (
              <section key={field} className="facet" data-facet={field}>
                <h3 id={`facet-${field}`}>{heading}</h3>
                <ul aria-labelledby={`facet-${field}`}>{values.map(([value, n]) => (
                  <li key={value}><label><input type="checkbox" checked={selected.includes(value)} onChange={() => toggle(param, value)} /> {label(facetLabels[field] ?? {}, value)} <span className="count">{n}</span></label></li>
                ))}</ul>
                {(hidden > 0 || open) && all.length > FACET_VALUES && (
                  <button type="button" className="more" aria-expanded={open} onClick={() => setExpanded((s) => { const n = new Set(s); if (open) n.delete(field); else n.add(field); return n; })}>
                    {open ? 'Visa färre' : `Visa fler (${hidden})`}
                  </button>)}
              </section>
            );
          })}
        </aside>
        <main aria-live="polite" aria-busy={loading}>
          <SaveSearch params={params} />
          {error && <p className="error" role="alert">{error}</p>}
          {!error && loading && !data && <p className="status">Söker …</p>}
          {!error && data && (data.hits.length === 0
            ? <p className="status">
                Inga träffar{data.query ? ` för ”${data.query}”` : ''}.
                {data.unknownWords?.length ? ` Inget dokument innehåller ${data.unknownWords.map((w) => `”${w}”`).join(', ')}.` : ''}
                {data.suggestion && <> Menade du <button type="button" className="suggestion" onClick={() => replace({ q: data.suggestion! })}>{data.suggestion}</button>?</>}
              </p>
            : <>
                {data.correctedQuery
                  ? <p className="status corrected" id="results-status" tabIndex={-1}>Inga träffar för ”{data.query}”. Visar {data.total} dokument för ”{data.correctedQuery}”{pages > 1 ? `, sida ${data.page} av ${pages}` : ''} ({data.processingTimeMs} ms).</p>
                  : <p className="status" id="results-status" tabIndex={-1}>{data.total} dokument{data.query ? ` för ”${data.query}”` : ''}{pages > 1 ? `, sida ${data.page} av ${pages}` : ''} ({data.processingTimeMs} ms)</p>}
                {data.unknownWords?.length ? <p className="status">Finns inte i arkivet: {data.unknownWords.join(', ')}</p> : null}
                {data.alsoSearched?.length ? <p className="also-searched">Sökte också efter synonymer: {data.alsoSearched.join(', ')}</p> : null}
                <ol className="hits" start={(data.page - 1) * (data.pageSize || 20) + 1}>{data.hits.map((h) => {
                  // The document keeps the search (words, facets, page, sort): its back link returns to it.
                  const doc = (heading: string) => `/dokument/${h.docId}?${params}#${encodeURIComponent(heading)}`;
                  return (
                    <li key={h.docId} className="hit">
                      <h2><Link to={doc(h.heading)}>{h.title}</Link></h2>
                      <p className="chips">
                        {h.date && <span className="chip">{h.date}</span>}
                        {(h.bodyKey ?? h.body) && <span className="chip">{h.bodyKey ?? h.body}</span>}
                        <span className="chip">{label(labels.docType, h.docType)}</span>
                      </p>
                      {(h.passages.length ? h.passages : [h]).map((p) => (
                        <blockquote key={p.chunkId}>
                          <Link to={doc(p.heading)} className="section">{p.heading} (s. {p.page})</Link>
                          {p.ocrConfidence !== undefined && <span className="ocr" title="Sidan är läst med OCR: orden kan vara felläsningar">{ocrLabel(p.ocrConfidence)}</span>}
                          <p><Marked html={p.snippet} /></p>
                        </blockquote>
                      ))}
                    </li>
                  );
                })}</ol>
                <Pager page={data.page} pages={pages} href={(n) => withParams(params, { page: n > 1 ? String(n) : null })} onPage={() => { paged.current = true; }} />
              </>)}
        </main>
      </div>
    </div>
  );
}
