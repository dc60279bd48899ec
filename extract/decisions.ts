/**
 * Decisions and action items, sentence by sentence within each section (agenda-item headings
 * count: "3. Dagordningen godkändes"). A decision is a formal resolution or position; reports,
 * discussions and what someone will do are not: those are actions, with an owner.
 */
import type { Action, Decision, Person } from '../lib/schema.ts';
import type { PersonContext } from './context.ts';
import { by, perDocument, runRules, type Rule } from './rules.ts';
import { sentences, withoutLeadingLookbehind, wrappedLines } from '../lib/text.ts';
import { findNames } from './person-names.ts';
import { protocolDetail } from './protocol-detail.ts';
import { decisionBlocks, decisionLists, isBackgroundHeading, openingDecision, undecidedPartsRemoved, withoutFurniture } from './protocol-items.ts';

const MONTH = '(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)';

/** JS `\\b` is ASCII-only and fails next to å, ä, ö: these bound words by letters instead. */
const B = String.raw`(?<![\p{L}\d])`;
const E = String.raw`(?![\p{L}\d])`;

/** A body of the meeting as the object of a proposal ("föreslår kommunfullmäktige besluta", "föreslår att kommunstyrelsen …"). */
const ORGAN_OBJECT = String.raw`[\p{L}-]*(?:fullmäktige|styrelse|nämnd|utskott|direktion)\p{L}*`;

// One word-start test for all forms: most sentences hold none, and a test per form at every position cost more than the forms.
const DECISION = new RegExp(`${B}(?:${[
  `(beslutar|beslutade|beslutas|beslöt|beslöts|beslutades)${E}` + String.raw`(?!\s+(om\s+)?(att\s+)?(inte\s+)?(tas|fattas))`,
  `det beslutas${E}`,
  `(fattat|fattade|fattar)\\s+(ett\\s+)?beslut${E}`,
  `(godkändes|godkänns|godkände|godkänner|antogs|antas|fastställdes|fastställs|fastställde|fastställer|valdes|utsågs|utses|utser|utsåg|tillstyrker|tillstyrktes|tillstyrks|avstyrker|avstyrktes|avstyrks|avslogs|avslås|avslår|avslog|bifölls|bifalls|bifalles|bifaller|biföll|återremitterar|återremitterade|återremitteras|återremitterades|bordlägger|bordlade|bordläggs|bordlades|entledigar|entledigade|entledigas|entledigades|beviljar|beviljade|beviljas|beviljades|avskriver|avskrivs|avskrevs|avvisar|avvisas|avvisades|lades till handlingarna|läggs till handlingarna)${E}`,
  // "antar" is also "assumes": "Vi antar att kostnaderna ökar".
  `(antar|antog)${E}(?!\\s+att${E})`,
  `(väljer|valde|väljs)${E}(?=\\s+(?:\\S+\\s+){0,6}(?:till|som)${E})`,
  `(uppdrar|uppdrog)\\s+åt${E}`,
  `ger\\s+(?:\\p{L}+\\s+){1,4}i\\s+uppdrag${E}`,
  `(delegerar|delegerade|delegeras)${E}`,
  `(överlämnar|överlämnade|överlämnas|översänder|översände|översänds)${E}`,
  `(lägger|lade|la)\\s+(?:\\p{L}+\\s+){1,4}till\\s+handlingarna${E}`,
  `(tar|tog|har tagit)\\s+del\\s+av${E}`,
  `(anser|ansåg|anses|förklarar|förklarade|förklaras|förklarades)\\s+(?:\\p{L}+\\s+){1,3}(vara\\s+)?(besvarad|besvarat|besvarade|fullgjort|fullgjord|avslutad|avslutat)${E}`,
  `föreslår\\s+(?:att\\s+)?${ORGAN_OBJECT}${E}`,
  `ställer sig bakom${E}`,
  `ställningstagande(t|n)?\\s+(om|att|gjordes|togs)${E}`,
  `(enades|enas) om${E}`,
  // "Överenskoms att …", "Gruppen kom överens om att …" (meeting notes' word for a decision)
  `(överenskoms|överenskommes|kom\\s+överens|kommer\\s+överens)\\s+(om\\s+)?att${E}`,
  `(informationen|redovisningen|rapporten|anmälan|uppföljningen|minnesanteckningarna|protokollet)\\s+(noteras|noterades|antecknas|antecknades)${E}`,
  `förklara(r|s|des|ts|de)?\\s+(\\p{L}+\\s+){0,4}omedelbart\\s+justerad(e)?${E}`,
  `noterar\\s+(informationen|redovisningen|rapporten|anmälan|uppföljningen|dialogen|ärendet|delegeringsbesluten|(?:\\p{L}+\\s+){1,5}till\\s+protokollet${E})`,
  `antecknar\\s+(?:\\p{L}+\\s+){1,4}(till|i)\\s+protokollet${E}`,
  `(noteras|noterades|antecknas|antecknades)\\s+(till|i)\\s+protokollet${E}`,
  String.raw`^(beslut|beslutat|beslutades|beslöts|överenskommelse)\s*:`,
].join('|')})`, 'iu');

