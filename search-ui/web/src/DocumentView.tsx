/** One document: metadata, extracted facts with their evidence, and the sections with the hit passage scrolled into view. */
import { useEffect, useState } from 'react';
import { get, ocrLabel, type DocumentRecord, type Evidence } from './api.ts';
import { Link } from './router.tsx';

const ATTENDANCE = { present: 'Närvarande', absent: 'Frånvarande', unknown: 'Omnämnda' } as const;

/** Text with the query's words marked (as elements, never as HTML). */
function Highlight({ text, words }: { text: string; words: string[] }) {
  if (!words.length) return <>{text}</>;
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return <>{text.split(re).map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part))}</>;
}

function EvidenceLink({ e }: { e?: Evidence }) {
  if (!e) return null;
  return <a className="evidence" href={`#${encodeURIComponent(e.section ?? '')}`} data-quote={e.quote} title={e.quote}>{e.section ? `${e.section}` : 'källa'}{e.page ? `, s. ${e.page}` : ''}{e.ocr ? ' (OCR)' : ''}</a>;
}

export function DocumentView({ id, url }: { id: string; url: URL }) {
  const [doc, setDoc] = useState<DocumentRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [quote, setQuote] = useState<string | null>(null);
  const words = (url.searchParams.get('q') ?? '').split(/\s+/).filter((w) => w.length > 2);

  useEffect(() => { get<DocumentRecord>(`/api/documents/${id}`).then(setDoc, (e: Error) => setError(e.message)); }, [id]);
  useEffect(() => {
    if (!doc || !url.hash) return;
    document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [doc, url.hash]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!doc) return <p className="status">Hämtar dokumentet …</p>;
  const e = doc.extraction;
  const ocrPages = new Map((e.ocr?.pages ?? []).map((p) => [p.page, p.confidence]));
  // Clicking a fact's evidence marks its sentence in the section text.
  const onEvidence = (ev: React.MouseEvent) => { const q = (ev.target as HTMLElement).closest('a.evidence')?.getAttribute('data-quote'); if (q) setQuote(q); };
  return (
    <article className="document" onClick={onEvidence}>
      <p><Link to={`/?q=${encodeURIComponent(url.searchParams.get('q') ?? '')}`}>← Tillbaka till sökningen</Link></p>
      <h1>{doc.title}</h1>
      <dl className="meta">
        <dt>Typ</dt><dd>{doc.docType}</dd>
        <dt>Datum</dt><dd>{doc.date ?? '–'} {doc.mandatePeriod && `(mandatperiod ${doc.mandatePeriod})`}</dd>
        <dt>Organ</dt><dd>{doc.body ?? '–'}</dd>
        <dt>Organisation</dt><dd>{doc.organisation ?? '–'}</dd>
        {doc.location && <><dt>Plats</dt><dd>{doc.location}</dd></>}
        {doc.diarienummer && <><dt>Diarienummer</dt><dd>{doc.diarienummer}</dd></>}
        {e.ocr && <><dt>OCR</dt><dd className="ocr">{ocrLabel(e.ocr.confidence)} (s. {e.ocr.pages.map((p) => p.page).join(', ')} lästa med OCR – orden kan vara felläsningar)</dd></>}
        <dt>Fil</dt><dd><a href={`/files/${doc.id}`} download>{doc.fileName}</a></dd>
      </dl>
      <div className="facts">
        <section id="personer"><h2>Personer</h2>
          {(['present', 'absent', 'unknown'] as const).map((a) => {
            const ps = e.persons.filter((p) => p.attendance === a);
            return ps.length ? <div key={a} className={`attendance-${a}`}><h3>{ATTENDANCE[a]} ({ps.length})</h3><ul>{ps.map((p) => (
              <li key={p.name}><Link to={`/personer?q=${encodeURIComponent(p.name)}`}>{p.name}</Link>{p.party && ` (${p.party})`}{p.role && `, ${p.role}`}{p.organisation && `, ${p.organisation}`} <EvidenceLink e={p.evidence} /></li>
            ))}</ul></div> : null;
          })}
        </section>
        <section><h2>Beslut</h2>{e.decisions.length ? <ul>{e.decisions.map((d, i) => <li key={i}>{d.text} <EvidenceLink e={d.evidence} /></li>)}</ul> : <p>Inga beslut.</p>}</section>
        <section><h2>Åtgärder</h2>{e.actions.length ? <ul>{e.actions.map((d, i) => <li key={i}>{d.owner && <strong>{d.owner}: </strong>}{d.text} <EvidenceLink e={d.evidence} /></li>)}</ul> : <p>Inga åtgärder.</p>}</section>
        <section><h2>Datum</h2><ul>{e.dates.map((d, i) => <li key={i}>{d.date}{d.endDate && `–${d.endDate}`} ({d.kind}) ”{d.text}” <EvidenceLink e={d.evidence} /></li>)}</ul></section>
        <section><h2>Organisationer</h2><ul>{e.organisations.map((o) => <li key={o.name}><Link to={`/organisation/${encodeURIComponent(o.name)}`}>{o.name}</Link> <span className="kind">{o.kind}</span> <EvidenceLink e={o.evidence} /></li>)}</ul></section>
        <section><h2>Teman</h2><ul>{e.themes.map((t) => <li key={t.id}><Link to={`/?theme=${t.id}`}>{t.label ?? t.id}</Link> ({Math.round(t.score * 100)} %) <EvidenceLink e={t.evidence} /></li>)}</ul></section>
      </div>
      <section className="sections"><h2>Innehåll</h2>
        {e.sections.map((s, i) => (
          <section key={i} id={s.heading} className="doc-section">
            <h3>{s.heading} <span className="page">s. {s.page}</span>{ocrPages.has(s.page) && <span className="ocr">{ocrLabel(ocrPages.get(s.page)!)}</span>}</h3>
            {s.text.split(/\n\n+/).map((p, j) => <p key={j} className={quote && p.includes(quote.slice(0, 60)) ? 'quoted' : ''}><Highlight text={p} words={words} /></p>)}
          </section>
        ))}
      </section>
    </article>
  );
}
