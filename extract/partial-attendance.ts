/**
 * Partial attendance: the §§ a person took part in, or did not, where the document says so —
 * after the name in the attendance block ("Lars Eriksson (S) §§ 258-278", "deltar ej § 276 pga.
 * jäv", "(§ 1-3A)", "ärende 5–6") or in an item ("Fredrik Kollberg (KD) deltar inte i beslutet"
 * inside § 2, "… lämnar sammanträdet efter § 12"). The entries are the numbers as written, a range
 * "253-256" or an open end "-12" / "5-" (docs/partial-attendance.md has the format).
 */
import type { Evidence, PersonSections, Section } from '../lib/schema.ts';
import { sentences, wrappedLines } from '../lib/text.ts';
import { findNames } from './person-names.ts';
import { by, type Finding, type Rule } from './rules.ts';

/** "276", "3A" (a letter suffix, not the first letter of a word). */
const NUM = String.raw`\d{1,4}(?:[A-Za-z](?![\p{L}]))?`;
const DASH = String.raw`\s*[-–—]\s*`;
/** "253-256", "253-" (its end on a later line or left open), "276". */
const RANGE = String.raw`${NUM}(?:${DASH}(?:${NUM})?)?`;
/** "62-68, 70-72", "17, 18", "5 och § 7". */
const LIST = String.raw`${RANGE}(?:\s*(?:,|och|&|samt)\s*(?:§\s*)?${RANGE})*`;
/** The sign the numbers stand after: paragraphs, or ärenden where the document numbers by ärende. */
const MARK = String.raw`(?:§§?|(?<![\p{L}])(?:paragraf(?:erna)?|ärende(?:na|n)?|punkt(?:erna)?))`;
const MARKED = new RegExp(String.raw`${MARK}\s*(${LIST})`, 'giu');
const ENTRY = new RegExp(RANGE, 'gu');

/** Before the numbers: the person was not there for them ("deltar ej", "deltog ej på", "deltar inte i handläggningen av", "anmäler jäv i"). */
// (also a cell's "Tjänstgörande, ej § 88", "Närvarande utom § 5": "ej"/"utom" right before the §)
const NOT_IN_BEFORE = /(?:(?:deltar|deltog|medverkar|medverkade|närvarar|närvarade)\s+(?:ej|inte)|jäv)(?![\p{L}])[^§]{0,50}$|(?<![\p{L}])(?:ej|inte|utom)\s*$/iu;
/** Before a single number: from it on ("från § 5", "fr.o.m. § 5") … */
const FROM_BEFORE = /(?:från(?:\s+och\s+med)?|fr\.\s?o\.\s?m\.?)\s*$/iu;
/** … or up to it ("till och med § 12", "t.o.m. § 12", "efter § 12"). */
const UNTIL_BEFORE = /(?:till\s+och\s+med|t\.\s?o\.\s?m\.?|efter)\s*$/iu;
const JAV = /(?<![\p{L}])jäv(?![\p{L}])/iu;
/** "Paragrafer §§ 1-14": the protocol's §§, not a person's. */
const PROTOCOL_RANGE = /paragrafer?\s*:?\s*$/iu;

/** "62-68, 70-72" → ["62-68", "70-72"]; `open` makes a single number a "from" or "until" end. */
function entriesOf(list: string, open: 'from' | 'until' | null = null): string[] {
  const out = [...list.matchAll(ENTRY)].map((m) => m[0].replace(/\s+/g, '').replace(/[–—]/g, '-'));
  if (open && out.length === 1 && !out[0]!.includes('-')) return [open === 'from' ? `${out[0]}-` : `-${out[0]}`];
  return out;
}

const push = (to: string[], entries: string[]) => { for (const e of entries) if (!to.includes(e)) to.push(e); };

/** A person's §§ from lists of entries; null when there is none. */
export function sectionsOf(only: string[], notIn: string[], jav: boolean): PersonSections | null {
  if (!only.length && !notIn.length) return null;
  return { ...(only.length ? { only } : {}), ...(notIn.length ? { notIn, ...(jav ? { reason: 'jäv' as const } : {}) } : {}) };
}

/**
 * The §§ stated in what an attendance list writes after a name (its lines joined): "§§ 258-278",
 * "kl. 9.00–10.15 §§ 1–5", "tjänstgör §§ 12-14", "deltar ej § 276 pga. jäv", "deltog ej på ärende 5-6".
 * Numbers after a § sign and nothing else: a clock time alone says no §.
 */
