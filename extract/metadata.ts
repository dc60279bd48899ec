/** Document metadata: title, docType, body, organisation, date, location, diarienummer. */
import type { DocType } from '../lib/schema.ts';
import { matchesOf, wordCount } from '../lib/text.ts';
import type { DocContext } from './context.ts';
import { knownBodies } from '../lib/reference-data.ts';
import { findDates, ISO_DATE, withoutTrailingDate } from '../lib/swedish-dates.ts';
import { fieldValue, hasHeaderField } from './header-fields.ts';
import { readLetterhead } from './letterhead.ts';
import { DOC_TYPE_LABEL, DOC_TYPE_PATTERNS, TYPE_FIRST, TYPE_WORDS } from '../lib/swedish-documents.ts';
import { isCaseNumber } from './case-numbers.ts';
import { normaliseOrganisation } from './organisations.ts';

export interface Metadata {
  title: string;
  /** Indexes of the blocks the title came from (excluded from section text). */
  titleBlocks: number[];
  docType: DocType;
  body: string | null;
  organisation: string | null;
  date: string | null;
  /** The document's own date (the "Datum" field) when it differs from the meeting date. */
  documentDate: string | null;
  location: string | null;
  diarienummer: string | null;
}


type MetadataInput = Pick<DocContext, 'blocks' | 'plain' | 'line' | 'fullText' | 'header' | 'doc'>;

export function extractMetadata(ctx: MetadataInput): Metadata {
  const { blocks, header: lines } = ctx;
  const { fileName, metaTitle, metaCreated, pageHeader } = ctx.doc;
  // The first page's own lines, columns still spaced out, then the running header.
  const letterhead = readLetterhead([...blocks.slice(0, 6).flatMap((b) => b.text.split('\n')), ...pageHeader.flatMap((h) => h.split('\n'))].slice(0, 40));
  const heading = findTitle(ctx, metaTitle);
  // A letterhead protocol has no title line: its first paragraphs are the attendance block.
  const found = letterhead.body && heading && blocks[heading.index]?.kind !== 'heading' ? null : heading;
  const docType = findDocType([found?.title ?? '', letterhead.typeWord ?? '', fileName.replace(/[-_]/g, ' ')], ctx.fullText, ctx.line);
  const documentDate = dateIn(fieldValue(lines, /datum|dokumentdatum/, hasFullDate), null);
  const meetingField = fieldValue(lines, /tid|sammanträdesdatum|mötesdatum|sammanträde/, (v) => findDates(v).length > 0);
  // A date without its year ("Referensgrupp 18 nov") takes it from the document's date, else from the file's creation date.
  const yearFrom = documentDate ?? metaCreated ?? null;
  const meetingDate = dateIn(meetingField, yearFrom) ?? dateIn(found?.title ?? null, yearFrom) ?? dateIn(fileName.replace(/_/g, ' '), null);
  const date = meetingDate ?? documentDate ?? firstFullDate(ctx.plain);
  const body = letterhead.body ?? findBody(found?.title ?? '', lines, ctx.fullText);
  return {
    title: found?.title ?? [DOC_TYPE_LABEL[docType], body, date].filter(Boolean).join(' '),
    titleBlocks: found && found.index >= 0 ? [found.index, ...(found.extra ? [found.index + found.extra] : [])] : [],
    docType,
    body,
    organisation: letterhead.organisation ?? findOrganisation(body, lines, ctx.fullText, ctx.line),
    date,
    documentDate: documentDate !== date ? documentDate : null,
    location: findLocation(lines, ctx.plain),
    // (a tjänsteskrivelse's header: "Diarienummer", "Dnr", "Ärendenummer", "Vår beteckning" …; not "Ert dnr", the addressee's)
    diarienummer: fieldValue(lines, /diarienummer|diarienr|dnr|d\.nr|ärendenummer|ärendenr|ärendebeteckning|vår beteckning|vårt dnr|vår referens|vår ref\.?/, looksLikeCaseNumber),
  };
}

/**
 * "RS/240542", "KS 2020/123", "Dnr 23RS1234": short, with digits, not a date; not a word of text
 * (a table's next cell "1. Budget 2026" under a "Diarienummer" column) nor a closing bracket ("(Dnr KS-2024-1)").
 */
function looksLikeCaseNumber(v: string): boolean {
  return isCaseNumber(v) || (/\d/.test(v) && v.length <= 40 && v.split(/\s+/).length <= 4 && !ISO_DATE.test(v) && !/\p{Ll}{3}|[).,;]$/u.test(v));
}

function hasFullDate(v: string): boolean {
  return findDates(v).some((d) => d.hasYear);
}

function dateIn(text: string | null, ref: string | null): string | null {
  if (!text) return null;
  return findDates(text, ref)[0]?.date ?? null;
}

function firstFullDate(plainBlocks: string[]): string | null {
  for (const text of plainBlocks.slice(0, 15)) {
    const d = findDates(text).find((x) => x.hasYear);
    if (d) return d.date;
  }
  return null;
}

