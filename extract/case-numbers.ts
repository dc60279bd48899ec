/**
 * Diarienummer (case numbers) as Swedish and Norwegian bodies write them: an organ prefix (one part
 * or several, "SBF-BN"), a year and a serial joined by dashes, slashes, dots or a colon
 * ("KFT-2024-00011", "KS 2023–00456", "KS 2023/214", "KS/2023:456", "RS/240542", "ABC/220099",
 * "23RS1234"), the Government Offices' ministry form ("Ju2024/00970", "Fi2023/01234"), a serial
 * before its year ("5919-2024", "123/2024"), a county board's "526-12345-2023", a classification code
 * before the year ("1.2.3-2024-001"), a two-digit year ("0123/21", "NV-01234-23", Norwegian "23/1234"),
 * a sub-number after ("KS 2023/01234-1.1.2", "23/01234-5"); after "Dnr", "Diarienummer", "Ärendenummer",
 * "Vårt dnr", "Vår beteckning" …, several after one label ("Dnr KS-2024-00011, KS-2024-00012 och …").
 * "Ert dnr" and "Er referens" are not read: they name the addressee's case, not the document's items.
 */
import { ISO_DATE } from '../lib/swedish-dates.ts';
/** An organ's letters, in capitals or with a lower-case "o" between ("BoU", "SoN"), one part or several ("SBF-BN"), then a joiner. */
const PREFIX = String.raw`(?:(?:[\p{Lu}]{1,6}|\p{Lu}(?:\p{Ll}?\p{Lu}){1,3})(?:[-/][\p{Lu}]{1,6}){0,2}(?:[\s.\-–]|\/)?)`;
/** A classification code before the year: "1.2.3-2024-001", "3.1.1-2023-123". */
const CLASS = String.raw`(?:\d{1,2}(?:\.\d{1,2}){1,3}[-–])`;
/** A document's number within the case: "KS 2023/01234-1.1.2", "23/01234-5". */
const PART = String.raw`(?:-\d{1,3}(?:\.\d{1,3}){1,3}|-\d{1,2})?`;
/** A ministry's code, capital then lower case, written onto the year: "Ju2024/00970", "Fi2023/01234", "S2024/00123". */
const MINISTRY = String.raw`[\p{Lu}][\p{Ll}]?(?:19|20)\d{2}\/\d{3,6}`;
/** A state agency's classification code before serial and year: "3.5.1-12345/2024", "8.5-1234/2023". */
const CLASS_SERIAL = String.raw`${CLASS}\d{3,6}\/(?:19|20)\d{2}`;
const FORM = String.raw`(?:(?:${MINISTRY}|${CLASS_SERIAL}|${PREFIX}?${CLASS}?(?:19|20)\d{2}\s?[-–—/.:]\s?\d{1,6}|${PREFIX}\/\d{4,8}|\d{2}[\p{Lu}]{1,4}\d{3,6}|${PREFIX}?\d{4}[-–/]\d{3,6}|\d{3}-\d{1,6}-(?:19|20)\d{2}|\d{1,6}[-/](?:19|20)\d{2}|${PREFIX}?\d{2,5}\/\d{2}|\d{2}\/\d{3,6}|[\p{Lu}]{1,6}-\d{3,6}-\d{2}|\d{2}-\d{3,6})${PART})`;
const LABEL = String.raw`(?:Dnr|D\.nr|Diarienummer|Diarienr|Ärendenummer|Ärendenr|Ärende\s?nr|Ärendebeteckning|Ärende(?=\s*:)|Beteckning|Saksnr|Saksnummer|Sak\s?nr|Arkivsak(?:snr|snummer)?|Vår(?:t)?\s+(?:referens|ref|dnr|beteckning|ärendenummer))`;
const END = String.raw`(?![\p{L}\d]|[-–/]\d)`;
const LABELLED = new RegExp(String.raw`(?<![\p{L}])(?<!(?<![\p{L}])[Ee]rt?\s+)${LABEL}\.?[:\s]*(${FORM}${END}(?:\s*(?:,|och|samt|&)\s*${FORM}${END})*)`, 'giu');
/** Some label's letters: most texts have none, and this test is far cheaper than the forms. */
const LABEL_CUE = /dnr|diarie|ärende|sak|ref|beteckning|d\.nr/i;
const ONE = new RegExp(String.raw`${FORM}${END}`, 'gu');
const BARE = new RegExp(String.raw`^${FORM}$`, 'u');

/** A number wrapped at a dash or slash ("KS-2024-\n00826", "KS-\n2024-00826") is one number. */
const mendWrapped = (text: string) => (text.includes('\n') ? text.replace(/(?<=[\p{Lu}\d])([-–/])[ \t]*\n\s*(?=\d)/gu, '$1') : text);