/** Things that look like decisions but speak of decisions in general, in the future, as a condition or as a ruling on how to proceed. */
const NOT_DECISION = /\b(behöver|kommer att|ska|skall|kan|bör|inför|innan|om att)\s+(\p{L}+\s+){0,3}(beslut|besluta|godkänna|fatta)|\bbeslut (behöver|måste|ska)|\bförslag till beslut\b|\bställer\s+(\p{L}+\s+){0,2}proposition\b|\bfinner att\b|(?<![\p{L}])(frågar|prövar)\s+om(?![\p{L}])|^(om|ifall|såvida)\s|^utses\s+att\s+justera(?:\s+protokollet)?\s*(?:[\t|:]|$)/iu;

const ACTION = new RegExp(String.raw`${B}(tar (också |även |själv )?med (sig )?(frågan|diskussionen|det|detta|synpunkterna|informationen)|kommer att (ringa|lyfta|återkomma|fortsätta|ta fram|skicka|rapportera|bjuda|kontakta|presentera|informera|undersöka|se över|bevaka|sammanställa|delta)|återkommer|får i uppdrag|ges i uppdrag|bjuds in till|ansvarar för att|ska återkomma|skall (prata|återkomma|bevaka|delta|ta fram)|uppdras att)${E}`, 'iu');

const DECISION_ALL = new RegExp(DECISION.source, 'giu');
const SUMMARY = /^(sammanfattning|sammandrag|i korthet|summary)(?![\p{L}])/iu;
/** A decision referred to, not taken: "den plan som beslutades i december", "de tidigare beslutade köpen". */
const PAST_REFERENCE = new RegExp(String.raw`${B}(som|tidigare|redan|nyligen|ovan)\s+$`, 'iu');
/**
 * An earlier meeting's decision told in the past tense with its date: "Kommunfullmäktige beslutade
 * 2019 att …", "godkände i juni", "beslutade vid sitt sammanträde den …", "I december 2019 beslutade
 * kommunfullmäktige …" (not an amount: "beviljade 2 000 kronor").
 */