/**
 * The title: an unnumbered heading near the top; else a paragraph that opens with a document type
 * ("Anteckningar från studieresan …", "Protokoll till …"); else the file's title metadata; else the
 * first short line that is neither a header field nor a name. Null when there is none, so the
 * caller composes one from type, body and date.
 */
function findTitle(ctx: Pick<DocContext, 'blocks' | 'plain' | 'line'>, metaTitle: string | null): { title: string; index: number; extra?: number } | null {
  const { blocks } = ctx;
  // The title stands before the first item: the heading under "§ 1  Dnr …" is that item's title.
  const firstItem = ctx.line.slice(0, 12).findIndex((l) => /^§\s*\d/.test(l));
  const candidates = blocks.slice(0, firstItem >= 0 ? firstItem : 12).map((b, index) => ({ b, index, text: ctx.line[index]! }))
    .filter(({ b, index, text }) => b.kind !== 'table-row' && text.length >= 4 && text.length <= 200 && !hasHeaderField(ctx.plain[index]!)
      && !ISO_DATE.test(text) && !ITEM_LINE.test(text));
  const heading = candidates.find(({ b }) => b.kind === 'heading' && (b.level ?? 1) <= 3);
  if (heading) return { title: heading.text, index: heading.index };
  // A large-type title wraps in PDFs: "Minnesanteckningar" / "Ordföranderådet 14 juni 2024".
  const first = candidates[0];
  const next = first && blocks[first.index + 1];
  if (first && next && TYPE_FIRST.test(first.text) && wordCount(first.text) <= 3 && next.kind === 'paragraph'
    && wordCount(next.text) <= 8 && !hasHeaderField(ctx.plain[first.index + 1]!) && !/[.:]$/.test(next.text) && !ITEM_LINE.test(next.text)) {
    return { title: `${first.text} ${ctx.line[first.index + 1]}`, index: first.index, extra: 1 };
  }
  const typed = candidates.find(({ text }) => TYPE_FIRST.test(text));
  if (typed) return { title: typed.text.replace(/[.:]$/, ''), index: typed.index };
  if (metaTitle && metaTitle.length > 3) return { title: metaTitle, index: -1 };
  const line = candidates.find(({ b, text }) => b.kind === 'paragraph' && wordCount(text) >= 3 && !/[.]$/.test(text) && !PERSON_NAME.test(text));
  return line ? { title: line.text, index: line.index } : null;
}

/** An item's line ("§ 31 …", "4. …"): no title, and no line a title wraps onto. */
const ITEM_LINE = /^(-\s+)?(§\s*)?\d+[.)]?\s/;

const PERSON_NAME = /^[\p{Lu}][\p{Ll}-]+((\s+(de|af|von|van|der|la))?\s+[\p{Lu}][\p{Ll}-]+){1,3}$/u;

/** A list of who took part: the record of a held meeting. */
const ATTENDANCE_LABEL = /^(närvarande|deltagare|deltagande|närvarande ledamöter)\s*:?(\s|$)/iu;

/**
 * The type the title names, else the letterhead's type in capitals, else the file name's; else the
 * type the text names most; else, for a text that never names its type but lists who took part,
 * the record it is: a protocol with § items and justering, else minnesanteckningar.
 */
function findDocType(sources: string[], text: string, lines: string[]): DocType {
  const named = namedDocType(sources, text);
  if (named !== 'other' || !lines.slice(0, 30).some((l) => ATTENDANCE_LABEL.test(l))) return named;
  return /(^|\n)§\s*\d/.test(text) && /(?<![\p{L}])juster(as|at|ad|are)(?![\p{L}])/iu.test(text) ? 'protokoll' : 'minnesanteckningar';
}

