/**
 * All decisions of a period and body that contain some words, exportable as CSV or JSON. The table
 * and every export are one API answer for the same parameters (kept in the URL), so they hold the same rows.
 */
import { useEffect, useRef, useState } from 'react';
import { get, type DecisionRow, type SearchResponse } from './api.ts';
import { Link, setParams } from './router.tsx';

const PERIODS = ['2015-2018', '2019-2022', '2023-2026', '2027-2030'];

export function Decisions({ url }: { url: URL }) {
  const params = url.searchParams;
  const period = params.get('period') ?? '';
  const body = params.get('body') ?? '';
  const [text, setText] = useState(params.get('q') ?? '');
  const [rows, setRows] = useState<DecisionRow[] | null>(null);
  const [bodies, setBodies] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const debounce = useRef<number | undefined>(undefined);
  const query = new URLSearchParams([...params].filter(([k]) => ['period', 'body', 'q'].includes(k)));

  useEffect(() => { get<DecisionRow[]>(`/api/decisions?${query}`).then(setRows, (e: Error) => setError(e.message)); }, [url.search]);
  // The bodies of the period, each with its organisation: two municipalities' Kommunstyrelsen are two choices.
  useEffect(() => {
    get<SearchResponse>(`/api/search?${new URLSearchParams(period ? { period } : {})}`).then((r) => setBodies(Object.keys(r.facets.bodyKey ?? {}).sort((a, b) => a.localeCompare(b, 'sv'))), () => setBodies([]));
  }, [period]);
  const set = (k: string, v: string, replace = false) => setParams('/beslut', url, { [k]: v }, replace);
  const onType = (v: string) => {
    setText(v);
    clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => set('q', v.trim(), true), 250);
  };
  if (error) return <p className="error" role="alert">{error}</p>;
  const exportLink = (format: string) => `/api/decisions?${new URLSearchParams([...query, ['format', format]])}`;
  return (
    <div className="decisions">
      <h1>Beslut</h1>
      <div className="controls">
        <label>Mandatperiod <select value={period} onChange={(e) => set('period', e.target.value)}><option value="">Alla</option>{PERIODS.map((p) => <option key={p}>{p}</option>)}</select></label>
        <label>Organ <select value={body} onChange={(e) => set('body', e.target.value)}><option value="">Alla</option>{[...new Set([...bodies, ...(body ? [body] : [])])].map((b) => <option key={b}>{b}</option>)}</select></label>
        <label>Innehåller <input type="search" value={text} onChange={(e) => onType(e.target.value)} /></label>
      </div>
      <p className="exports">
        Exportera {rows ? `${rows.length} ${rows.length === 1 ? 'rad' : 'rader'}` : 'raderna'}:{' '}
        <a href={exportLink('excel')} download="beslut-excel.csv">CSV för Excel (semikolon)</a>{' · '}
        <a href={exportLink('csv')} download="beslut.csv">CSV (komma)</a>{' · '}
        <a href={exportLink('json')} download="beslut.json">JSON</a>
        <br /><span className="hint">Excel med svenska inställningar delar kolumner vid semikolon; kommafilen passar andra program (R, Python, LibreOffice).</span>
      </p>
      {!rows ? <p className="status">Hämtar …</p> : rows.length === 0 ? <p className="status">Inga beslut.</p> : (
        <table className="responsive"><thead><tr><th>Datum</th><th>Organ</th><th>Beslut</th><th>Dokument</th></tr></thead>
          <tbody>{rows.map((r, i) => (
            <tr key={i}>
              <td data-label="Datum">{r.date}</td>
              <td data-label="Organ">{r.body}</td>
              <td data-label="Beslut">{r.decision}
                {r.proposals && <p className="detail-line"><strong>Yrkanden:</strong> {r.proposals}</p>}
                {r.vote && <p className="detail-line"><strong>Omröstning:</strong> {r.vote}</p>}
                {r.reservations && <p className="detail-line"><strong>Reservation:</strong> {r.reservations}</p>}
                {r.proposedTo && <p className="detail-line"><strong>Förslag till:</strong> {r.proposedTo}</p>}
              </td>
              <td data-label="Dokument"><Link to={`/dokument/${r.docId}#${encodeURIComponent(r.section ?? '')}`}>{r.title}</Link>{r.section && <span className="kind"> {r.section}</span>}</td>
            </tr>))}</tbody>
        </table>)}
    </div>
  );
}
