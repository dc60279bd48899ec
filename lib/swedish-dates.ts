/**
 * Swedish date expressions → ISO dates: "18 mars 2022", "2022-11-21", "24–25 maj", "9-10 februari",
 * "31/1", "29/12", "8 april kl 13-15". Dates without a year take it from a reference date
 * (the document's own), choosing the year that puts them between three months before and nine
 * months after it: minutes look ahead (next meetings, deadlines) more often than back.
 */
import type { DateMention } from './schema.ts';
import { matchesOf } from './text.ts';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const NAMED = new RegExp(`\\b(\\d{1,2})(?:\\s*[–-]\\s*(\\d{1,2}))?\\s+(${MONTH_NAMES})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}])`, 'giu');
const SLASH = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:[/-](\d{4}))?(?![\d/])/g;

/** A whole value that is an ISO date ("2024-01-24"), not a case number or a title. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The text without the date it ends with ("Referensgrupp 18 nov" → "Referensgrupp"). */
export function withoutTrailingDate(text: string): string {
  // Any year will do: only where the date stands matters.
  const last = findDates(text, '2000-01-01').at(-1);
  return last && !text.slice(last.index + last.text.length).replace(/\./, '').trim() ? text.slice(0, last.index).trimEnd() : text;
}

export interface RawDate { date: string; endDate?: string; text: string; index: number; hasYear: boolean }

export function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

function resolveYear(m: number, d: number, ref: string | null): number | null {
  if (!ref) return null;
  const refTime = Date.parse(ref);
  const refYear = Number(ref.slice(0, 4));
  for (const y of [refYear, refYear + 1, refYear - 1]) {
    const iso = isoDate(y, m, d);
    if (!iso) continue;
    const months = (Date.parse(iso) - refTime) / (30.44 * 86_400_000);
    if (months >= -3 && months <= 9) return y;
  }
  return refYear;
}

/** Every date expression in `text`, in order. Yearless dates need `ref` (ISO) or are skipped. */
export function findDates(text: string, ref: string | null = null): RawDate[] {
  // Every form has digits: most blocks of running text have none.
  if (!/\d/.test(text)) return [];
  const found: RawDate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (r: RawDate, end: number) => { if (!overlaps(r.index, end)) { found.push(r); taken.push([r.index, end]); } };

  for (const m of matchesOf(ISO, text)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) add({ date: iso, text: m[0], index: m.index, hasYear: true }, m.index + m[0].length);
  }
  for (const m of matchesOf(NAMED, text)) {
    const month = MONTHS[m[3]!.toLowerCase()]!;
    const day = Number(m[1]);
    const endDay = m[2] ? Number(m[2]) : null;
    const year = m[4] ? Number(m[4]) : resolveYear(month, day, ref);
    if (year === null) continue;
    const iso = isoDate(year, month, day);
    if (!iso) continue;
    const end = endDay !== null && endDay > day ? isoDate(year, month, endDay) : null;
    add({ date: iso, ...(end ? { endDate: end } : {}), text: m[0].replace(/\.$/, ''), index: m.index, hasYear: Boolean(m[4]) }, m.index + m[0].length);
  }
  for (const m of matchesOf(SLASH, text)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    const year = m[3] ? Number(m[3]) : resolveYear(month, day, ref);
    if (year === null) continue;
    const iso = isoDate(year, month, day);
    if (iso) add({ date: iso, text: m[0], index: m.index, hasYear: Boolean(m[3]) }, m.index + m[0].length);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The kind of a date from the words just before it (same line). */
export function dateKind(before: string, sectionHeading = ''): DateMention['kind'] {
  const b = before.toLowerCase();
  if (/justera(t|s|d)?( den)?[:\s]*$/.test(b)) return 'adjusted';
  if (/(nästa|kommande) möte|nästa sammanträde/.test(b) || /nästa möte|kommande möten/i.test(sectionHeading)) return 'next-meeting';
  if (/(senast|sista dag(en)?|deadline|inom|före)\s*(den\s*)?$/.test(b)) return 'deadline';
  if (/(^|\s)(tid|sammanträdesdatum|mötesdatum|mötestid|datum för mötet)[:\s]*(\p{L}+dag(en)?\s*)?(den\s*)?$/u.test(b)) return 'meeting';
  if (/(^|\s)datum[:\s]*$/.test(b)) return 'document';
  return 'event';
}

/** Mandate periods run in calendar years: 2015–2018, 2019–2022, 2023–2026, 2027–2030 … */
export function mandatePeriod(isoDateValue: string | null): string | null {
  if (!isoDateValue) return null;
  const year = Number(isoDateValue.slice(0, 4));
  const start = 2015 + 4 * Math.floor((year - 2015) / 4);
  return `${start}-${start + 3}`;
}

/** What each kind of date is, in the words the page and reports show. */
export const DATE_KIND_LABEL: Record<DateMention['kind'], string> = {
  meeting: 'sammanträde', adjusted: 'justering', document: 'dokumentets datum', 'next-meeting': 'nästa möte',
  deadline: 'sista dag', event: 'händelse', other: 'övrigt',
};
