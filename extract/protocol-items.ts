/**
 * The agenda items of a Swedish protocol ("§ 5  Dnr KS-2024-00123", title, then "Beslut",
 * "Sammanfattning av ärendet", "Beslutsunderlag", "Beslutsgång" …): the subheadings that belong to
 * an item rather than starting a new section, and the item's decision, which is the whole text
 * under "Beslut" (numbered and bulleted points included) up to the next subheading.
 */
import { joinLines, POINT } from '../lib/text.ts';

/** Subheadings inside an agenda item. */
export const ITEM_SUBHEADING = /^(beslut|överenskommelse|beslut i korthet|beslut i [\p{L}&\s-]{3,60}|beslut\s*[–—-]\s*[\p{L}\s]{3,60}|förslag till beslut|förvaltningens förslag till beslut|arbetsutskottets förslag(?: till beslut)?|sammanfattning(?: av ärendet)?|ärendet|ärendebeskrivning|bakgrund|motivering|beslutsunderlag|underlag|beslutsgång|yrkanden?|propositionsordning|proposition|omröstning(?:sresultat)?|reservation(?:er)?|protokollsanteckning(?:ar)?|särskilt yttrande|jäv|beslutet skickas till|skickas till|expedieras till|expediering|expedierat\/bestyrkt|justerare(?:\s+expedierat\/bestyrkt)?|deltar inte i beslutet)\s*:?$/iu;

/** The subheadings under which the decision stands ("Beslut i kommunstyrelsens arbetsutskott"). */
const DECISION_HEAD = /^(?:beslut(?: i korthet| i [\p{L}&\s-]{3,60}|\s*[–—-]\s*[\p{L}\s]{3,60})?|överenskommelse)\s*:?$/iu;

/** Immediate justering of the item: recorded as its own decision. */
const IMMEDIATE = /(?<![\p{L}])(paragrafen|beslutet|protokollet|beslutspunkterna)[^.]{0,40}\b(justeras|justerades|förklaras|förklarades)\s+(omedelbart|omgående)|omedelbart\s+justerad/iu;

/** "§ 5   Dnr KS-2024-00123" / "§ 5 Information …": the number of an agenda item heading. */
export const ITEM_NUMBER = /^§\s*(\d+[a-z]?)(?![\d])/;

/** A table-of-contents line: dot leaders and a page number ("Underlag till kommunbudget ....... 8"). */
export const TOC_LINE = /(\.\s?){4,}\s*\d+\s*$/;

const firstLine = (paragraph: string) => paragraph.split('\n')[0]!.trim();

/** Markdown escapes ("2025\.", "1\.") are not part of the words. */
export const unescapeMarkdown = (s: string) => s.replace(/\\([\\.\-*_#()[\]!+`>|])/g, '$1');


/**
 * The decision texts of an item: each "Beslut" subheading's text up to the next subheading
 * (paragraphs separated by blank lines in `sectionText`). Empty when the item has no "Beslut".
 */
export function decisionBlocks(sectionText: string): string[] {
  const paragraphs = sectionText.split(/\n{2,}/);
  const out: string[] = [];
  let current: string[] | null = null;
  const close = () => { if (current?.length) out.push(unescapeMarkdown(current.map(joinLines).join(' ')).replace(/\s+/g, ' ').trim()); current = null; };
  for (const p of paragraphs) {
    const head = firstLine(p);
    if (ITEM_SUBHEADING.test(head)) {
      close();
      if (DECISION_HEAD.test(head)) current = p.includes('\n') ? [p.slice(p.indexOf('\n') + 1)] : [];
      continue;
    }
    // "Paragrafen justeras omedelbart." under the decision is a decision of its own.
    if (current && IMMEDIATE.test(p)) { close(); out.push(joinLines(p)); continue; }
    if (current) current.push(p);
  }
  close();
  return out;
}

/**
 * An item's opening decision: a § item without a "Beslut" subheading that opens with what was
 * decided ("Kommunrevisionen beslutar att godkänna … EY uppdras att …", "… beslutar att ge:" and
 * its lines) before its first subheading ("Sammanfattning av ärendet") states it there, as if under
 * "Beslut". Empty when the item opens with no decision or has no subheadings.
 */
export function openingDecision(sectionText: string, isDecision: (text: string) => boolean): string[] {
  const paragraphs = sectionText.split(/\n{2,}/);
  const first = paragraphs[0];
  if (!first || ITEM_SUBHEADING.test(firstLine(first)) || !isDecision(joinLines(first))) return [];
  if (!paragraphs.some((p) => ITEM_SUBHEADING.test(firstLine(p)))) return [];
  return decisionBlocks(`Beslut\n\n${sectionText}`);
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
    while (j < paragraphs.length && (POINT.test(paragraphs[j]!.trim()) || /^\p{Ll}/u.test(paragraphs[j]!.trim()))) parts.push(joinLines(paragraphs[j++]!).replace(/^([•·▪–-])\s*\|\s*/u, '$1 '));
    lists.push(parts.join(' ').replace(/\s+/g, ' ').trim());
    i = j - 1;
  }
  return { lists, rest: kept.join('\n\n') };
}
