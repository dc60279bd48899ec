/** One document: metadata, extracted facts with their evidence, and the sections with the hit passage scrolled into view. */
import { useEffect, useState } from 'react';
import { get, ocrLabel, type DocumentRecord, type Evidence, type ProtocolDetail } from './api.ts';
import { label, useLabels } from './labels.ts';
import { sectionsText, voteText } from '../../../lib/protocol-text.ts';
import { Link } from './router.tsx';

const ATTENDANCE = { present: 'Närvarande', absent: 'Frånvarande', unknown: 'Omnämnda' } as const;
/** Headings of lists of the absent: a name there is not struck, it is simply listed. */
const ABSENCE_HEADING = /frånvarande|förhinder|ej närvarande|anmält/i;
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text with the query's words marked and struck-out names struck (as elements, never as HTML). */
function Marked({ text, words, struck }: { text: string; words: string[]; struck: string[] }) {
  if (!words.length && !struck.length) return <>{text}</>;
  const re = new RegExp(`(${[...struck, ...words].map(escape).join('|')})`, 'giu');
  return <>{text.split(re).map((part, i) => (i % 2 === 0 ? part
    : struck.includes(part) ? <del key={i} title="struken: frånvarande">{part}<span className="visually-hidden"> (struken, frånvarande)</span></del>
    : <mark key={i}>{part}</mark>))}</>;
}

/** Paragraphs, with runs of table-cell lines ("Lars Nilsson (S) | ordförande") gathered back into the table they were. */
function blocks(text: string): ({ rows: string[] } | { text: string })[] {
  const out: ({ rows: string[] } | { text: string })[] = [];
  for (const p of text.split(/\n\n+/)) {
    const lines = p.split('\n');
    const last = out[out.length - 1];
    if (!lines.every((l) => l.includes(' | '))) out.push({ text: p });
    else if (last && 'rows' in last) last.rows.push(...lines);
    else out.push({ rows: lines });
  }
  return out;
}

function Paragraphs({ text, quote, ...marks }: { text: string; quote: string | null; words: string[]; struck: string[] }) {
  const quoted = (t: string) => (quote && t.includes(quote.slice(0, 60)) ? 'quoted' : undefined);
  return <>{blocks(text).map((b, i) => ('text' in b
    ? <p key={i} className={quoted(b.text)}><Marked text={b.text} {...marks} /></p>
    : <table key={i} className="cells"><tbody>{b.rows.map((r, j) => (
        <tr key={j} className={quoted(r)}>{r.split(' | ').map((c, k) => <td key={k}><Marked text={c} {...marks} /></td>)}</tr>
      ))}</tbody></table>))}</>;
}

function EvidenceLink({ e }: { e?: Evidence }) {
  if (!e) return null;
  return <a className="evidence" href={`#${encodeURIComponent(e.section ?? '')}`} data-quote={e.quote} title={e.quote}>{e.section ? `${e.section}` : 'källa'}{e.page ? `, s. ${e.page}` : ''}{e.ocr ? ' (OCR)' : ''}</a>;
}

/** Yrkanden, omröstning, reservationer and whom the decision was proposed to, where the protocol records them. */
function Detail({ d }: { d?: ProtocolDetail }) {
  if (!d) return null;
  const vote = voteText(d.vote);
  return (
    <dl className="detail">
      {d.caseNumber && <><dt>Diarienummer</dt><dd>{d.caseNumber}</dd></>}
      {d.proposals.length > 0 && <><dt>Yrkanden</dt><dd><ul>{d.proposals.map((p, i) => <li key={i}>{p.by}{p.party && ` (${p.party})`}: {p.text}</li>)}</ul></dd></>}
      {vote && <><dt>Omröstning</dt><dd>{vote}</dd></>}
      {d.reservations.length > 0 && <><dt>Reservation</dt><dd>{d.reservations.join(', ')}</dd></>}
      {d.proposedTo && <><dt>Förslag till</dt><dd>{d.proposedTo}</dd></>}
    </dl>
  );
}

