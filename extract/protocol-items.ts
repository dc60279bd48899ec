/**
 * The agenda items of a Swedish protocol ("§ 5  Dnr KS-2024-00123", title, then "Beslut",
 * "Sammanfattning av ärendet", "Beslutsunderlag", "Beslutsgång" …): the subheadings that belong to
 * an item rather than starting a new section, and the item's decision, which is the whole text
 * under "Beslut" (numbered and bulleted points included) up to the next subheading.
 */
import { joinLines, POINT, sentences, wrappedLines } from '../lib/text.ts';

/**
 * A body of the meeting by the word its name ends in ("Kommunstyrelsen", "Byggnadsnämndens
 * arbetsutskott", "Direktionen", "Referensgruppen"), any form; a county board (länsstyrelsen) is
 * an authority whose decisions a protocol only cites.
 */
const ORGAN = String.raw`(?!läns)[\p{L}-]*(?:nämnd|styrelse|direktion|utskott|fullmäktige|råd|beredning|presidi|revision|möte|sammanträde|grupp|kommitté|församling|stämm)\p{L}*`;
/**
 * The organ in the genitive at the start of a subheading: "Kommunstyrelsens", "Kommunstyrelsens
 * arbetsutskotts", "Nämnden för Kultur & Fritids" (not "Uppföljning av nämndens", a title).
 */
const ORGAN_GENITIVE = String.raw`${ORGAN}s(?:\s+${ORGAN}s)?|${ORGAN}\s+för\s+(?:\p{Lu}[\p{L}-]*\s+(?:&\s+|och\s+)?){0,3}?\p{Lu}[\p{L}-]*s`;

/**
 * Subheadings under which the decision stands: "Beslut", "Beslut i kommunstyrelsens
 * arbetsutskott", "Beslut – Förslag till kommunfullmäktige", "Kommunstyrelsens beslut",
 * "Beslutet i sin helhet", "Beslut (forts.)", "Överenskommelse" (meeting notes).
 */
const DECISION_HEAD_SOURCE = String.raw`beslut(?: i korthet| i ärendet| i [\p{L}&\s-]{3,60}|\s*[–—-]\s*[\p{L}\s]{3,60}|\s*\(?forts(?:\.|ättning)?\)?)?|beslutet(?: i sin helhet)?|(?:${ORGAN_GENITIVE})\s+beslut|överenskommelse`;
/**
 * A proposal this organ sends to another ("Förslag till kommunfullmäktige", "Arbetsutskottets
 * förslag till kommunstyrelsen", "Förslag till beslut i kommunstyrelsen" in an arbetsutskott's
 * protocol): the organ's decision when the item has no "Beslut" of its own (a kallelse's proposals
 * are no decisions at all). A bare "Förslag till beslut" is the proposal this meeting decides on.
 */
const PROPOSAL_HEAD_SOURCE = String.raw`(?:(?:${ORGAN_GENITIVE})\s+)?förslag\s+till\s+(?:beslut\s+i\s+)?(?:${ORGAN})`;
/** Subheadings of the case's background, the proposals, the proceedings and the dispatch: nothing under them is decided at this meeting. */
const BACKGROUND_HEAD_SOURCE = String.raw`(?:${ORGAN_GENITIVE}|ordförandens|tjänstepersonens|tjänstemannens)\s+förslag(?:\s+till\s+beslut)?|beslutsförslag|förslag till beslut(?: på sammanträdet)?|förvaltningens förslag(?: till beslut)?|arbetsutskottets förslag(?: till beslut)?|sammanfattning av ärendet|ärendet|ärendebeskrivning|beskrivning av ärendet|bakgrund|motivering|beslutsmotivering|skäl för beslutet|beslutet kan överklagas|hur man överklagar|hur du överklagar|överklagande|beslutsunderlag|underlag|handlingar|beslutsgång|yrkanden?|propositionsordning|proposition|omröstning(?:sresultat)?|reservation(?:er)?|protokollsanteckning(?:ar)?|särskilt yttrande|ärendets beredning|tidigare behandling|beslutet skickas till|skickas till|expedieras till|expediering|expedierat\/bestyrkt`;
/** Other subheadings of an item: the summary of meeting notes, jäv, the justerare (their election may be recorded under them). */
const OTHER_HEAD_SOURCE = String.raw`${BACKGROUND_HEAD_SOURCE}|sammanfattning|upplysning(?:ar)?|jäv|justerare(?:\s+expedierat\/bestyrkt)?|deltar inte i beslut(?:et)?`;

