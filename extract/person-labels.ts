/**
 * Labels that name persons in Swedish protocols, kallelser and minnesanteckningar: "Inbjudna:",
 * "Gäster:", "Föredragande:", "Protokollförare:", "Justerare:", "Handläggare:", "Kontaktperson:",
 * and the justering phrases "Protokollet justeras av X och Y", "Utses att justera: X", "Till
 * justerare utses X". The label says how the persons after it took part: at the meeting (present),
 * not there (absent), or only named (unknown: the official handling a case, a contact person).
 */
import { ABSENCE_WORDS } from '../lib/swedish-documents.ts';

export type LabelAttendance = 'present' | 'absent' | 'unknown';

export interface PersonLabel {
  attendance: LabelAttendance;
  /** The role the label gives when the person's own text names none ("Protokollförare:" → sekreterare). */
  role: string | null;
  /** Whether one name a line may follow on the next blocks ("Inbjudna:" / "Anna Ek" / "Bo Lund"). */
  list: boolean;
}

const present = (role: string | null, list = false): PersonLabel => ({ attendance: 'present', role, list });

/** Each label (a whole label, case aside) with what it says; the longer forms of a label first. */
const LABELS: [RegExp, PersonLabel][] = [
  // ("Frånvarande ledamöter", "Frånvarande ledamot utan ersättare", "Anmält förhinder")
  [new RegExp(String.raw`^(?:${ABSENCE_WORDS}|avbud|frånvarande(?:\s+\p{Ll}+){1,4})$`, 'iu'), { attendance: 'absent', role: null, list: true }],
  [/^(?:inbjudna|inbjuden|inbjudna gäster|inbjuden gäst|gäster|gäst|övriga|övriga deltagare|övriga närvarande|adjungerade?|adjungerad ledamot|närvarande tjänstepersoner|närvarande tjänstemän|personalföreträdare|insynsplatser?)$/iu, present(null, true)],
  [/^(?:ledamöter|ordinarie|ordinarie ledamöter|ersättare|tjänstgörande ersättare|närvarande ersättare|ej tjänstgörande ersättare)$/iu, present(null, true)],
  [/^(?:föredragande|föredragande tjänstepersoner|föredragande tjänsteperson|föredragande tjänsteman|föredragare|medverkande|presentatörer?)$/iu, present('föredragande', true)],
  [/^(?:mötesordförande|mötesledare|ordförande|ordf\.?|sammankallande|moderator|processledare)$/iu, present('ordförande')],
  [/^(?:vice ordförande|vice ordf\.?)$/iu, present('vice ordförande')],
  [/^(?:sekreterare|mötessekreterare|nämndsekreterare|protokollförare|protokollförande|vid protokollet|vid anteckningarna|antecknare|anteckningar förda av|sekreterare\/protokollförare)$/iu, present('sekreterare')],
  [/^(?:justerare|justerande|protokolljusterare|justerare\/ersättare|justeras av|protokollet justeras av|anteckningarna justeras av|utses att justera|utsedd att justera|utsedda att justera|utses att justera protokollet)$/iu, present('justerare')],
  [/^(?:kontaktperson|kontaktpersoner|handläggare|ansvarig handläggare|ansvarig tjänsteperson|ansvarig tjänsteman|ansvarig|ansvariga|upprättad av|upprättat av|beredd av|skriven av|författare|frågor besvaras av|ytterligare upplysningar lämnas av)$/iu, { attendance: 'unknown', role: null, list: false }],
];

/** What narrows a label to an item: "under punkten om …", "för punkt 3", "till § 5", "vid ärende 4". */
const QUALIFIER_HEAD = String.raw`\s+(?:under|till|för|vid|i)\s+(?:punkten|punkt|ärendet|ärende|§|paragraf|dagordningens)(?![\p{L}])`;
const QUALIFIER = new RegExp(`${QUALIFIER_HEAD}.*$`, 'iu');

/** A label at the start of a paragraph: up to four words, maybe narrowed to an item, then a colon ("**Inbjudna:** Anna Ek"). */
const COLON_LABEL = new RegExp(String.raw`^[\s*_]*(\p{L}[\p{L}./]*(?:\s+\p{Ll}[\p{L}./]*){0,3}(?:${QUALIFIER_HEAD}(?:\s+[\p{L}\d§./–-]+){0,4})?)[\s*_]*:[\s*_]*`, 'u');
/** Justering phrases written without a colon: "Protokollet justeras av Anna Ek och Bo Lund", "Justeras av: Anna Ek". */
const JUSTERING = /^[\s*_]*((?:(?:protokollet|anteckningarna|minnesanteckningarna|dagens protokoll)\s+)?justeras\s+av|utses\s+att\s+(?:jämte\s+ordföranden\s+)?justera(?:\s+(?:dagens\s+)?(?:protokollet|anteckningarna))?|(?:till\s+justerare|att\s+(?:jämte\s+ordföranden\s+)?justera(?:\s+(?:dagens\s+)?(?:protokollet|anteckningarna))?)\s+(?:utses|utsågs|valdes|väljs))[\s*_:]+/iu;

