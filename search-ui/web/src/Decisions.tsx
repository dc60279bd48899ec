/** All decisions of a period and body, filterable, exportable as CSV or JSON. */
import { useEffect, useState } from 'react';
import { get } from './api.ts';
import { Link, navigate } from './router.tsx';

interface Row { date: string | null; body: string | null; title: string; section: string | null; decision: string; file: string; docId: string }

export function Decisions({ url }: { url: URL }) {
  const period = url.searchParams.get('period') ?? '';
  const body = url.searchParams.get('body') ?? '';
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const query = new URLSearchParams({ ...(period ? { period } : {}), ...(body ? { body } : {}) });
  useEffect(() => { get<Row[]>(`/api/decisions?${query}`).then(setRows, (e: Error) => setError(e.message)); }, [url.search]);
  if (error) return <p className="error" role="alert">{error}</p>;
  const bodies = [...new Set((rows ?? []).map((r) => r.body).filter(Boolean))] as string[];
  const shown = (rows ?? []).filter((r) => !text || r.decision.toLowerCase().includes(text.toLowerCase()));
  const set = (k: string, v: string) => { const q = new URLSearchParams(url.search); if (v) q.set(k, v); else q.delete(k); navigate(`/beslut?${q}`); };
  return (
    <div className="decisions">
      <h1>Beslut</h1>
      <div className="controls">
        <label>Mandatperiod <select value={period} onChange={(e) => set('period', e.target.value)}><option value="">Alla</option>{['2015-2018', '2019-2022', '2023-2026', '2027-2030'].map((p) => <option key={p}>{p}</option>)}</select></label>
        <label>Organ <select value={body} onChange={(e) => set('body', e.target.value)}><option value="">Alla</option>{bodies.map((b) => <option key={b}>{b}</option>)}</select></label>
        <label>Innehåller <input type="search" value={text} onChange={(e) => setText(e.target.value)} /></label>
        <a href={`/api/decisions?${query}&format=csv`} download>Exportera CSV</a> <a href={`/api/decisions?${query}&format=json`} download="beslut.json">JSON</a>
      </div>
      {!rows ? <p className="status">Hämtar …</p> : shown.length === 0 ? <p className="status">Inga beslut.</p> : (
        <table><thead><tr><th>Datum</th><th>Organ</th><th>Beslut</th><th>Dokument</th></tr></thead>
          <tbody>{shown.map((r, i) => <tr key={i}><td>{r.date}</td><td>{r.body}</td><td>{r.decision}</td><td><Link to={`/dokument/${r.docId}#${encodeURIComponent(r.section ?? '')}`}>{r.title}</Link></td></tr>)}</tbody>
        </table>)}
    </div>
  );
}
