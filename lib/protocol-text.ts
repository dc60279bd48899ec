/** Protocol detail in the words the page, the exports and the report show. No runtime imports: the page's bundle shares it. */
import type { ProtocolDetail } from './schema.ts';

/** "4 ja, 1 nej, 2 avstår"; empty when the protocol records no vote. */
export function voteText(vote: ProtocolDetail['vote'] | undefined): string {
  if (!vote) return '';
  return ([[vote.yes, 'ja'], [vote.no, 'nej'], [vote.abstain, 'avstår']] as const).filter(([n]) => n !== null).map(([n, w]) => `${n} ${w}`).join(', ');
}