export function statedSections(text: string): PersonSections | null {
  if (!/§|paragraf|ärende|punkt/i.test(text)) return null;
  const only: string[] = [];
  const notIn: string[] = [];
  let jav = false;
  let from = 0;
  for (const m of text.matchAll(MARKED)) {
    const before = text.slice(from, m.index);
    from = m.index + m[0].length;
    if (PROTOCOL_RANGE.test(before)) continue;
    if (NOT_IN_BEFORE.test(before)) {
      push(notIn, entriesOf(m[1]!));
      // The reason stands around the numbers: "anmäler jäv i § 8", "§ 276 pga. jäv".
      const next = text.slice(from).search(MARKED);
      if (JAV.test(before) || JAV.test(text.slice(from, next < 0 ? undefined : from + next))) jav = true;
    } else {
      push(only, entriesOf(m[1]!, FROM_BEFORE.test(before) ? 'from' : UNTIL_BEFORE.test(before) ? 'until' : null));
    }
  }
  return sectionsOf(only, notIn, jav);
}

/** Two statements about one person: their entries in document order, each once; jäv when either gives it. */
export function mergeSections(a: PersonSections | undefined, b: PersonSections | undefined): PersonSections | undefined {
  if (!a || !b) return a ?? b;
  const only = [...(a.only ?? [])]; push(only, b.only ?? []);
  const notIn = [...(a.notIn ?? [])]; push(notIn, b.notIn ?? []);
  return sectionsOf(only, notIn, a.reason === 'jäv' || b.reason === 'jäv') ?? undefined;
}

// In an item: what a person (the subject, named right before) does about the meeting's §§.
const NUMBERS = String.raw`(?:\s+(?:av|i|om|för|under|vid|på))?\s*${MARK}\s*(${LIST})`;
/** "deltar inte i handläggningen", "deltar ej i beslutet", "deltar inte i ärendet", with the §§ or without (then the item's own). */
const NOT_IN_ITEM = new RegExp(String.raw`^(?:deltar|deltog|medverkar|medverkade)\s+(?:ej|inte)(?:\s+(?:i|på|vid|under)\s+(?:(?:handläggningen|behandlingen|beslutet|beslutsfattandet|överläggningen|ärendet|detta ärende)(?![\p{L}]))?)?(?:${NUMBERS})?`, 'iu');
/** "anmäler jäv i § 8", "anmäler jäv i ärendet" (then the item's own), "anmäler jäv och deltar inte …" (read by NOT_IN_ITEM). */
const JAV_ITEM = new RegExp(String.raw`^(?:anmäler|anmälde|anmält)\s+jäv(?:${NUMBERS}|\s+(?:i|för)\s+(?<own>ärendet|detta ärende|paragrafen)(?![\p{L}])|\s+och\s+(?<and>.*))?`, 'iu');
/** Words up to the §, a clock time's dots included ("kl. 11.30"), not past a sentence's end or another §. */
const UP_TO = (n: number) => String.raw`(?:[^.§]|\.(?=\s?\d))${'{'}0,${n}}?`;
/** "lämnar sammanträdet efter § 12", "lämnar sammanträdet kl. 11.30 under § 12": there until that §. */
const LEFT_ITEM = new RegExp(String.raw`^(?:lämnar|lämnade)\s+(?:sammanträdet|mötet|lokalen)(?![\p{L}])${UP_TO(40)}(?:efter|under)\s+${MARK}\s*(${NUM})`, 'iu');
/** "anländer till sammanträdet kl. 9.30 under § 5", "ansluter till mötet inför § 5": there from that §. */
const ARRIVED_ITEM = new RegExp(String.raw`^(?:anländer|anlände|ansluter|anslöt)(?![\p{L}])${UP_TO(60)}(?:under|till|från|inför|vid)\s+${MARK}\s*(${NUM})`, 'iu');
/** "tjänstgör §§ 12-14", "närvarar under § 5–7", "deltar från och med § 5". */
const ONLY_ITEM = new RegExp(String.raw`^(?:tjänstgör|tjänstgjorde|närvarar|närvarade|deltar|deltog)(?:\s+(?:i|under|vid))?\s*(från(?:\s+och\s+med)?|till\s+och\s+med|t\.\s?o\.\s?m\.?)?\s*${MARK}\s*(${LIST})`, 'iu');

/** What stands between a name and its verb: a party, an apposition ("Anna Ek (S), ledamot,"). */
const SUBJECT_TAIL = /^\s*(?:\([^)]{1,12}\))?\s*(?:,\s*[\p{Ll}\d:][^,.]{0,50},)?\s*/u;
/** Between two names that share the verb: "Anna Ek (S) och Bo Lund (M) deltar …". */
const JOINED = /^\s*(?:\([^)]{1,12}\))?\s*(?:,|och)\s*$/u;

