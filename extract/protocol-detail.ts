/**
 * What a protocol records around a decision, per agenda item: the case number, proposals
 * (yrkanden), the vote (omröstning), reservations, and whether the body proposed the decision to
 * another ("Kommunstyrelsen föreslår kommunfullmäktige besluta att …").
 */
import type { ProtocolDetail } from '../lib/schema.ts';
import { sentences } from '../lib/text.ts';
import { findNames } from './person-names.ts';
import { firstCaseNumber } from './case-numbers.ts';

const NUMBER_WORDS: Record<string, number> = { en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12, tretton: 13, fjorton: 14, femton: 15 };
const count = (w: string | undefined) => (w === undefined ? null : /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w.toLowerCase()] ?? null);

/** Words without which an agenda item records none of this: most items are skipped at once. */
const TRIGGERS = /yrkar|reserver|röstar|omröstning|avstår|föreslår|dnr|diarienummer/i;

export function protocolDetail(heading: string, text: string): ProtocolDetail | null {
  const all = `${heading}\n${text}`;
  if (!TRIGGERS.test(all)) return null;
  // The item's own number stands in its heading or on the lines right under it; one further down is another case's ("ärende med dnr …").
  const caseNumber = firstCaseNumber(heading) ?? firstCaseNumber(text.split('\n').slice(0, 2).join('\n'));
  const proposals: ProtocolDetail['proposals'] = [];
  const reservations: string[] = [];
  let vote = null as ProtocolDetail['vote'];
  for (const s of sentences(text)) {
    const yrkar = /(?:^|\.\s+)(.{3,80}?)\s+yrkar\s+(.+)$/u.exec(s);
    if (yrkar) {
      const who = findNames(yrkar[1]!, { anyFirstName: true })[0]?.name ?? yrkar[1]!.trim();
      const party = /\(([A-ZÅÄÖa-zåäö]{1,3})\)/.exec(yrkar[1]!)?.[1]?.toUpperCase() ?? null;
      proposals.push({ by: who, party, text: yrkar[2]!.replace(/\.$/, '') });
    }
    if (/reserver(ar|ade) sig/i.test(s)) reservations.push(...findNames(s, { anyFirstName: true }).map((h) => h.name));
    const ja = /(\d+|\p{L}+)\s+(?:ledamöter\s+|ledamot\s+)?röstar\s+ja/iu.exec(s) ?? /(\d+|\p{L}+)\s+ja-röster/iu.exec(s);
    const nej = /(\d+|\p{L}+)\s+(?:ledamöter\s+|ledamot\s+)?(?:röstar\s+)?nej(?:-röster)?/iu.exec(s.slice(ja ? ja.index + ja[0].length : 0));
    const avstar = /(\d+|\p{L}+)\s+(?:ledamöter\s+|ledamot\s+)?avstår/iu.exec(s);
    if (ja || (/omröstning/i.test(s) && nej)) vote = { yes: count(ja?.[1]), no: count(nej?.[1]), abstain: count(avstar?.[1]) };
  }
  const proposedTo = /föreslår\s+(kommunfullmäktige|regionfullmäktige|kommunstyrelsen|regionstyrelsen|[\p{L}-]+nämnden)\s+(?:att\s+)?(?:besluta|fatta beslut)/iu.exec(all)?.[1] ?? null;
  if (!caseNumber && !proposals.length && !vote && !reservations.length && !proposedTo) return null;
  return { caseNumber, proposals, vote, reservations, proposedTo: proposedTo ? proposedTo.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : null };
}
