/**
 * The recipients of a decision ("Beslutet skickas till", "Expedieras till", "För kännedom",
 * "Sändlista", "Remissinstanser"): a list of bodies and persons, one a line or joined by commas,
 * "samt" and "och". There a name needs no naming form to be an organisation ("Service Inköp",
 * "Lokalförsörjning"): what is not a person, a title or a generic word is the name of a body.
 */
import { ITEM_SUBHEADING_LINE, TITLE_HEADS } from '../lib/swedish-documents.ts';
import { perDocument } from './rules.ts';

/** The list's head, alone on its line or with the first names after it ("Beslutet skickas till: Kommunstyrelsen"). */
const HEAD = /^\s*(?:(?:beslutet\s+)?(?:skickas|expedieras|sänds|översänds|delges)\s+till|(?:protokolls)?utdrag\s+(?:skickas\s+)?till|expediering|för\s+kännedom(?:\s+till)?|kopia\s+till|sändlista|mottagare|remissinstanser)(?![\p{L}])/iu;
/** Lines that end the list: the signing boilerplate, a page marker, the next item. */
const END_LINE = /^(?:expedierat|justerare|justerandes|det här dokumentet|transaktionsidentitet|undertecknat|<!--|§|©|utdragsbestyrkande|ordförande|sekreterare|beslutsunderlag|sammanfattning)/iu;
/** A line ending in one of these goes on on the next: "Förvaltningen för" / "Service", "nämnden för Gymnasium &" / "Arbetsmarknad". */
const GOES_ON = /(?:\s(?:för|och|i|av)|&|-)$/u;
/** Titles and roles: "Verksamhetschef Po Centrum", "Rektor …", "Gruppledare", "Sökanden". */
const ROLE = new RegExp(`(?:${TITLE_HEADS}|revisorerna|ledamöter|sökande|sökanden|klagande|klaganden|parterna|ägare|ägaren|ägarna|förslagsställaren|motionären|motionärerna|medborgaren)$`, 'iu');
/** Words that name no body: "Samtliga nämnder", "Berörda förvaltningar", "Akten", "Diariet". */
const GENERIC = /^(?:samtliga|berörda|alla|övriga|respektive|akten|akt|diariet|arkivet|handlingarna|webbplatsen|hemsidan|den|de|en|ett)$/iu;
/** A unit of the item before it ("Kommunledningskontoret, Ekonomi & Styrning"): part of that body, not listed. */
const UNIT_BEFORE = /(?:kontoret|förvaltningen|förvaltning|avdelningen)$/iu;
/** Small words a body's name holds in lower case. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}-]*|för|och|i|av|&)$/u;

/** Whether a block is a recipient list's head standing alone ("Beslutet skickas till", "Expedieras till:"). */
export const isRecipientHead = (text: string) => { const m = HEAD.exec(text); return m !== null && !text.slice(m[0].length).replace(/^[\s:]*/, ''); };

export interface Recipient { name: string; offset: number }

/**
 * The list after a head that opens `text` (a block) or, when the head stands alone, the blocks after
 * it (`next`): the first, and while each is one line (a PDF gives every line of the list a block of
 * its own), the next ones up to a line that ends the list. Null without a head.
 */
export function recipientList(text: string, next: string[] = []): string | null {
  return listAt([text, ...next], 0);
}

/** `recipientList` of block `i` with the blocks after it (no copy of them for the blocks that open no list). */
function listAt(plain: string[], i: number): string | null {
  const text = plain[i]!;
  const head = HEAD.exec(text);
  if (!head) return null;
  const own = text.slice(head[0].length).replace(/^[ \t]*:/, '');
  if (own.trim()) return own;
  const lines: string[] = [];
  for (const block of plain.slice(i + 1, i + 1 + MAX_BLOCKS)) {
    // (a table row, cells apart by a tab, is a form or the signing page, not a list line)
    if (END_LINE.test(block.trim()) || ITEM_SUBHEADING_LINE.test(block.trim()) || HEAD.test(block) || block.includes('\t')) break;
    lines.push(block);
    if (block.includes('\n')) break;
  }
  return lines.length ? lines.join('\n') : null;
}

