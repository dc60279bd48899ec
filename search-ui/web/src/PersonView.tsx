/** Persons across the archive: search by name, then each person's meetings over time. */
import { useEffect, useState } from 'react';
import { get, type PersonRecord } from './api.ts';
import { Link } from './router.tsx';

const ATTENDANCE: Record<string, string> = { present: 'närvarande', absent: 'frånvarande', unknown: 'omnämnd' };

export function PersonView({ url }: { url: URL }) {
  const q = url.searchParams.get('q') ?? '';
  const [people, setPeople] = useState<PersonRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { get<PersonRecord[]>(`/api/people?q=${encodeURIComponent(q)}&limit=${q ? 5 : 50}`).then(setPeople, (e: Error) => setError(e.message)); }, [q]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!people) return <p className="status">Hämtar personer …</p>;
  if (!people.length) return <p className="status">Ingen person hittades{q && ` för ”${q}”`}.</p>;
  return (
    <div className="people">
      {people.map((p) => (
        <article key={p.id} className="person">
          <h1>{p.name}{p.parties.length > 0 && ` (${p.parties.join(', ')})`}</h1>
          {p.aliases.length > 0 && <p>Även stavat: {p.aliases.join(', ')}</p>}
          <p>{p.present} närvarande, {p.absent} frånvarande, {p.mentioned} omnämnd{p.roles.length > 0 && ` · ${p.roles.join(', ')}`}{p.organisations.length > 0 && ` · ${p.organisations.join(', ')}`}</p>
          <table className="meetings">
            <thead><tr><th>Datum</th><th>Möte</th><th>Organ</th><th>Närvaro</th></tr></thead>
            <tbody>{p.meetings.map((m) => (
              <tr key={m.docId} className={`attendance-${m.attendance}`}>
                <td>{m.date ?? '–'}</td><td><Link to={`/dokument/${m.docId}`}>{m.title}</Link>{m.nameInDocument !== p.name && ` (som ${m.nameInDocument})`}</td><td>{m.body}</td><td>{ATTENDANCE[m.attendance]}</td>
              </tr>
            ))}</tbody>
          </table>
        </article>
      ))}
    </div>
  );
}