/**
 * The words a subheading can start with, tried once before the forms themselves: most lines are
 * running text, and the organ forms would otherwise scan each line's first word for every form.
 */
const HEAD_START = String.raw`(?=beslut|överens|förslag|förvaltningens|arbetsutskottets|ordförandens|tjänste|sammanfattning|ärende|beskrivning|bakgrund|motivering|skäl|underlag|handlingar|yrkande|proposition|omröstning|reservation|protokollsanteckning|särskilt|tidigare|skickas|expedier|justerare|deltar|upplysning|jäv|hur|överklagande|[\p{L}-]*?(?:nämnd|styrelse|direktion|utskott|fullmäktige|råd|beredning|presidi|revision|möte|sammanträde|grupp|kommitté|församling|stämm)\p{L}*\s)`;

/** Subheadings inside an agenda item. */
export const ITEM_SUBHEADING = new RegExp(`^(?=.{1,90}$)${HEAD_START}(?:${DECISION_HEAD_SOURCE}|${PROPOSAL_HEAD_SOURCE}|${OTHER_HEAD_SOURCE})\\s*:?$`, 'iu');
const DECISION_HEAD = new RegExp(`^(?:${DECISION_HEAD_SOURCE})\\s*:?$`, 'iu');
const PROPOSAL_HEAD = new RegExp(`^(?:${PROPOSAL_HEAD_SOURCE})\\s*:?$`, 'iu');
/** A subheading with its text after a colon on the same line ("Beslut: Nämnden godkänner …", "Bakgrund: …"). */
const INLINE_HEAD = new RegExp(`^${HEAD_START}(${DECISION_HEAD_SOURCE}|${PROPOSAL_HEAD_SOURCE}|${OTHER_HEAD_SOURCE})\\s*:\\s*(\\S.*)$`, 'iu');
const BACKGROUND_HEAD = new RegExp(`^(?:${BACKGROUND_HEAD_SOURCE})\\s*:?$`, 'iu');
/** Whether any line of a text starts with a subheading (alone or inline): one search, and most sections of notes have none. */
const HAS_HEAD = new RegExp(`^${HEAD_START}(?:${DECISION_HEAD_SOURCE}|${PROPOSAL_HEAD_SOURCE}|${OTHER_HEAD_SOURCE})\\s*(?:$|:)`, 'imu');
/** HAS_HEAD of an item's text, remembered for the last text: the decision rules ask it of the same item up to three times in a row. */
let headText: string | null = null;
let headFound = false;
const hasHead = (text: string) => {
  if (text !== headText) { headText = text; headFound = HAS_HEAD.test(text); }
  return headFound;
};

/** Immediate justering of the item: recorded as its own decision. */
const IMMEDIATE = /(?<![\p{L}])(paragrafen|paragraferna|beslutet|besluten|protokollet|beslutspunkterna)[^.]{0,40}\b(justeras|justerades|förklaras|förklarades)\s+(omedelbart|omgående)|omedelbart\s+justerad/iu;
/** A proposal or a ruling on how to proceed, not the justering itself ("Ordföranden föreslår att paragrafen justeras omedelbart"). */
const PROPOSED = /(?<![\p{L}])(yrkar|yrkade|föreslår|föreslog|proposition|frågar om|prövar om)(?![\p{L}])/iu;

