/**
 * The case numbers a document gives for its items: each "§ N  Dnr …" heading's, the numbers an
 * item's title carries ("Beredning av motion … (KS-2024-00583)"), an agenda table's "Beteckning"
 * column (a kallelse), and in running text a number with its label ("dnr 5919-2024", "med
 * diarienummer KS 2024/12"). An unlabelled number in running text is a document's that a case
 * lists ("inkomna skrivelser: … KS-2023-00686"), and a table's other cells describe its items:
 * a number there belongs to the table's own column.
 */
import type { DocContext } from './context.ts';
import { cellTexts } from '../lib/blocks.ts';
import { caseNumbersInTable, findCaseNumbers, findUnlabelledCaseNumbers } from './case-numbers.ts';

export function itemCaseNumbers({ blocks, plain, sections, meta }: Pick<DocContext, 'blocks' | 'plain' | 'sections' | 'meta'>): string[] {
  const documentNumber = meta.diarienummer;
  const out: string[] = [];
  if (documentNumber) out.push(documentNumber);
  for (const s of sections) {
    if (s.caseNumber) out.push(s.caseNumber);
    if (s.number?.startsWith('§')) out.push(...findUnlabelledCaseNumbers(s.heading.replace(/-\s+(?=\d)/g, '-')));
  }
  let table: string[][] = [];
  const flush = () => { out.push(...caseNumbersInTable(table)); table = []; };
  blocks.forEach((b, i) => {
    if (b.kind === 'table-row') { table.push(cellTexts(b)); return; }
    if (table.length) flush();
    // Most blocks hold no digit run that could be one: the test is far cheaper than the forms.
    if (/\d{3}/.test(plain[i]!)) out.push(...findCaseNumbers(plain[i]!));
  });
  flush();
  return [...new Set(out)];
}