function namedDocType(sources: string[], text: string): DocType {
  for (const source of sources) {
    const hit = DOC_TYPE_PATTERNS.find(([, re]) => re.test(source));
    if (hit) return hit[0];
  }
  // Otherwise the type the text names most often about itself ("Detta PM …", "Föregående minnesanteckningar").
  const counts = DOC_TYPE_PATTERNS.map(([type, re]) => ({ type, n: (text.match(new RegExp(re.source, re.flags.includes('i') ? 'gi' : 'g')) ?? []).length }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  return counts[0]?.type ?? 'other';
}

function aliasRegex(alias: string): RegExp {
  return new RegExp(`(?<![\\p{L}])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
}

/** The known bodies' aliases, longest first, each with its pattern: built once, not for every document. */
let bodyAliases: { a: string; name: string; re: RegExp }[] | undefined;
const knownAliases = () => (bodyAliases ??= knownBodies()
  .flatMap((b) => b.aliases.map((a) => ({ a, name: b.name })))
  .sort((x, y) => y.a.length - x.a.length)
  .map((x) => ({ ...x, re: aliasRegex(x.a) })));
/** Whether the alias stands in the text (its shared global pattern read from the start). */
const names = (re: RegExp, text: string) => { re.lastIndex = 0; return re.test(text); };

/** A known body named in the title or header; else the known body the text names most; else a "…rådet/…styrelsen" in the title. */
function findBody(title: string, lines: string[], text: string): string | null {
  // Longest alias first so "Specifika samverkansrådet för skola …" wins over "Specifika samverkansrådet".
  const aliases = knownAliases();
  for (const source of [title, lines.slice(0, 12).join('\n')]) {
    const hit = aliases.find(({ re }) => names(re, source));
    if (hit) return hit.name;
  }
  const counts = new Map<string, number>();
  for (const { re, name } of aliases) counts.set(name, (counts.get(name) ?? 0) + (text.match(re) ?? []).length);
  const best = [...counts].filter(([, n]) => n > 0).sort((x, y) => y[1] - x[1])[0];
  if (best) return best[0];
  // A title that names an organ unknown to the lexicon is the organ's name, as written, without
  // the document type and date ("Strukturella Metadata - Referensgrupp 18 nov", "Styrgrupp e-arkiv").
  const generic = /(?<![\p{L}])[\p{L}-]*(?:rådet|råd|styrelsen|nämnden|nämnd|beredningen|utskottet|fullmäktige|grupp(?:en)?|nätverk(?:et)?|direktionen|revisionen)(?![\p{L}])/iu.exec(title);
  if (!generic) return null;
  // A meeting's number after the organ is no part of its name ("Referensgrupp 5", "Referensgrupp 6 den 24 februari 2025").
  const asWritten = withoutTrailingDate(title.replace(TYPE_WORDS, ' ').trim()).replace(/\s+/g, ' ').trim()
    .replace(new RegExp(String.raw`(${generic[0]})\s+(?:nr\.?\s*)?\d{1,3}(?:\s+den)?$`, 'iu'), '$1');
  return (asWritten.split(' ').length <= 8 ? asWritten : generic[0]).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

const ORG_PATTERN = /\b(Region [\p{Lu}][\p{Ll}]+(?: län)?|[\p{Lu}][\p{Ll}]+(?:s)? kommun|Sveriges riksbank|Länsstyrelsen i [\p{Lu}][\p{Ll}]+ län)\b/gu;

/** "Arbetet … drivs av Myndigheten för digital förvaltning": who runs the work owns the group. */
const RUN_BY = /(?<![\p{L}])(?:drivs|leds|samordnas|sammankallas|arrangeras)\s+av\s+([\p{Lu}][\p{L}\s-]{2,60}?)(?=[.,;:()]|\s+och\s|\s+i\s+samarbete|$)/gu;
/** A participant line: "Matthias Palmér (Digg)". */
const PARTICIPANT = /^[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+){1,3}\s*\(([^)]{2,60})\)$/u;

function findOrganisation(body: string | null, lines: string[], text: string, blockLines: string[]): string | null {
  const known = knownBodies().find((b) => b.name === body)?.organisation;
  if (known) return known;
  const inHeader = lines.slice(0, 12).join('\n').match(ORG_PATTERN);
  if (inHeader?.[0]) return inHeader[0];
  const runBy = [...matchesOf(RUN_BY, text)].map((m) => normaliseOrganisation(m[1]!.trim())?.name).find(Boolean);
  if (runBy) return runBy;
  const counts = new Map<string, number>();
  for (const m of matchesOf(ORG_PATTERN, text)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? hostOfParticipants(blockLines);
}

/**
 * The organisation most of the participants come from, when one clearly leads ("(Digg)" after four
 * names, no other after more than two) and the lexicon knows it: the host of a group whose owner
 * is otherwise only in its logo.
 */
function hostOfParticipants(blockLines: string[]): string | null {
  const counts = new Map<string, number>();
  for (const l of blockLines.slice(0, 60)) {
    const org = PARTICIPANT.exec(l)?.[1];
    const name = org ? normaliseOrganisation(org)?.name : undefined;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && first[1] >= 3 && first[1] > (second?.[1] ?? 0) + 1 ? first[0] : null;
}

function findLocation(lines: string[], plainBlocks: string[]): string | null {
  const field = fieldValue(lines, /plats och tid|mötesplats|plats|lokal/, (v) => /\p{L}{3}/u.test(v));
  // "Stadshuset, Arvika, tisdag 23 november 2021 kl. 13.00–16.15": the place without the time.
  if (field) return field.replace(/,?\s*(\p{L}+dag(en)?\s+)?(den\s+)?(\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})?\s*,?\s*(kl\.?\s*[\d.:–-]+.*)?$/iu, '').replace(/[.,]$/, '').trim() || field;
  const text = plainBlocks.slice(0, 8).join('\n');
  const m = /\b(?:hålls|hölls|äger rum|ägde rum|genomförs|genomfördes)\s+(?:på|i)\s+((?:[\p{Lu}][\p{L}-]*)(?:\s+[\p{Lu}][\p{L}-]*)*)/u.exec(text);
  return m ? m[1]! : null;
}