/** "§ 5   Dnr KS-2024-00123" / "§ 5 Information …": the number of an agenda item heading. */
export const ITEM_NUMBER = /^§\s*(\d+[a-z]?)(?![\d])/;

/** A table-of-contents line: dot leaders and a page number ("Underlag till kommunbudget ....... 8"). */
export const TOC_LINE = /(\.\s?){4,}\s*\d+\s*$/;

/**
 * Page furniture a page break leaves inside an item's text: signature boxes ("Justerandes sign",
 * "Utdragsbestyrkande"), e-signature stamps, page counters ("Sida 3 av 12", "3 (33)") and
 * continuation marks ("Forts. § 45", "§ 45 (forts.)"). A decision running on over the break reads
 * as one text without them.
 */
const FURNITURE = /^[ \t]*(?:(?:justerandes|ordförandes|sekreterarens)\s+sign(?:atur|\.)?\b|utdragsbestyrkande\b|det här dokumentet är (?:digitalt|elektroniskt) signerat\b|detta dokument (?:är|har (?:blivit )?)(?:digitalt |elektroniskt )?signera(?:t|ts)\b|transaktionsidentitet\s*:|(?:sida|page)\s+\d+(?:\s*(?:av|of|\/)\s*\d+|\s*\(\d+\))?[ \t]*$|\d+\s*(?:\(\d+\)|av\s+\d+)[ \t]*$|forts(?:\.|ättning)?(?:\s+§\s*\d+[a-z]?)?[ \t]*:?[ \t]*$|§\s*\d+[a-z]?\s*\(?forts(?:\.|ättning)?\)?[ \t]*$).*$/gimu;