export function DocumentView({ id, url }: { id: string; url: URL }) {
  const [doc, setDoc] = useState<DocumentRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [quote, setQuote] = useState<string | null>(null);
  const labels = useLabels();
  const words = (url.searchParams.get('q') ?? '').split(/\s+/).filter((w) => w.length > 2);

  useEffect(() => { get<DocumentRecord>(`/api/documents/${id}`).then(setDoc, (e: Error) => setError(e.message)); }, [id]);
  useEffect(() => {
    if (!doc || !url.hash) return;
    document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [doc, url.hash]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!doc) return <p className="status">Hämtar dokumentet …</p>;
  const e = doc.extraction;
  // An absent person whose line in a list of those present starts with their name was struck out there.
  const struckIn = (heading: string) => e.persons
    .filter((p) => p.attendance === 'absent' && p.evidence?.section === heading && !ABSENCE_HEADING.test(heading) && p.evidence.quote.startsWith(p.name))
    .map((p) => p.name);
  const ocrPages = new Map((e.ocr?.pages ?? []).map((p) => [p.page, p.confidence]));
  // Clicking a fact's evidence marks its sentence in the section text.
  const onEvidence = (ev: React.MouseEvent) => { const q = (ev.target as HTMLElement).closest('a.evidence')?.getAttribute('data-quote'); if (q) setQuote(q); };
  return (
    <article className="document" onClick={onEvidence}>
      <p><Link to={`/?${url.searchParams}`}>← Tillbaka till sökningen</Link></p>
      <h1>{doc.title}</h1>
      <dl className="meta">
        <dt>Typ</dt><dd>{label(labels.docType, doc.docType)}</dd>
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
              <li key={p.name}><Link to={`/personer?q=${encodeURIComponent(p.name)}`}>{p.name}</Link>{p.party && ` (${p.party})`}{p.role && `, ${p.role}`}{p.organisation && `, ${p.organisation}`} <EvidenceLink e={p.evidence} />{p.sections && <span className="partial"> {sectionsText(p.sections)}{p.sectionsEvidence?.map((ev, i) => <span key={i}> <EvidenceLink e={ev} /></span>)}</span>}</li>
            ))}</ul></div> : null;
          })}
        </section>
        <section className="decisions-of-doc"><h2>Beslut</h2>{e.decisions.length ? <ul>{e.decisions.map((d, i) => <li key={i}>{d.text} <EvidenceLink e={d.evidence} /><Detail d={d.detail} /></li>)}</ul> : <p>Inga beslut.</p>}</section>
        <section><h2>Åtgärder</h2>{e.actions.length ? <ul>{e.actions.map((d, i) => <li key={i}>{d.owner && <strong>{d.owner}: </strong>}{d.text} <EvidenceLink e={d.evidence} /></li>)}</ul> : <p>Inga åtgärder.</p>}</section>
        <section className="dates-of-doc"><h2>Datum</h2><ul>{e.dates.map((d, i) => <li key={i}>{d.date}{d.endDate && `–${d.endDate}`} ({label(labels.dateKind, d.kind)}) ”{d.text}” <EvidenceLink e={d.evidence} /></li>)}</ul></section>
        <section><h2>Organisationer</h2><ul>{e.organisations.map((o) => <li key={o.name}><Link to={`/organisation/${encodeURIComponent(o.name)}`}>{o.name}</Link> <span className="kind">{o.kind}</span> <EvidenceLink e={o.evidence} /></li>)}</ul></section>
        <section><h2>Teman</h2><ul>{e.themes.map((t) => <li key={t.id}><Link to={`/?theme=${t.id}`}>{t.label ?? label(labels.themes, t.id)}</Link> ({Math.round(t.score * 100)} %) <EvidenceLink e={t.evidence} /></li>)}</ul></section>
      </div>
      <section className="sections"><h2>Innehåll</h2>
        {e.sections.map((s, i) => {
          const struck = struckIn(s.heading);
          return (
            <section key={i} id={s.heading} className="doc-section">
              <h3>{s.heading} <span className="page">s. {s.page}</span>{ocrPages.has(s.page) && <span className="ocr">{ocrLabel(ocrPages.get(s.page)!)}</span>}</h3>
              <Paragraphs text={s.text} quote={quote} words={words} struck={struck} />
            </section>
          );
        })}
      </section>
    </article>
  );
}
