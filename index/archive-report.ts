/**
 * The figures of a mandate-period review, computed once from the indexed documents: meetings per
 * body and year, attendance per member, decisions in date order, themes per year, the most frequent
 * organisations and the persons in most meetings. The report command renders them; the search UI
 * can show the same data.
 */
import type { Extraction, PersonRecord, ProtocolDetail } from '../lib/schema.ts';
import { resolveAcrossArchive, type DocumentPersons } from '../extract/index.ts';
import { and, buildFilter, quote } from './filter.ts';
import { isBodyMember, MEETING_RECORD_TYPES } from '../lib/swedish-documents.ts';
import type { ArchiveIndex } from './archive-index.ts';

export interface ReportDocument {
  /** `bodyKey`: the body with its organisation (index/records.ts); records older than it have only `body`. */
  id: string; title: string; date: string | null; body: string | null; bodyKey?: string | null; organisation: string | null; docType: string; source: string; fileName: string;
  extraction: Pick<Extraction, 'persons' | 'decisions' | 'organisations' | 'themes'>;
}

export interface ReportData {
  period: string;
  body: string | null;
  documents: number;
  meetings: { body: string; year: number; count: number }[];
  /** The members (ledamöter, ersättare) of the bodies: attendance counted only where they sat as members. */
  attendance: { name: string; parties: string[]; present: number; absent: number; rate: number; partial: number }[];
  /** Everyone else recorded at meetings (officials, presenters, guests), with the roles they came in. */
  others: { name: string; roles: string[]; present: number }[];
  decisions: DecisionRow[];
  themesPerYear: { year: number; theme: string; documents: number }[];
  /** Dated documents per year: what a theme's share of a year is out of. */
  documentsPerYear: { year: number; documents: number }[];
  organisations: { name: string; kind: string; documents: number }[];
  persons: Pick<PersonRecord, 'name' | 'parties' | 'present' | 'absent' | 'mentioned'>[];
}

/** One decision with where it was taken and its protocol detail. */
export interface DecisionRow {
  date: string | null; body: string | null; organisation: string | null; title: string; text: string; section: string | null;
  detail: ProtocolDetail | null; source: string; fileName: string; docId: string;
}

const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
const bodyOf = (d: ReportDocument) => d.bodyKey ?? d.body;

/** The decisions of these documents in date order (undated last). */
export function decisionRows(docs: ReportDocument[]): DecisionRow[] {
  return docs.flatMap((d) => d.extraction.decisions.map((x) => ({
    date: d.date, body: bodyOf(d), organisation: d.organisation, title: d.title, text: x.text, section: x.section,
    detail: x.detail ?? null, source: d.source, fileName: d.fileName, docId: d.id,
  }))).sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}

export function reportData(docs: ReportDocument[], period: string, body: string | null): ReportData {
  const dated = docs.filter((d) => d.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const meetings = new Map<string, number>();
  const themes = new Map<string, number>();
  const perYear = new Map<number, number>();
  const orgs = new Map<string, { kind: string; n: number }>();
  for (const d of dated) {
    const year = Number(d.date!.slice(0, 4));
    count(perYear, year);
    if (MEETING_RECORD_TYPES.has(d.docType)) count(meetings, `${bodyOf(d) ?? 'okänt organ'}\u0000${year}`);
    for (const t of d.extraction.themes) count(themes, `${year}\u0000${t.id}`);
    for (const o of new Map(d.extraction.organisations.map((o) => [o.name, o.kind]))) {
      const e = orgs.get(o[0]) ?? { kind: o[1], n: 0 };
      e.n++;
      orgs.set(o[0], e);
    }
  }
  const persons = (keep: (p: ReportDocument['extraction']['persons'][number]) => boolean): DocumentPersons[] =>
    dated.map((d) => ({ docId: d.id, title: d.title, date: d.date, body: bodyOf(d), persons: d.extraction.persons.filter(keep) }));
  const people = resolveAcrossArchive(persons(() => true));
  const members = resolveAcrossArchive(persons(isBodyMember));
  return {
    period,
    body,
    documents: docs.length,
    meetings: [...meetings].map(([k, n]) => { const [b, y] = k.split('\u0000'); return { body: b!, year: Number(y), count: n }; })
      .sort((a, b) => a.body.localeCompare(b.body, 'sv') || a.year - b.year),
    attendance: members.filter((p) => p.present + p.absent > 0)
      // Present for some §§ only (or not in some): counted present, and how often apart.
      .map((p) => ({ name: p.name, parties: p.parties, present: p.present, absent: p.absent, rate: p.present / (p.present + p.absent), partial: p.meetings.filter((m) => m.attendance === 'present' && m.sections).length }))
      .sort((a, b) => b.present + b.absent - (a.present + a.absent) || a.name.localeCompare(b.name, 'sv')),
    others: resolveAcrossArchive(persons((p) => !isBodyMember(p) && p.attendance === 'present'))
      .map((p) => ({ name: p.name, roles: p.roles, present: p.present }))
      .sort((a, b) => b.present - a.present || a.name.localeCompare(b.name, 'sv')),
    decisions: decisionRows(dated),
    themesPerYear: [...themes].map(([k, n]) => { const [y, t] = k.split('\u0000'); return { year: Number(y), theme: t!, documents: n }; })
      .sort((a, b) => a.year - b.year || a.theme.localeCompare(b.theme)),
    documentsPerYear: [...perYear].map(([year, documents]) => ({ year, documents })),
    organisations: [...orgs].map(([name, e]) => ({ name, kind: e.kind, documents: e.n })).sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name, 'sv')).slice(0, 25),
    persons: people.slice(0, 25).map(({ name, parties, present, absent, mentioned }) => ({ name, parties, present, absent, mentioned })),
  };
}

/** The indexed documents of a mandate period (and body), with the parts of their extraction the review needs. */
export async function reportDocuments(index: ArchiveIndex, period?: string | null, body?: string | null): Promise<ReportDocument[]> {
  const docs: ReportDocument[] = [];
  const filter = and(period ? `mandatePeriod = ${quote(period)}` : null, body ? buildFilter({ body: [body] }) : null);
  for (let offset = 0; ; offset += 500) {
    const page = await index.client.getDocuments<ReportDocument>(index.names.documents, {
      filter, fields: ['id', 'title', 'date', 'body', 'bodyKey', 'organisation', 'docType', 'source', 'fileName', 'extraction.persons', 'extraction.decisions', 'extraction.organisations', 'extraction.themes'], limit: 500, offset,
    });
    docs.push(...page.results);
    if (page.results.length < 500) return docs;
  }
}
