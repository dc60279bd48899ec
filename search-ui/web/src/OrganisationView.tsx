/** An organisation's documents over time, with counts per year and body. */
import { useEffect, useState } from 'react';
import { get } from './api.ts';
import { Link } from './router.tsx';

interface Org { name: string; documents: { id: string; title: string; date: string | null; body: string | null; bodyKey?: string | null; docType: string }[]; facets: Record<string, Record<string, number>> }

export function OrganisationView({ name }: { name: string }) {
  const [org, setOrg] = useState<Org | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { get<Org>(`/api/organisations/${encodeURIComponent(name)}`).then(setOrg, (e: Error) => setError(e.message)); }, [name]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!org) return <p className="status">Hämtar …</p>;
  const years = Object.entries(org.facets.year ?? {}).sort();
  return (
    <div className="organisation">
      <h1>{org.name}</h1>
      <p>Nämns i {org.documents.length} dokument{years.length > 0 && `: ${years.map(([y, n]) => `${y} (${n})`).join(', ')}`}.</p>
      <table><thead><tr><th>Datum</th><th>Dokument</th><th>Organ</th></tr></thead>
        <tbody>{org.documents.map((d) => <tr key={d.id}><td>{d.date ?? '–'}</td><td><Link to={`/dokument/${d.id}`}>{d.title}</Link></td><td>{d.bodyKey ?? d.body}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