/** A statement of partial attendance right after a name in a sentence; `item` is the number of the item it stands in. */
export function itemStatement(after: string, item: string | null): PersonSections | null {
  const s = after.slice(SUBJECT_TAIL.exec(after)![0].length);
  const jav = JAV.test(s);
  const jv = JAV_ITEM.exec(s);
  if (jv) {
    if (jv[1]) return sectionsOf([], entriesOf(jv[1]), true);
    if (jv.groups?.own) return item ? sectionsOf([], [item], true) : null;
    // "anmäler jäv och deltar inte i handläggningen"; jäv announced alone names no § (the "Anmälan av jäv" item asks for it).
    const rest = jv.groups?.and === undefined ? null : itemStatement(jv.groups.and, item);
    return rest?.notIn ? sectionsOf([], rest.notIn, true) : null;
  }
  const not = NOT_IN_ITEM.exec(s);
  if (not) {
    if (not[1]) return sectionsOf([], entriesOf(not[1]), jav);
    // Without numbers it is the item the sentence stands in, when it names what is not taken part in.
    return item && /(?:handläggningen|behandlingen|beslutet|beslutsfattandet|överläggningen|ärende)/iu.test(not[0]) ? sectionsOf([], [item], jav) : null;
  }
  const left = LEFT_ITEM.exec(s);
  if (left) return sectionsOf([`-${left[1]}`], [], false);
  const arrived = ARRIVED_ITEM.exec(s);
  if (arrived) return sectionsOf([`${arrived[1]}-`], [], false);
  const only = ONLY_ITEM.exec(s);
  if (only) return sectionsOf(entriesOf(only[2]!, !only[1] ? null : /^fr/i.test(only[1]) ? 'from' : 'until'), [], false);
  return null;
}

/** The verbs the item statements start with: a sentence without one is passed over unread. */
const ITEM_CUE = /(?<![\p{L}])(?:deltar|deltog|medverka|jäv|lämna|anländ|anlände|ansluter|anslöt|tjänstg|närvara)/iu;
/** The same verbs without the word-start lookbehind, which makes V8 try every position: a far cheaper first test that most blocks fail. */
const CUE_WORDS = /deltar|deltog|medverka|jäv|lämna|anländ|anlände|ansluter|anslöt|tjänstg|närvara/iu;
const hasCue = (text: string) => CUE_WORDS.test(text) && ITEM_CUE.test(text);

/** The sentences of a paragraph, a clock time kept with its sentence ("kl." / "9.30 under § 7" is one). */
function statementSentences(text: string): string[] {
  const out: string[] = [];
  for (const s of wrappedLines(text).flatMap(sentences)) {
    if (out.length && /(?<![\p{L}])kl\.$/u.test(out.at(-1)!)) out[out.length - 1] += ` ${s}`; else out.push(s);
  }
  return out;
}

export interface SectionFinding { name: string; sections: PersonSections; evidence: Evidence }

type SectionInput = { blocks: { page: number }[]; plain: string[]; line: string[]; blockSection: string[]; sections: Pick<Section, 'heading' | 'number'>[]; sectionStarts: Set<number> };

/** The statements of partial attendance in a sentence: each for the name right before its verb, and for names joined to that one. */
export function sentenceStatements(sentence: string, item: string | null): { name: string; sections: PersonSections }[] {
  const names = findNames(sentence, { anyFirstName: true });
  const out: { name: string; sections: PersonSections }[] = [];
  let shared: PersonSections | null = null;
  for (let k = names.length - 1; k >= 0; k--) {
    const h = names[k]!;
    const next = names[k + 1];
    const own = itemStatement(sentence.slice(h.end, next?.index ?? sentence.length), item);
    shared = own ?? (next && shared && JOINED.test(sentence.slice(h.end, next.index)) ? shared : null);
    if (shared) out.unshift({ name: h.name, sections: shared });
  }
  return out;
}

/**
 * In the items: "X (S) deltar inte i handläggningen" inside § N (→ not in N), "deltar ej i ärende
 * 5-6 på grund av jäv", "anmäler jäv i § 8", "lämnar sammanträdet efter § 12", "anländer … § 5".
 * The item's number is the one its section heading gives (extract/sections.ts), never guessed.
 */
export const itemPartialAttendance: Rule<SectionFinding, SectionInput> = {
  id: 'partial-attendance-item', field: 'sections',
  run: (ctx) => {
    const numberOf = new Map(ctx.sections.map((s) => [s.heading, s.number?.replace(/^§\s*/, '') ?? null]));
    const out: Finding<SectionFinding>[] = [];
    ctx.plain.forEach((text, i) => {
      // Only inside the items: before them stands the attendance block, which persons.ts reads.
      const item = numberOf.get(ctx.blockSection[i] ?? '') ?? null;
      if (item === null || !hasCue(text)) return;
      for (const sentence of statementSentences(text)) {
        if (!hasCue(sentence)) continue;
        for (const s of sentenceStatements(sentence, item)) {
          out.push({ value: { ...s, evidence: by(itemPartialAttendance, { page: ctx.blocks[i]!.page, section: ctx.blockSection[i] ?? null, quote: sentence.slice(0, 300) }) }, at: [i] });
        }
      }
    });
    return out;
  },
};

export const SECTION_RULES = [itemPartialAttendance];
