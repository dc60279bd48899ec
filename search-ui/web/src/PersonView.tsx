/** Persons across the archive: a list to search and sort, and each person's meetings over time. */
import { useEffect, useRef, useState } from 'react';
import { get, type PeoplePage, type PersonRecord } from './api.ts';
import { Link, setParams } from './router.tsx';
import { sectionsText } from '../../../lib/protocol-text.ts';

const ATTENDANCE: Record<string, string> = { present: 'närvarande', absent: 'frånvarande', unknown: 'omnämnd' };
const SHOWN = 50;

export function PeopleList({ url }: { url: URL }) {
  const q = url.searchParams.get('q') ?? '';
  const sort = url.searchParams.get('sort') === 'meetings' ? 'meetings' : 'name';
  const [text, setText] = useState(q);
  const [data, setData] = useState<PeoplePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const debounce = useRef<number | undefined>(undefined);
  // "Visa fler" appends the next page to the list shown.
  const load = (offset: number) => get<PeoplePage>(`/api/people?${new URLSearchParams({ q, sort, limit: String(SHOWN), offset: String(offset) })}`)
    .then((d) => { setData((prev) => (offset && prev ? { total: d.total, people: [...prev.people, ...d.people] } : d)); setError(null); }, (e: Error) => setError(e.message));
  useEffect(() => { void load(0); }, [q, sort]);
  const set = (changes: Record<string, string | null>, replace = false) => setParams('/personer', url, changes, replace);
  const onType = (v: string) => {
    setText(v);
    clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => set({ q: v.trim() || null }, true), 250);
  };
  return (
    <div className="people">
      <h1>Personer</h1>
      <div className="controls">
        <label>Sök person <input type="search" value={text} placeholder="namn, organisation eller roll" onChange={(e) => onType(e.target.value)} /></label>
        <label>Sortera <select value={sort} onChange={(e) => set({ sort: e.target.value === 'name' ? null : e.target.value })}>
          <option value="name">Namn (A–Ö)</option><option value="meetings">Flest möten</option>
        </select></label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!data ? <p className="status">Hämtar personer …</p> : (
        <>
          <p className="status" aria-live="polite">{data.people.length < data.total ? `${data.people.length} av ${data.total} personer` : `${data.total} ${data.total === 1 ? 'person' : 'personer'}`}{q && ` för ”${q}”`}</p>
          {data.people.length > 0 && (
            <table className="responsive people-list"><thead><tr><th>Namn</th><th>Parti</th><th>Roll och organisation</th><th>Möten</th></tr></thead>
              <tbody>{data.people.map((p) => (
                <tr key={p.id}>
                  <td data-label="Namn"><Link to={`/personer/${p.id}`}>{p.name}</Link></td>
                  <td data-label="Parti">{p.parties.join(', ')}</td>
                  <td data-label="Roll och organisation">{[...p.roles, ...p.organisations].join(', ')}</td>
                  <td data-label="Möten">{p.present} närvarande, {p.absent} frånvarande{p.mentioned ? `, ${p.mentioned} omnämnd` : ''}</td>
                </tr>))}</tbody>
            </table>)}
          {data.people.length < data.total && <button type="button" className="more" onClick={() => void load(data.people.length)}>Visa fler ({data.total - data.people.length} till)</button>}
        </>)}
    </div>
  );
}

export function PersonView({ id }: { id: string }) {
  const [p, setPerson] = useState<PersonRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { get<PersonRecord>(`/api/people/${id}`).then(setPerson, (e: Error) => setError(e.message)); }, [id]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!p) return <p className="status">Hämtar personen …</p>;
  return (
    <div className="people">
      <p><Link to="/personer">← Alla personer</Link></p>
      <article className="person">
        <h1>{p.name}{p.parties.length > 0 && ` (${p.parties.join(', ')})`}</h1>
        {p.aliases.length > 0 && <p>Även stavat: {p.aliases.join(', ')}</p>}
        <p>{p.present} närvarande, {p.absent} frånvarande, {p.mentioned} omnämnd{p.roles.length > 0 && ` · ${p.roles.join(', ')}`}{p.organisations.length > 0 && ` · ${p.organisations.join(', ')}`}</p>
        <table className="meetings responsive">
          <thead><tr><th>Datum</th><th>Möte</th><th>Organ</th><th>Närvaro</th></tr></thead>
          <tbody>{[...p.meetings].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).map((m) => (
            <tr key={m.docId} className={`attendance-${m.attendance}`}>
              <td data-label="Datum">{m.date ?? '–'}</td><td data-label="Möte"><Link to={`/dokument/${m.docId}`}>{m.title}</Link>{m.nameInDocument !== p.name && ` (som ${m.nameInDocument})`}</td>
              <td data-label="Organ">{m.body}</td><td data-label="Närvaro">{ATTENDANCE[m.attendance]}{m.role && `, ${m.role}`}{m.sections && <span className="partial"> {sectionsText(m.sections)}</span>}</td>
            </tr>
          ))}</tbody>
        </table>
      </article>
    </div>
  );
}
