/** Protocol detail in the words the page, the exports and the report show. No runtime imports: the page's bundle shares it. */
import type { PersonSections, ProtocolDetail } from './schema.ts';

/** "4 ja, 1 nej, 2 avstår"; empty when the protocol records no vote. */
export function voteText(vote: ProtocolDetail['vote'] | undefined): string {
  if (!vote) return '';
  return ([[vote.yes, 'ja'], [vote.no, 'nej'], [vote.abstain, 'avstår']] as const).filter(([n]) => n !== null).map(([n, w]) => `${n} ${w}`).join(', ');
}

/** "§ 5", "§§ 253–256, 258", open ends in words ("5-" → "från § 5", "-12" → "till och med § 12"). */
function paragraphs(entries: string[]): string {
  const closed = entries.filter((e) => !e.startsWith('-') && !e.endsWith('-'));
  const sign = closed.length > 1 || /\d-\d/.test(closed[0] ?? '') ? '§§' : '§';
  return [
    ...(closed.length ? [`${sign} ${closed.map((e) => e.replace('-', '–')).join(', ')}`] : []),
    ...entries.filter((e) => !closed.includes(e)).map((e) => (e.endsWith('-') ? `från § ${e.slice(0, -1)}` : `till och med § ${e.slice(1)}`)),
  ].join(', ');
}

/** Partial attendance as the page, the CLI and the report show it: "§§ 258–278", "deltar ej § 276 (jäv)"; empty when there is none. */
export function sectionsText(sections: PersonSections | undefined): string {
  if (!sections) return '';
  const parts = [
    ...(sections.only?.length ? [paragraphs(sections.only)] : []),
    ...(sections.notIn?.length ? [`deltar ej ${paragraphs(sections.notIn)}${sections.reason ? ` (${sections.reason})` : ''}`] : []),
  ];
  return parts.join('; ');
}
