/**
 * The letterhead of a page: the owning organisation in capitals ("KUNGSBACKA KOMMUN
 * SAMMANTRÄDESPROTOKOLL") and the organ named on the line under it, as written ("Nämnden för
 * Kultur & Fritid", "Kommunstyrelsens arbetsutskott", "Valnämnd"). The body comes from here before
 * any lexicon, so a body the lexicon does not know is not replaced by a similar known one.
 */
import { municipality } from './organisations.ts';

/** The document type in the letterhead's capitals ("SAMMANTRÄDESPROTOKOLL", "SAMMANTRÄDESANTECKNINGAR", "KALLELSE"). */
const TYPE_CAPS = /(?<![\p{L}])((?:SAMMANTRÄDES)?(?:PROTOKOLL|ANTECKNINGAR)|MINNESANTECKNINGAR|KALLELSE|TJÄNSTESKRIVELSE)(?![\p{L}])/u;
/** The type standing alone on a line of the first page, maybe paired by a slash ("KALLELSE/UNDERRÄTTELSE", "PROTOKOLL"). */
const TYPE_LINE = new RegExp(String.raw`^(?:\p{Lu}+\s?\/\s?)?${TYPE_CAPS.source}(?:\s?\/\s?\p{Lu}+)?$`, 'u');
/** "KUNGSBACKA KOMMUN", its next column apart by spaces, or (OCR, one space) by the type in capitals. */
const ORG_CAPS = new RegExp(String.raw`^((?:[\p{Lu}-]+\s)+?)(KOMMUN|STAD|REGION|LANDSTING|KOMMUNE|FYLKESKOMMUNE)(?=\s{2,}|\s*$|\s+${TYPE_CAPS.source})`, 'u');
/** A federation, company or foundation in capitals: "SÖDRA ÄLVSBORGS RÄDDNINGSTJÄNSTFÖRBUND", "SALA-HEBY ENERGI AB". */
const FORM_CAPS = new RegExp(String.raw`^((?:[\p{Lu}-]+\s)*[\p{Lu}-]*(?:FÖRBUND|FÖRBUNDET)|(?:[\p{Lu}-]+\s)+AB|STIFTELSEN(?:\s[\p{Lu}-]+)+)()(?=\s{2,}|\s*$|\s+${TYPE_CAPS.source})`, 'u');
/** "<owner> – <organ>" on a line of its own: a municipality, region, federation or company, then a group, board or council. */
const OWNER_DASH_ORGAN = /^((?:[\p{Lu}][\p{L}-]*\s+)*[\p{Lu}][\p{L}-]*(?:\s+(?:kommun|stad|län|AB)|förbund|förbundet|regionen)|Region\s+[\p{Lu}][\p{L}-]*(?:\s+län)?)\s+[–—-]\s+([\p{Lu}][\p{L}-]*(?:grupp|gruppen|råd|rådet|styrelse|styrelsen|nämnd|nämnden|forum|presidium|presidiet|direktion|direktionen|beredning|beredningen|utskott|utskottet|kommitté|kommittén)(?:\s+[\p{L}&-]+){0,5})$/u;
/** A label of the letterhead's next column run onto the organ's line (OCR: "Nämnden för Kultur & Fritid Datum"). */
const COLUMN_LABEL = /\s+(?:datum|sida|dnr|diarienummer)$/i;
/** A line that names an organ by its form. */
export const ORGAN_LINE = /^(?:nämnden\s+för\s+\S.{1,60}|[\p{Lu}][\p{L}]*-\s+(?:och|samt)\s+\p{Ll}[\p{L}-]*(?:nämnd|nämnden|nämndens\s+arbetsutskott|utskott|utskottet)|[\p{Lu}][\p{L}-]*(?:nämnd|nämnden|nämndens\s+\p{Ll}*utskott|styrelse|styrelsen|styrelsens\s+\p{Ll}*utskott|utskott|utskottet|revisionen|revision|fullmäktige|beredning|beredningen|rådet|direktionen|referensgrupp(?:en)?)(?:s\s+arbetsutskott|\s+arbetsutskott)?)$/iu;
const FIELD = /^(datum|sida|dnr|diarienummer|plats|tid|upprättad)\b/i;
const TRAILING_FIELD = /\s+(?:sammanträdesdatum|mötesdatum|datum|sida|dnr|diarienummer)\b.*$/iu;
/** A table's column label under the letterhead (an agenda's header row repeated on every page): no organ. */
const COLUMN_HEAD = /^(?:ärende|ärenden|nr|punkt|namn|beteckning|förslag|rubrik)$/i;

