/** Saved searches (bevakningar): what they watch, a link to run them, their Atom feed, and removal. */
import { useEffect, useState } from 'react';
import { get } from './api.ts';
import { filtersFromParams, paramsFromFilters } from './filters.ts';
import { Link } from './router.tsx';

interface Saved { id: string; name: string; q: string; filters: Record<string, unknown>; createdAt: string }

interface LastRun { durationMs: number; savedSearches: { id: string; documents: { id: string; title: string }[] }[] }

export function SavedSearches() {
  const [saved, setSaved] = useState<Saved[] | null>(null);
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  useEffect(() => { get<LastRun | null>('/api/last-run').then(setLastRun, () => setLastRun(null)); }, []);
  const [error, setError] = useState<string | null>(null);
  const load = () => get<Saved[]>('/api/saved').then(setSaved, (e: Error) => setError(e.message));
  useEffect(() => { void load(); }, []);
  const remove = async (id: string) => {
    const res = await fetch(`/api/saved/${id}`, { method: 'DELETE' });
    if (!res.ok) setError('Kunde inte ta bort bevakningen'); else void load();
  };
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!saved) return <p className="status">Hämtar …</p>;
  return (
    <div className="saved">
      <h1>Bevakningar</h1>
      {saved.length === 0 ? <p className="status">Inga sparade sökningar. Spara en från söksidan.</p> : (
        <table><thead><tr><th>Namn</th><th>Sökning</th><th>Nytt i senaste körningen</th><th>Flöde</th><th /></tr></thead>
          <tbody>{saved.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td><Link to={`/?${paramsFromFilters(s.q, s.filters)}`}>{s.q || '(alla dokument)'} {Object.keys(s.filters).length > 0 && `+ ${Object.keys(s.filters).length} filter`}</Link></td>
              <td>{(() => {
                const news = lastRun?.savedSearches.find((n) => n.id === s.id)?.documents ?? [];
                return news.length ? <ul>{news.map((d) => <li key={d.id}><Link to={`/dokument/${d.id}`}>{d.title}</Link></li>)}</ul> : 'inget nytt';
              })()}</td>
              <td><a href={`/feeds/${s.id}.atom`}>Atom</a></td>
              <td><button type="button" onClick={() => void remove(s.id)}>Ta bort</button></td>
            </tr>
          ))}</tbody>
        </table>)}
    </div>
  );
}

/** "Spara som bevakning" on the search page. */
export function SaveSearch({ params }: { params: URLSearchParams }) {
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await fetch('/api/saved', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, q: params.get('q') ?? '', filters: filtersFromParams(params) }) });
    const body = (await res.json().catch(() => ({}))) as { error?: string; id?: string };
    setStatus(res.ok ? `Sparad som bevakning (flöde: /feeds/${body.id}.atom)` : body.error ?? 'Kunde inte spara');
    if (res.ok) setName('');
  };
  return (
    <form className="save-search" onSubmit={save}>
      <label>Spara som bevakning <input value={name} required maxLength={120} placeholder="namn" onChange={(e) => setName(e.target.value)} /></label>
      <button type="submit">Spara</button>
      {status && <span role="status">{status}</span>}
    </form>
  );
}