const DATE_AFTER = new RegExp(String.raw`^\s*(?:den\s+\d{1,2}\s+${MONTH}|\d{4}-\d\d-\d\d|(?:år\s+)?(?:19|20)\d\d(?![\d\s]*(?:kr|kronor|tkr|mnkr|miljoner|procent|%))|(?:i|under)\s+(?:${MONTH}|våras|somras|höstas|vintras|fjol)|tidigare|redan|(?:vid|på)\s+(?:sitt|sammanträdet|mötet|ett)${E})`, 'iu');
const DATE_BEFORE = new RegExp(String.raw`(?:(?:19|20)\d\d|${MONTH})\s+$`, 'iu');
const SUBJECT_AFTER = new RegExp(String.raw`^\s+(?:[\p{L}-]*(?:fullmäktige|styrelse|nämnd|utskott|direktion|revision)\p{L}*|regeringen|riksdagen)${E}`, 'iu');
/** A meeting named with its date ("på ett möte med direktionen den 8 februari", "vid direktionsmötet den 13 mars"): not today's. */
const DATED_MEETING = new RegExp(String.raw`(?:möte|sammanträde)\p{L}*\s+(?:med\s+(?:\p{L}+\s+){1,3}?)?(?:den\s+)?\d{1,2}\s+${MONTH}|(?:möte|sammanträde)\p{L}*\s+(?:den\s+)?\d{4}-\d\d-\d\d`, 'iu');
const PAST_TENSE = /(?:de|des|te|tes|öt|öts|åg|ågs|og|ogs|öll|ölls)$/u;
const earlierDecision = (sentence: string, m: RegExpExecArray, before: string) => {
  if (!PAST_TENSE.test(m[0].split(/\s/)[0]!)) return false;
  const after = sentence.slice(m.index + m[0].length);
  return DATE_AFTER.test(after) || (DATE_BEFORE.test(before) && SUBJECT_AFTER.test(after)) || DATED_MEETING.test(sentence);
};
/** Reported speech or opinion: "sade inledningsvis att han ställer sig bakom", "menade att", "ansåg att". */
const REPORTED = new RegExp(String.raw`${B}(önskar|önskade|vill|ville|hoppas|begär|begärde|efterfrågar|efterfrågade|uppmanar|uppmanade|sade|sa|säger|säga|menade|menar|ansåg|anser|tyckte|tycker|framhöll|framhåller|betonade|poängterade|påpekade|föreslår|föreslog|yrkar|yrkade|yrkande|yrkandet|hemställer|hemställde|bedömde|bedömer|argumenterade|hävdade|uttryckte|informerar|informerade|berättar|berättade|redogör|redogjorde|rapporterar|rapporterade|meddelar|meddelade|meddelat|konstaterar|konstaterade|konstaterat|sagt|menat|påpekat|framfört|framförde|framför|uppgav|uppger|uppgett|informerat|berättat|framhållit)${E}.*${B}att\s`, 'iu');
/** Verbs whose subject decides ("ECB beslutade …" is news, "Direktionen beslutade …" a decision). */
const ACTIVE = /^(?:beslutar|beslutade|beslöt|godkänner|godkände|fastställde|fastställer|tillstyrker|avstyrker|avslår|avslog|bifaller|biföll|antar|antog|utser|utsåg|väljer|valde|återremitterar|återremitterade|bordlägger|bordlade|entledigar|entledigade|beviljar|beviljade|avskriver|avvisar|delegerar|delegerade|överlämnar|överlämnade|översänder|översände)$|^(?:fattat|fattade|fattar|ställer|enades|enas|noterar|antecknar|uppdrar|uppdrog|ger|lägger|lade|la|tar|tog|har|anser|ansåg|föreslår)\s/iu;
/** The organ as subject: its clause before the verb names a body of the meeting, maybe with a few words after ("Ledamöterna på dagens möte", "Nämnden för Kultur & Fritid"), or the meeting itself ("Vi enades om"). */
const ORGAN_SUBJECT = new RegExp(String.raw`${B}[\p{L}-]*(nämnd|styrelse|direktion|råd|utskott|fullmäktige|möte|sammanträde|revisor(er)?|revision|ledamöter|grupp|beredning|presidi|församling|kommitté|stämm)(en|et|n|na|t|erna|an|a)?${E}(\s+[\p{L}&-]+){0,4}\s*$|${B}(vi|man|deltagarna|samtliga|alla)\s*$`, 'iu');

/** Whether one of the sentence's decision verbs records this meeting's decision. */
function recordsDecision(sentence: string, agendaItem: boolean): boolean {
  // An exec loop on the shared expression (matchAll would copy it for every sentence).
  DECISION_ALL.lastIndex = 0;
  for (let m = DECISION_ALL.exec(sentence); m; m = DECISION_ALL.exec(sentence)) {
    const before = sentence.slice(0, m.index);
    if (PAST_REFERENCE.test(before.slice(-24)) || earlierDecision(sentence, m, before) || (before.includes('att ') && REPORTED.test(before))) continue;
    // A proposal to another organ is this organ's decision only with the organ as its subject, in notes too ("Förvaltningen föreslår att nämnden …" is not).
    const needsSubject = agendaItem ? ACTIVE.test(m[0]) : /^föreslår\s/iu.test(m[0]);
    if (needsSubject && !ORGAN_SUBJECT.test(before.split(/[,;:]\s|\s(?:och|att)\s/).at(-1)!.slice(-80))) continue;
    return true;
  }
  return false;
}