/** Any label of persons with its colon, wherever it stands ("… Hälsoskydd Föredragande: Veronica Kinn"); a label's last word ends at the colon. */
const LABEL_ANYWHERE = new RegExp(String.raw`(?<![\p{L}])(${LABELS.map(([re]) => re.source.replace(/^\^/, '').replace(/\$$/, '')).join('|')})[\s*_]*:[\s*_]*`, 'giu');
/** Any other label ("Dnr:", "Förslag till beslut:"), which ends the entries of the label before it. */
const OTHER_LABEL = /(?<![\p{L}])\p{Lu}[\p{L}]*(?:\s+\p{Ll}+){0,3}\s*:(?!\d)/gu;

export interface LabelledPart { label: PersonLabel; text: string }

/**
 * The labels of persons inside a text (a table cell, a sentence) and the text each heads, up to
 * the next label of any kind: "Information om tillsynen Föredragande: Tina Carlson,
 * verksamhetschef" → Föredragande: "Tina Carlson, verksamhetschef". `before` is the text before the
 * first label; `atSentence` takes only labels at the start or after a sentence's end.
 */
export function labelledParts(text: string, atSentence = false): { before: string; parts: LabelledPart[] } {
  const found = [...text.matchAll(LABEL_ANYWHERE)].filter((m) => !atSentence || /(?:^|[.;!?)]\s*)$/u.test(text.slice(0, m.index).trimEnd()) || !text.slice(0, m.index).trim());
  if (!found.length) return { before: text, parts: [] };
  const ends = [...text.matchAll(OTHER_LABEL)].map((m) => m.index);
  const parts = found.map((m, k) => {
    const from = m.index + m[0].length;
    const next = Math.min(found[k + 1]?.index ?? text.length, ...ends.filter((e) => e >= from));
    return { label: personLabel(m[1]!)!, text: text.slice(from, next).trim() };
  });
  return { before: text.slice(0, found[0]!.index), parts };
}

/** What a label says, or null when it is no label of persons. */
export function personLabel(label: string): PersonLabel | null {
  const l = label.replace(/\s+/g, ' ').trim();
  const known = (s: string) => LABELS.find(([re]) => re.test(s))?.[1];
  // (a label may say for which item: "Gäst under punkten om ANDTS", "Föredragande för punkt 3", "Inbjudna till § 5")
  return known(l) ?? known(l.replace(QUALIFIER, '')) ?? null;
}

export interface LabelledText { label: PersonLabel; /** The text after the label, a line an entry (empty when the names follow in the next blocks). */ lines: string[] }

/** A line that opens with a label of persons: the label and the text after it; `other` for any other label ("Plats:", "Tid:"). */
function labelLine(line: string): { label: PersonLabel; rest: string; sentence: boolean; later?: boolean } | 'other' | null {
  const justering = JUSTERING.exec(line);
  if (justering) return { label: present('justerare'), rest: line.slice(justering[0].length), sentence: true };
  const colon = COLON_LABEL.exec(line);
  const label = colon ? personLabel(colon[1]!) : personLabel(line.replace(/[\s*_:]+$/, '').replace(/^[\s*_]+/, ''));
  if (!label) {
    // "Information om Hede station. Föredragande: Anna Ek": a label after a sentence heads the rest of the line.
    const later = labelledParts(line, true).parts[0];
    if (later) return { label: later.label, rest: later.text, sentence: false, later: true };
    return colon && /^\p{Lu}/u.test(colon[1]!) ? 'other' : null;
  }
  return { label, rest: colon ? line.slice(colon[0].length) : '', sentence: false };
}

/**
 * The labels of persons in a paragraph, each with the lines after it up to the next label ("Gäster:
 * Anna Ek, Region Halland" / "Bo Lund" / "Handläggare: Eva Berg"). A label alone on its line heads
 * the lines under it; a justering phrase ends at its sentence's end ("… och Bo Lund (S). Justeringen
 * sker …"). `opens` says whether the paragraph's first line is a label; `other`, whether it is
 * another label ("Plats:", "Tid:"), which ends a list before it.
 */
export function labelledText(text: string): { opens: boolean; other: boolean; found: LabelledText[] } {
  const found: LabelledText[] = [];
  let opens = false;
  let other = false;
  let current: LabelledText | null = null;
  text.split('\n').forEach((line, k) => {
    const l = labelLine(line);
    if (l === 'other') { if (k === 0) other = true; current = null; return; }
    if (l) {
      if (k === 0 && !l.later) opens = true;
      // "Föredragande: Anna Ek; Bo Lund": a semicolon separates entries as a line does.
      const rest = l.sentence ? l.rest.split(/(?<=\p{Ll}{2}|\))\.(?:\s|$)/u)[0]! : l.rest;
      found.push((current = { label: l.label, lines: rest.split(/;\s*/).map((x) => x.trim()).filter(Boolean) }));
      if (l.sentence) current = null;
      return;
    }
    if (current) current.lines.push(...line.split(/;\s*/).map((x) => x.trim()).filter(Boolean));
  });
  return { opens, other, found };
}