/** Words without which a text holds no furniture line. */
const FURNITURE_HINT = /sign|utdragsbestyrk|transaktionsid|sida|page|forts|\d\s*(?:\(\d|av\s+\d)/i;

/** Section text without page furniture lines (cheap: most sections have none). */
export function withoutFurniture(text: string): string {
  if (!FURNITURE_HINT.test(text)) return text;
  FURNITURE.lastIndex = 0;
  return text.replace(FURNITURE, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

const firstLine = (paragraph: string) => paragraph.split('\n')[0]!.trim();

/** Markdown escapes ("2025\.", "1\.") are not part of the words. */
export const unescapeMarkdown = (s: string) => s.replace(/\\([\\.\-*_#()[\]!+`>|])/g, '$1');

/** Whether a line is a subheading written on its own line, capitalised (a wrapped line "beslut" inside a sentence is none). */
const isHeadLine = (line: string) => /^\p{Lu}/u.test(line) && line.length <= 90 && (ITEM_SUBHEADING.test(line) || (line.includes(':') && INLINE_HEAD.test(line)));

/**
 * The item's paragraphs, a subheading that a PDF export ran into the paragraph before it
 * ("Kommunrevisionen noterar informationen.\nSammanfattning\n…") starting a paragraph of its own.
 */
let lastText: string | null = null;
let lastParagraphs: string[] = [];
function itemParagraphs(sectionText: string): string[] {
  // The decision rules ask for the same item's paragraphs twice in a row (its blocks, then its undecided parts).
  if (sectionText === lastText) return lastParagraphs;
  lastText = sectionText;
  return (lastParagraphs = splitItem(sectionText));
}

function splitItem(sectionText: string): string[] {
  return sectionText.split(/\n{2,}/).flatMap((p) => {
    if (!p.includes('\n')) return [p];
    const out: string[] = [];
    let current: string[] = [];
    for (const line of p.split('\n')) {
      if (current.length && isHeadLine(line.trim())) { out.push(current.join('\n')); current = []; }
      current.push(line);
    }
    out.push(current.join('\n'));
    return out;
  });
}

const clean = (text: string) => unescapeMarkdown(text).replace(/\s+/g, ' ').trim();

/** The text of an inline "Beslut: …": its first sentence, with the points that complete it ("Beslut: Nämnden beslutar att\n1. …"). */
function inlineDecision(text: string): string[] {
  // (a line wrapped inside its sentence is no sentence end: "… besluta att anta\nkompetensförsörjningsplanen.")
  const [first, ...more] = wrappedLines(text).flatMap(sentences);
  const points = more.findIndex((s) => !POINT.test(s));
  return [first!, ...more.slice(0, points < 0 ? more.length : points)];
}

/**
 * Each `head` subheading's text up to the next subheading ("Beslut: …" inline too, where more subheadings
 * follow; in running notes it holds its sentence and the points after it). `decides` judges the text of
 * an "Överenskommelse".
 */
function blocksUnder(paragraphs: string[], head: RegExp, decides: (text: string) => boolean): string[] {
  const out: string[] = [];
  let agreement = false;
  let current: string[] | null = null;
  let inline = false;
  const close = () => {
    const text = current?.length ? clean(current.map(joinLines).join(' ')) : '';
    // An "Överenskommelse" of notes that records no decision ("… diskuterar budgeten") is none; a formal "Beslut" always is.
    if (text && (!agreement || decides(text))) out.push(text);
    current = null;
  };
  paragraphs.forEach((p, i) => {
    const first = firstLine(p);
    const rest = p.includes('\n') ? p.slice(p.indexOf('\n') + 1) : '';
    if (ITEM_SUBHEADING.test(first)) {
      close();
      if (head.test(first)) { current = rest ? [rest] : []; inline = false; agreement = /^överens/iu.test(first); }
      return;
    }
    const inlineHead = first.includes(':') ? INLINE_HEAD.exec(first) : null;
    if (inlineHead) {
      close();
      if (head.test(inlineHead[1]!)) {
        const text = [inlineHead[2]!, rest].filter(Boolean).join('\n');
        agreement = /^överens/iu.test(inlineHead[1]!);
        // In an item with subheadings after it, "Beslut: …" is a subheading like "Beslut"; in running notes it holds its sentence and points.
        inline = !paragraphs.slice(i + 1).some((q) => ITEM_SUBHEADING.test(firstLine(q)) || INLINE_HEAD.test(firstLine(q)));
        current = inline ? inlineDecision(text) : [text];
      }
      return;
    }
    if (current && inline && !POINT.test(p.trim())) { close(); return; }
    // "Paragrafen justeras omedelbart." under the decision is a decision of its own, also inside the decision's paragraph.
    if (current && IMMEDIATE.test(p)) {
      // What follows it in the paragraph still belongs to the decision; the paragraphs after it do not.
      for (const s of sentences(joinLines(p))) {
        if (IMMEDIATE.test(s)) { close(); out.push(clean(s)); current = []; } else current!.push(s);
      }
      close();
      return;
    }
    if (current) current.push(p);
  });
  close();
  return out;
}

/**
 * The decision texts of an item: each "Beslut" subheading's text up to the next subheading
 * (paragraphs separated by blank lines in `sectionText`); without one, the text under a proposal
 * to another organ ("Arbetsutskottets förslag till kommunstyrelsen"), which this organ decided.
 * An immediate justering recorded elsewhere in the item (after "Beslutsgång", at its end) is a
 * decision too. Empty when the item has neither.
 */
export function decisionBlocks(sectionText: string, decides: (text: string) => boolean = () => true): string[] {
  if (!hasHead(sectionText)) return [];
  const paragraphs = itemParagraphs(sectionText);
  const decided = blocksUnder(paragraphs, DECISION_HEAD, decides);
  const out = decided.length || !sectionText.includes('örslag') ? decided : blocksUnder(paragraphs, PROPOSAL_HEAD, decides);
  if (!out.length || !/omedelbart|omgående/i.test(sectionText) || out.some((d) => IMMEDIATE.test(d))) return out;
  const elsewhere = paragraphs.flatMap((p) => (IMMEDIATE.test(p) ? sentences(joinLines(p)) : [])).filter((s) => IMMEDIATE.test(s) && !PROPOSED.test(s));
  return elsewhere.length ? [...out, clean(elsewhere[0]!)] : out;
}

/**
 * The item's text without the parts that decide nothing at this meeting (under "Ärendet",
 * "Bakgrund", "Beslutsunderlag", "Förslag till beslut", "Yrkanden" …): what the sentence rules may
 * read in an item that states no decision under a subheading.
 */
export function undecidedPartsRemoved(sectionText: string): string {
  if (!hasHead(sectionText)) return sectionText;
  const kept: string[] = [];
  let skipping = false;
  for (const p of itemParagraphs(sectionText)) {
    const first = firstLine(p);
    const head = ITEM_SUBHEADING.test(first) ? first : first.includes(':') ? INLINE_HEAD.exec(first)?.[1] : undefined;
    if (head !== undefined) skipping = BACKGROUND_HEAD.test(head);
    if (!skipping) kept.push(p);
  }
  return kept.join('\n\n');
}

/** Whether a section's own heading is one of an item's background parts ("Bakgrund", "Förslag till beslut"): its sentences decide nothing. */
export const isBackgroundHeading = (heading: string) => BACKGROUND_HEAD.test(heading.trim());

/**
 * An item's opening decision: a § item without a "Beslut" subheading that opens with what was
 * decided ("Kommunrevisionen beslutar att godkänna … EY uppdras att …", "… beslutar att ge:" and
 * its lines) before its first subheading ("Sammanfattning av ärendet") states it there, as if under
 * "Beslut". Empty when the item opens with no decision or has no subheadings.
 */
export function openingDecision(sectionText: string, isDecision: (text: string) => boolean): string[] {
  if (!hasHead(sectionText)) return [];
  const paragraphs = itemParagraphs(sectionText);
  const first = paragraphs[0];
  if (!first || ITEM_SUBHEADING.test(firstLine(first)) || INLINE_HEAD.test(firstLine(first)) || !isDecision(joinLines(first))) return [];
  if (!paragraphs.some((p) => ITEM_SUBHEADING.test(firstLine(p)))) return [];
  return blocksUnder(['Beslut', ...paragraphs], DECISION_HEAD, () => true);
}


/** A lead-in that the points complete: no closing punctuation, or a colon, or a dangling "att". */
const LEAD_IN = /(?:[^.!?]|:|\batt)$/u;

/**
 * Decisions whose lead-in is followed by a list of points ("Direktionen beslutade" + "• om …",
 * "• att publicera …"): each lead-in with its points as one decision text; `rest` is the section
 * text without them, for the sentence rules.
 */
export function decisionLists(sectionText: string, isDecision: (text: string) => boolean): { lists: string[]; rest: string } {
  const paragraphs = sectionText.split(/\n{2,}/);
  const lists: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    // The cheap test first: most paragraphs have no point after them.
    const lead = POINT.test(paragraphs[i + 1]?.trim() ?? '') ? joinLines(paragraphs[i]!) : null;
    if (!(lead !== null && LEAD_IN.test(lead) && isDecision(lead))) { kept.push(paragraphs[i]!); continue; }
    const parts = [lead];
    let j = i + 1;
    // Points, and lower-case lines that continue a point across a page or column break.
    while (j < paragraphs.length && (POINT.test(paragraphs[j]!.trim()) || /^\p{Ll}/u.test(paragraphs[j]!.trim()))) parts.push(joinLines(paragraphs[j++]!).replace(/^([•·▪◦○●■–—−*+-])\s*\|\s*/u, '$1 '));
    lists.push(parts.join(' ').replace(/\s+/g, ' ').trim());
    i = j - 1;
  }
  return { lists, rest: kept.join('\n\n') };
}