/** A line's table cells, each split where a word in capitals gives way to one in lower case ("… KOMMUN" | "Individ- och …", "SAMMANTRÄDESPROTOKOLL" | "Sammanträdesdatum …"). */
function cellLines(line: string): string[] {
  return line.split('\t').flatMap((cell) => {
    const m = /^((?:[\p{Lu}-]+\s)*[\p{Lu}-]{2,})\s+(\p{Lu}\p{Ll}.*)$/u.exec(cell.trim());
    return m && (ORG_CAPS.test(m[1]!) || FORM_CAPS.test(m[1]!) || TYPE_LINE.test(m[1]!)) ? [m[1]!, m[2]!] : [cell];
  });
}

const titleCase = (caps: string) => caps.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());

export interface Letterhead { organisation: string | null; body: string | null; typeWord: string | null }

/** Reads the first lines of a document (raw lines, columns still spaced out). */
export function readLetterhead(rawLines: string[]): Letterhead {
  // A Word letterhead is a table: its cells come tab-separated, each cell's lines joined by a space
  // ("LIDKÖPINGS KOMMUN Individ- och familjeomsorgsnämnden", "SAMMANTRÄDESPROTOKOLL Sammanträdesdatum 2024-10-16").
  const lines = rawLines.some((l) => l.includes('\t')) ? rawLines.flatMap(cellLines) : rawLines;
  let organisation: string | null = null;
  let body: string | null = null;
  let typeWord: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const caps = ORG_CAPS.exec(line) ?? FORM_CAPS.exec(line);
    if (caps && !organisation) {
      const name = caps[2] ? `${titleCase(caps[1]!.trim())} ${caps[2].toLowerCase()}` : titleCase(caps[1]!.trim()).replace(/ Ab$/, ' AB');
      organisation = caps[2] === 'REGION' ? `Region ${titleCase(caps[1]!.trim())}` : caps[2] ? municipality(name) ?? name : name;
      // The organ stands in the first column of the next line; the type may stand in its second ("Kommunrevisionen   SAMMANTRÄDESANTECKNINGAR").
      typeWord = TYPE_CAPS.exec(line)?.[1] ?? TYPE_CAPS.exec(lines[i + 1] ?? '')?.[1] ?? null;
      const next = lines[i + 1]?.trim().split(/\t|\s{2,}/)[0]!.replace(/\s+/g, ' ').replace(COLUMN_LABEL, '');
      if (next && !FIELD.test(next) && !COLUMN_HEAD.test(next) && !TYPE_LINE.test(next) && !/\d{4}/.test(next) && next.split(' ').length <= 8 && /^\p{Lu}/u.test(next)) body = next;
      continue;
    }
    const compact = line.replace(/\s+/g, ' ');
    // (a kallelse under no letterhead: its type is its first line, and the file name may say nothing;
    // a PDF may give the letterhead's lines in another order, the organ beside the type:
    // "Kommunrevisionen   SAMMANTRÄDESANTECKNINGAR")
    const cells = line.split(/\t|\s{2,}/).map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const typeCell = cells.find((c) => TYPE_LINE.test(c));
    if (!typeWord && typeCell) typeWord = TYPE_CAPS.exec(typeCell)![1]!;
    // (the other cells a type, a field label, a date or a page counter: "Miljö- och byggnadsnämnden   2024-11-28")
    // (OCR keeps no gaps: a field label run onto the organ's line, "Socialnämndens individutskott Sammanträdesdatum: 2024-12-10")
    const organ = cells.length > 1 && cells.slice(1).every((c) => TYPE_LINE.test(c) || FIELD.test(c) || /^[\d\s()/.–-]+$/.test(c)) ? cells[0]! : compact.replace(TRAILING_FIELD, '');
    if (!body && ORGAN_LINE.test(organ) && organ.split(' ').length <= 8) body = organ.replace(/^nämnden\b/, 'Nämnden');
    // "Skaraborgs Kommunalförbund – Beredningsgrupp social hållbarhet": the owner, a dash, the organ.
    const owned = OWNER_DASH_ORGAN.exec(compact);
    if (!body && owned) { body = owned[2]!; organisation ??= owned[1]!; }
  }
  return { organisation, body, typeWord };
}
