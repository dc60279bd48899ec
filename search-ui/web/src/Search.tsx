/** The search page: one box, instant (debounced) results grouped per document, facets with counts, state in the URL. */
import { useEffect, useRef, useState } from 'react';
import { get, ApiError, ocrLabel, type SearchResponse } from './api.ts';
import { Marked } from './marked.tsx';
import { Link, navigate } from './router.tsx';
import { SaveSearch } from './SavedSearches.tsx';

const FACETS: [string, string, string][] = [
  ['year', 'year', 'År'], ['mandatePeriod', 'period', 'Mandatperiod'], ['body', 'body', 'Organ'], ['organisation', 'organisation', 'Organisation'],
  ['docType', 'type', 'Dokumenttyp'], ['themes', 'theme', 'Tema'], ['persons', 'person', 'Person'], ['parties', 'party', 'Parti'],
];
const FILTER_KEYS = [...FACETS.map(([, p]) => p), 'from', 'to'];

export function Search({ url }: { url: URL }) {
  const params = url.searchParams;
  const [text, setText] = useState(params.get('q') ?? '');
  const [data, setData] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const debounce = useRef<number | undefined>(undefined);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) { if (v) next.set(k, v); else next.delete(k); }
    next.delete('page');
    history.replaceState(null, '', `/?${next}`);
    dispatchEvent(new PopStateEvent('popstate'));
  };

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
    debounce.current = window.setTimeout(() => update({ q: v.trim() || null }), 250);
  };
  const toggle = (param: string, value: string) => {
    const current = (params.get(param) ?? '').split(',').filter(Boolean);
    const next = current.includes(value) ? current.filter((x) => x !== value) : [...current, value];
    update({ [param]: next.join(',') || null });
  };
  const active = FILTER_KEYS.some((k) => params.get(k));
  const mode = params.get('mode') ?? 'keyword';

  return (
    <div className="search">
      <form role="search" onSubmit={(e) => { e.preventDefault(); update({ q: text.trim() || null }); }}>
        <label htmlFor="q" className="visually-hidden">Sök i mötesarkivet</label>
        <input id="q" type="search" value={text} placeholder="Sök i protokoll, minnesanteckningar, PM …" autoFocus onChange={(e) => onType(e.target.value)} />
        <fieldset className="mode">
          <legend className="visually-hidden">Sökläge</legend>
          <label><input type="radio" name="mode" checked={mode === 'keyword'} onChange={() => update({ mode: null })} /> Nyckelord</label>
          <label title={data && !data.modelLoaded ? 'Ingen språkmodell är inläst' : ''}>
            <input type="radio" name="mode" disabled={!data?.modelLoaded} checked={mode === 'hybrid'} onChange={() => update({ mode: 'hybrid' })} /> Hybrid
          </label>
        </fieldset>
      </form>
      <div className="layout">
        <aside className="facets" aria-label="Filter">
          <div className="dates">
            <label>Från <input type="date" value={params.get('from') ?? ''} onChange={(e) => update({ from: e.target.value || null })} /></label>
            <label>Till <input type="date" value={params.get('to') ?? ''} onChange={(e) => update({ to: e.target.value || null })} /></label>
          </div>
          {active && <button type="button" className="clear" onClick={() => { const q = params.get('q'); navigate(q ? `/?q=${encodeURIComponent(q)}` : '/'); }}>Rensa alla filter</button>}
          {FACETS.map(([facet, param, label]) => {
            const values = Object.entries(data?.facets[facet] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv')).slice(0, 12);
            const selected = (params.get(param) ?? '').split(',');
            if (!values.length) return null;
            return (
              <section key={facet} className="facet" data-facet={facet}>
                <h3>{label}</h3>
                <ul>{values.map(([value, n]) => (
                  <li key={value}><label><input type="checkbox" checked={selected.includes(value)} onChange={() => toggle(param, value)} /> {data?.labels[facet]?.[value] ?? value} <span className="count">{n}</span></label></li>
                ))}</ul>
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
                {data.suggestion && <> Menade du <button type="button" className="suggestion" onClick={() => update({ q: data.suggestion!, page: null })}>{data.suggestion}</button>?</>}
              </p>
            : <>
                <p className="status">{data.total} dokument{data.query ? ` för ”${data.query}”` : ''} ({data.processingTimeMs} ms)</p>
                {data.unknownWords?.length ? <p className="status">Finns inte i arkivet: {data.unknownWords.join(', ')}</p> : null}
                <ol className="hits">{data.hits.map((h) => (
                  <li key={h.docId} className="hit">
                    <h2><Link to={`/dokument/${h.docId}?q=${encodeURIComponent(data.query)}#${encodeURIComponent(h.heading)}`}>{h.title}</Link></h2>
                    <p className="chips">
                      {h.date && <span className="chip">{h.date}</span>}
                      {h.body && <span className="chip">{h.body}</span>}
                      <span className="chip">{h.docType}</span>
                    </p>
                    {(h.passages.length ? h.passages : [h]).map((p) => (
                      <blockquote key={p.chunkId}>
                        <Link to={`/dokument/${h.docId}?q=${encodeURIComponent(data.query)}#${encodeURIComponent(p.heading)}`} className="section">{p.heading} (s. {p.page})</Link>
                        {p.ocrConfidence !== undefined && <span className="ocr" title="Sidan är läst med OCR: orden kan vara felläsningar">{ocrLabel(p.ocrConfidence)}</span>}
                        <p><Marked html={p.snippet} /></p>
                      </blockquote>
                    ))}
                  </li>
                ))}</ol>
              </>)}
        </main>
      </div>
    </div>
  );
}