type DecisionInput = Pick<PersonContext, 'sections' | 'persons' | 'notYetHeld'>;

const isDecision = (t: string) => DECISION.test(t) && !NOT_DECISION.test(t);
/** ACTION without its leading word-start test, which V8 tries at every position: a cheap first test, as most sentences hold no action. */
const ACTION_WORDS = withoutLeadingLookbehind(ACTION);
const isAction = (s: string) => ACTION_WORDS.test(s) && ACTION.test(s);
/** An item that opens with its body adopting something ("Kommunrevisionen antar revisionsberättelsen"). */
const ADOPTS = /^(?:[\p{Lu}][\p{L}&-]*\s+){1,5}antar(?![\p{L}])/u;

/** Sentences of running text: a line break inside a paragraph is layout, not a sentence end. */
const proseSentences = (text: string) => text.split(/\n{2,}/).flatMap(wrappedLines).flatMap(sentences);

/** An "Överenskommelse" of meeting notes that only records a discussion or a briefing ("Kommunrevisionen diskuterar budgetutrymmet"): nothing was decided. */
const DISCUSSES = /^(?:[\p{Lu}][\p{L}&-]*\s+){1,5}(?:diskuterar|diskuterade|samtalar|samtalade|resonerar|resonerade|informeras|informerades|får information|fick information)(?![\p{L}])/u;

/** What each section offers the decision rules, read once: its protocol detail, Beslut blocks, lists and remaining sentences. */
const items = perDocument((ctx: Pick<DecisionInput, 'sections'>) => ctx.sections.map((section) => {
  const heading = section.heading.replace(/^(§\s*)?\d+[a-z]?[.)]?\s+/, '');
  const found = protocolDetail(section.heading, section.text);
  const detail = section.caseNumber ? { ...(found ?? EMPTY_DETAIL), caseNumber: section.caseNumber } : found;
  // A decision running over a page break reads on without the signature box and e-signature stamp between.
  const text = withoutFurniture(section.text);
  // A protocol item's decision is what stands under its "Beslut" subheading, lists included;
  // the sentences of its background ("Kommunfullmäktige beslutade 2019 …") are not.
  const blocks = decisionBlocks(text, (b) => !DISCUSSES.test(b) || isDecision(b));
  const opening = !blocks.length && section.number?.startsWith('§') ? openingDecision(text, (t) => isDecision(t) || ADOPTS.test(t)) : [];
  // (in notes an inline "Beslut: …" line stands among the item's other sentences, which may record decisions too: "Överenskoms att …")
  const inlineOnly = blocks.length > 0 && !section.number?.startsWith('§') && !/(?:^|\n\n)beslut\s*(?:\n|$)/iu.test(text) && /(?:^|\n\n)beslut\s*:\s*\S/iu.test(text);
  const stated = (blocks.length > 0 && !inlineOnly) || opening.length > 0 || isBackgroundHeading(heading);
  // Without one, the sentence rules read the item's own text: not its background, proposals, Beslutsunderlag or Beslutsgång.
  const { lists, rest } = stated ? { lists: [], rest: '' } : decisionLists(undecidedPartsRemoved(text), isDecision);
  const candidates = stated ? [] : [...(/[.:]$/.test(heading) || heading.split(' ').length <= 8 ? [heading] : []), ...proseSentences(rest)]
    .filter((c) => !inlineOnly || !/^beslut\s*:/iu.test(c));
  // Which candidates are actions, tested once for both the decision and the action rule.
  const actions = new Set(candidates.filter(isAction));
  return { section, detail, blocks, opening, lists, candidates, actions };
}));