/** Spaces collapsed, dashes kept as written: "KS 2023–00456" stays itself, "KFT - 2024" does not occur. */
const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every labelled case number in a text, each once, in order. */
export function findCaseNumbers(text: string): string[] {
  if (!LABEL_CUE.test(text)) return [];
  const all = [...mendWrapped(text).matchAll(LABELLED)].flatMap((m) => [...m[1]!.matchAll(ONE)].map((n) => tidy(n[0])));
  return [...new Set(all.filter((c) => !ISO_DATE.test(c) && !isYearSpan(c)))];
}

const LEADING_LABEL = new RegExp(String.raw`^\s*${LABEL}\.?(?:[:\s]|$)`, 'iu');

/** The case numbers of a line that opens with their label ("Dnr KS 2024/12", "Diarienummer: …"): an item's own, under its heading. */
export function leadingCaseNumbers(line: string): string[] {
  return LEADING_LABEL.test(line) ? findCaseNumbers(line) : [];
}

/**
 * A case number of a distinctive shape that opens the line without a label ("SN-2025-00395  Förslag
 * till beslut"): an agenda item's own, its table cells read as lines where the table is too short to be found.
 */
export function openingCaseNumbers(line: string): string[] {
  const first = findUnlabelledCaseNumbers(line)[0];
  return first !== undefined && line.trimStart().startsWith(first) ? [first] : [];
}

const TRAILING_LABEL = new RegExp(String.raw`(?<![\p{L}])(?<!(?<![\p{L}])[Ee]rt?\s+)${LABEL}\.?:?\s*$`, 'iu');

/** A line that ends with a label, its number on the next line ("§ 5            Dnr" / "KS-2024-00123"). */
export function endsWithLabel(line: string): boolean {
  return LABEL_CUE.test(line) && TRAILING_LABEL.test(line);
}

/** The first labelled case number in a text, or null. */
export function firstCaseNumber(text: string): string | null {
  return findCaseNumbers(text)[0] ?? null;
}

/** "2024-2025", "2024/2025": a span of years, not a serial. */
const isYearSpan = (c: string) => { const m = /^((?:19|20)\d{2})[-–/]((?:19|20)\d{2})$/.exec(c); return !!m && Number(m[2]) > Number(m[1]) && Number(m[2]) - Number(m[1]) < 10; };

/** A value that is a case number by itself (a "Diarienummer" field's value, a table's "Beteckning" cell). */
export function isCaseNumber(value: string): boolean {
  return BARE.test(value.trim()) && !ISO_DATE.test(value.trim()) && !isYearSpan(value.trim());
}

/** Shapes distinctive enough to count without a label, in an item's title: "KS-2024-00583", "KN2024/02249", "MBN 2024-000412", "SN 2024.112", "TN/2024:112", "24RS6712". */
const STRONG = /(?<![\p{L}\d-])([\p{Lu}]{1,6}([-–])(?:19|20)\d{2}\2\d{3,6}|[\p{Lu}]{1,6}\s?(?:19|20)\d{2}\/\d{2,6}|[\p{Lu}][\p{Ll}]?(?:19|20)\d{2}\/\d{3,6}|[\p{Lu}]{1,6}\s(?:19|20)\d{2}[-–.]\d{3,6}|[\p{Lu}]{1,6}\/(?:19|20)\d{2}:\d{1,6}|(?![\p{Lu}]*FS\s|SOU\s|DS\s)[\p{Lu}]{1,6}\s(?:19|20)\d{2}:\d{1,6}|\d{2}[\p{Lu}]{2,4}\d{3,6})(?![\p{L}\d])/gu;

/** Unlabelled case numbers of a distinctive shape; a number wrapped at its dash ("KS-2024-\n00826") is mended. */
export function findUnlabelledCaseNumbers(text: string): string[] {
  return [...new Set([...mendWrapped(text).matchAll(STRONG)].map((m) => tidy(m[1]!)).filter((c) => !isYearSpan(c.replace(/^\p{L}+\s?/u, ''))))];
}

const CASE_COLUMN = /^(beteckning|vår beteckning|ärendebeteckning|dnr|diarienummer|diarienr|ärendenummer|ärendenr|ärende ?nr|saksnr|referens)\.?$/i;

/** The column of a table's header row that holds the items' case numbers ("Beteckning", "Dnr" …), or -1. */
export function caseColumn(header: string[]): number {
  // (a narrow column wraps its label at a hyphen: "Ärende- nummer", "Beteck-\nning")
  return header.findIndex((c) => CASE_COLUMN.test(c.replace(/(?<=\p{L})-\s+(?=\p{Ll})/gu, '').trim()));
}

/**
 * Case numbers in a table column headed "Beteckning", "Dnr" … (a kallelse's agenda table):
 * `rows` are the cells of consecutive table rows, the first row the header; or, for a table that
 * goes on without its header (the next page of the agenda), the header's `column` and all rows.
 */
export function caseNumbersInTable(rows: string[][], column?: number): string[] {
  const at = column ?? caseColumn(rows[0] ?? []);
  if (at < 0) return [];
  return rows.slice(column === undefined ? 1 : 0).map((r) => mendWrapped(r[at] ?? '').replace(/\s*\n\s*/g, '').trim()).filter(isCaseNumber);
}
