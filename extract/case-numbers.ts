/**
 * Diarienummer (case numbers) as Swedish and Norwegian bodies write them: an organ prefix, a year
 * and a serial joined by dashes or slashes ("KFT-2024-00011", "KS 2023–00456", "KS 2023/214",
 * "RS/240542", "ABC/220099", "23RS1234"), after "Dnr", "Diarienummer" or "Ärendenummer".
 */
import { ISO_DATE } from '../lib/swedish-dates.ts';
const PREFIX = String.raw`(?:[\p{Lu}]{1,6}(?:[\s-]|\/)?)`;
const FORM = String.raw`(?:${PREFIX}?(?:19|20)\d{2}\s?[-–—/.]\s?\d{1,6}|${PREFIX}\/\d{4,8}|\d{2}[\p{Lu}]{1,4}\d{3,6}|${PREFIX}?\d{4}[-–/]\d{3,6})`;
const LABELLED = new RegExp(String.raw`(?<![\p{L}])(?:Dnr|Diarienummer|Diarienr|Ärendenummer|Ärendenr|Saksnr|Vår referens)\.?[:\s]*(${FORM})(?![\p{L}\d]|[-–/]\d)`, 'giu');
const BARE = new RegExp(String.raw`^${FORM}$`, 'u');

/** Spaces collapsed, dashes kept as written: "KS 2023–00456" stays itself, "KFT - 2024" does not occur. */
const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every labelled case number in a text, each once, in order. */
export function findCaseNumbers(text: string): string[] {
  return [...new Set([...text.matchAll(LABELLED)].map((m) => tidy(m[1]!)).filter((c) => !ISO_DATE.test(c)))];
}

/** The first labelled case number in a text, or null. */
export function firstCaseNumber(text: string): string | null {
  return findCaseNumbers(text)[0] ?? null;
}

/** A value that is a case number by itself (a "Diarienummer" field's value, a table's "Beteckning" cell). */
export function isCaseNumber(value: string): boolean {
  return BARE.test(value.trim()) && !ISO_DATE.test(value.trim());
}

/** Shapes distinctive enough to count without a label, in an item's title: "KS-2024-00583", "KN2024/02249". */
const STRONG = /(?<![\p{L}\d-])([\p{Lu}]{1,6}-(?:19|20)\d{2}-\d{3,6}|[\p{Lu}]{1,6}\s?(?:19|20)\d{2}\/\d{2,6})(?![\p{L}\d])/gu;

/** Unlabelled case numbers of a distinctive shape; a number wrapped at its dash ("KS-2024-\n00826") is mended. */
export function findUnlabelledCaseNumbers(text: string): string[] {
  return [...new Set([...text.replace(/-\s*\n\s*(?=\d)/g, '-').matchAll(STRONG)].map((m) => tidy(m[1]!)))];
}

const CASE_COLUMN = /^(beteckning|dnr|diarienummer|diarienr|ärendenummer|ärendenr|ärende ?nr|saksnr)\.?$/i;

/**
 * Case numbers in a table column headed "Beteckning", "Dnr" … (a kallelse's agenda table):
 * `rows` are the cells of consecutive table rows, the first row the header.
 */
export function caseNumbersInTable(rows: string[][]): string[] {
  const column = rows[0]?.findIndex((c) => CASE_COLUMN.test(c.trim())) ?? -1;
  if (column < 0) return [];
  return rows.slice(1).map((r) => (r[column] ?? '').trim()).filter(isCaseNumber);
}