type Item = ReturnType<typeof items>[number];

/** A rule that reads each section's parts and returns decision texts (with the words they were read from, where those differ). */
function decisionRule(id: string, texts: (item: Item) => (string | { text: string; quote: string })[]): Rule<Decision, DecisionInput> {
  const rule: Rule<Decision, DecisionInput> = {
    id, field: 'decisions',
    run: (ctx) => items(ctx).flatMap((item, i) => texts(item).map((found) => {
      const { text, quote } = typeof found === 'string' ? { text: found, quote: found } : found;
      const label = item.section.heading;
      return { value: { text, section: label, ...(item.detail ? { detail: item.detail } : {}), evidence: by(rule, { page: item.section.page, section: label, quote: quote.slice(0, 400) }) }, at: [i] };
    })),
  };
  return rule;
}


/** The text under an item's "Beslut" subheading, numbered and bulleted points included. */
export const beslutBlock = decisionRule('beslut-block', (item) => item.blocks);
/** A § item without a Beslut subheading: the decision it opens with, up to its first subheading. */
export const itemOpening = decisionRule('item-opening', (item) => item.opening);
/** "Direktionen beslutade" / "Nämnden beslutar att:" followed by its points: one decision, points included. */
export const decisionWithList = decisionRule('decision-with-list', (item) => item.lists);
/**
 * A sentence (or an agenda heading) that records a decision, outside any Beslut block. A summary
 * section repeats the items' decisions; in a numbered agenda item the organ decides (its name,
 * "Nämnden", "Direktionen", "Ledamöterna", or a passive), not another body or a speaker.
 */
export const decisionSentence = decisionRule('decision-sentence', (item) => SUMMARY.test(item.section.heading.replace(/^(§\s*)?\d+[a-z]?[.)]?\s+/, '')) ? [] : item.candidates
  .filter((s) => !item.actions.has(s) && isDecision(s) && !/\?$/.test(s) && recordsDecision(s, item.section.number !== null))
  .map((s) => ({ text: s.replace(/^beslut\s*:\s*/i, ''), quote: s })));

export const DECISION_RULES = [beslutBlock, itemOpening, decisionWithList, decisionSentence];

/** What someone will do ("tar med frågan till …", "kommer att återkomma"), with its owner. */
export const actionSentence: Rule<Action, DecisionInput> = {
  id: 'action-sentence', field: 'actions',
  run: (ctx) => items(ctx).flatMap((item, i) => item.candidates.filter((s) => item.actions.has(s)).map((text) => ({
    value: { text, owner: ownerOf(text, ctx.persons), evidence: { page: item.section.page, section: item.section.heading, quote: text.slice(0, 400) } }, at: [i],
  }))),
};

export function extractDecisions(ctx: DecisionInput): { decisions: Decision[]; actions: Action[] } {
  // A kallelse announces the meeting: its "Förslag till beslut" are proposals, nothing is decided yet.
  return { decisions: ctx.notYetHeld ? [] : dedupe(runRules(DECISION_RULES, ctx)), actions: runRules([actionSentence], ctx) };
}

/** The person who acts: a full name in the sentence, else a first name that only one person in the document has. */
function ownerOf(sentence: string, persons: Person[]): string | null {
  const full = findNames(sentence)[0]?.name;
  if (full) return persons.find((p) => p.name === full || p.aliases?.includes(full))?.name ?? full;
  const firstWord = /^(\p{Lu}[\p{Ll}-]+)\b/u.exec(sentence)?.[1];
  const matches = firstWord ? persons.filter((p) => p.name.split(' ')[0] === firstWord) : [];
  return matches.length === 1 ? matches[0]!.name : null;
}

const EMPTY_DETAIL = { caseNumber: null, proposals: [], vote: null, reservations: [], proposedTo: null };

/** The same sentence twice in one item is one decision; the same wording in two items ("noterar informationen") is two. */
function dedupe(decisions: Decision[]): Decision[] {
  const seen = new Set<string>();
  return decisions.filter((d) => { const key = `${d.section}\u0000${d.text}`; return !seen.has(key) && seen.add(key); });
}