/** A list read over one-line blocks ends within this many. */
const MAX_BLOCKS = 39;

/**
 * The recipient lists of a document's blocks (`plain`), read once for the rules that take persons and bodies from them:
 * the block of the head, the list, and for a name in it the block that holds it.
 */
export const recipientLists = perDocument((plain: string[]) => plain.flatMap((text, i) => {
  const list = listAt(plain, i);
  if (list === null) return [];
  const own = text.includes(list);
  const blockOf = (name: string) => {
    if (own) return i;
    let at = i + 1;
    while (at < Math.min(i + 1 + MAX_BLOCKS, plain.length - 1) && !plain[at]!.includes(name)) at++;
    return at;
  };
  return [{ list, first: own ? i : i + 1, blockOf }];
}));

/** The names in a recipient list that could be bodies, with their offsets in `list`; `isPerson` says which are persons. */
export function recipientNames(list: string, isPerson: (name: string) => boolean): Recipient[] {
  const lines: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const raw of list.split('\n')) {
    const line = raw.replace(/^\s*[-•*]\s+/, '').trim();
    const at = offset + raw.indexOf(line);
    offset += raw.length + 1;
    if (!line) continue;
    if (END_LINE.test(line)) break;
    const last = lines.at(-1);
    if (last && GOES_ON.test(last.text)) last.text += ` ${line}`;
    else lines.push({ text: line, offset: at });
  }
  const out: Recipient[] = [];
  for (const { text, offset: lineAt } of lines) {
    let previous = '';
    const parts = splitItems(text);
    parts.forEach((part, k) => {
      const item = part.text.replace(/[.,;]+$/, '').trim();
      const before = previous;
      previous = item;
      if (UNIT_BEFORE.test(before) && !part.afterSemicolon) return;
      // "Somayeh Jamshidi, ekonom": a name with a title after it is a person.
      const titleAfter = ROLE.test(parts[k + 1]?.text.split(/\s+/)[0] ?? '') && /^\p{Ll}/u.test(parts[k + 1]!.text);
      if (!titleAfter && isBody(item, isPerson)) out.push({ name: item, offset: lineAt + part.offset });
    });
  }
  return out;
}

/** Items split at commas, semicolons, "samt" and an "och" that is not inside a "för X och Y" name; what follows a colon is a unit of what precedes it. */
function splitItems(line: string): { text: string; offset: number; afterSemicolon: boolean }[] {
  const out: { text: string; offset: number; afterSemicolon: boolean }[] = [];
  let segmentAt = 0;
  for (const segment of line.split(';')) {
    const head = segment.split(':', 1)[0]!;
    const separator = /,\s*|\s+samt\s+|(?<!för\s+\p{Lu}[\p{L}-]*|-)\s+och\s+/gu;
    let from = 0;
    for (const m of [...head.matchAll(separator), null]) {
      const end = m ? m.index : head.length;
      const text = head.slice(from, end);
      if (text.trim()) out.push({ text: text.trim(), offset: segmentAt + from + (text.length - text.trimStart().length), afterSemicolon: from === 0 && segmentAt > 0 });
      if (m) from = m.index + m[0].length;
    }
    segmentAt += segment.length + 1;
  }
  return out;
}

function isBody(item: string, isPerson: (name: string) => boolean): boolean {
  const bracket = /\s*\(([^)]*)\)\s*$/.exec(item);
  // "Daniel Kvist (KD)": a person with a party code.
  if (bracket && /^\p{Lu}{1,4}$/u.test(bracket[1]!)) return false;
  const name = bracket ? item.slice(0, bracket.index) : item;
  const words = name.split(/\s+/);
  if (!name || name.length > 60 || words.length > 6 || /\d/.test(name) || !/^\p{Lu}/u.test(name)) return false;
  // (a lower-case word only after "X- och": "Havs- och vattenmyndigheten")
  if (!words.every((w, k) => NAME_WORD.test(w) || (words[k - 1] === 'och' && /-$/.test(words[k - 2] ?? ''))) || GENERIC.test(words[0]!) || ROLE.test(words[0]!)) return false;
  return !isPerson(name);
}
