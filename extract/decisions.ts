/**
 * Decisions and action items, sentence by sentence within each section (agenda-item headings
 * count: "3. Dagordningen godkändes"). A decision is a formal resolution or position; reports,
 * discussions and what someone will do are not: those are actions, with an owner.
 */
import type { Action, Decision, Person, Section } from '../lib/schema.ts';
import { sentences } from '../lib/text.ts';
import { findNames } from './person-names.ts';
import { protocolDetail } from './protocol-detail.ts';
import { decisionBlocks, decisionLists } from './protocol-items.ts';

/** JS `\\b` is ASCII-only and fails next to å, ä, ö: these bound words by letters instead. */
const B = String.raw`(?<![\p{L}\d])`;
const E = String.raw`(?![\p{L}\d])`;

const DECISION = new RegExp([
  `${B}(beslutar|beslutade|beslutas|beslöt|beslöts|beslutades)${E}` + String.raw`(?!\s+(om\s+)?(att\s+)?(inte\s+)?(tas|fattas))`,
  `${B}det beslutas${E}`,
  `${B}(fattat|fattade|fattar)\\s+(ett\\s+)?beslut${E}`,
  `${B}(godkändes|godkänns|godkände|godkänner|antogs|antas|fastställdes|fastställs|fastställde|valdes|utsågs|utses|tillstyrker|tillstyrktes|avslogs|avslår|bifölls|bifaller|lades till handlingarna|läggs till handlingarna)${E}`,
  `${B}ställer sig bakom${E}`,
  `${B}ställningstagande(t|n)?\\s+(om|att|gjordes|togs)${E}`,
  `${B}(enades|enas) om${E}`,
  `${B}förklara(r|s|des|ts|de)?\\s+(\\p{L}+\\s+){0,4}omedelbart\\s+justerad(e)?${E}`,
  `${B}noterar\\s+(informationen|redovisningen|rapporten|anmälan|uppföljningen)${E}`,
  `${B}(noteras|noterades)\\s+till\\s+protokollet${E}`,
  String.raw`^beslut\s*:`,
].join('|'), 'iu');

/** Things that look like decisions but speak of decisions in general or in the future. */
const NOT_DECISION = /\b(behöver|kommer att|ska|skall|kan|bör|inför|innan|om att)\s+(\p{L}+\s+){0,3}(beslut|besluta|godkänna|fatta)|\bbeslut (behöver|måste|ska)|\bförslag till beslut\b|\bställer\s+(\p{L}+\s+){0,2}proposition\b|\bfinner att\b/iu;

const ACTION = new RegExp(String.raw`${B}(tar (också |även |själv )?med (sig )?(frågan|diskussionen|det|detta|synpunkterna|informationen)|kommer att (ringa|lyfta|återkomma|fortsätta|ta fram|skicka|rapportera|bjuda|kontakta|presentera|informera|undersöka|se över|bevaka|sammanställa|delta)|återkommer|får i uppdrag|ges i uppdrag|bjuds in till|ansvarar för att|ska återkomma|skall (prata|återkomma|bevaka|delta|ta fram)|uppdras att)${E}`, 'iu');

export function extractDecisions(sections: Section[], persons: Person[]): { decisions: Decision[]; actions: Action[] } {
  const decisions: Decision[] = [];
  const actions: Action[] = [];
  for (const section of sections) {
    const label = section.heading;
    const heading = section.heading.replace(/^(§\s*)?\d+[a-z]?[.)]?\s+/, '');
    const found = protocolDetail(section.heading, section.text);
    const detail = section.caseNumber ? { ...(found ?? EMPTY_DETAIL), caseNumber: section.caseNumber } : found;
    // A protocol item's decision is what stands under its "Beslut" subheading, lists included;
    // the sentences of its background ("Kommunfullmäktige beslutade 2019 …") are not.
    const blocks = decisionBlocks(section.text);
    if (blocks.length) {
      for (const text of blocks) decisions.push({ text, section: label, ...(detail ? { detail } : {}), evidence: { page: section.page, section: label, quote: text.slice(0, 400), rule: 'beslut-block' } });
      continue;
    }
    // "Direktionen beslutade" / "Nämnden beslutar att:" followed by its points: one decision, points included.
    const { lists, rest } = decisionLists(section.text, (t) => DECISION.test(t) && !NOT_DECISION.test(t));
    for (const text of lists) decisions.push({ text, section: label, ...(detail ? { detail } : {}), evidence: { page: section.page, section: label, quote: text.slice(0, 400), rule: 'decision-with-list' } });
    const candidates = [...(/[.:]$/.test(heading) || heading.split(' ').length <= 8 ? [heading] : []), ...sentences(rest)];
    for (const sentence of candidates) {
      const evidence = { page: section.page, section: label, quote: sentence.slice(0, 400) };
      if (ACTION.test(sentence)) {
        actions.push({ text: sentence, owner: ownerOf(sentence, persons), evidence });
      } else if (DECISION.test(sentence) && !NOT_DECISION.test(sentence) && !/\?$/.test(sentence)) {
        decisions.push({ text: sentence.replace(/^beslut\s*:\s*/i, ''), section: label, ...(detail ? { detail } : {}), evidence: { ...evidence, rule: 'decision-sentence' } });
      }
    }
  }
  return { decisions: dedupe(decisions), actions };
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
