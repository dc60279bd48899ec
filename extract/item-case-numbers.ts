/**
 * The case numbers a document gives for its items: each "§ N  Dnr …" heading's (or the "Dnr …" line
 * that opens a numbered item's text), the numbers an item's title carries ("Beredning av motion …
 * (KS-2024-00583)"), and an agenda table's "Beteckning" column (a kallelse), also where the table
 * goes on over a page without its header. Numbers in running text, labelled or not, are those of
 * other cases and documents that an item refers to ("inkomna skrivelser: … KS-2023-00686", "ärende
 * med dnr 8796-2024"), and so are a table's other cells: the annotators' rule counts the items' own.
 */
import type { DocContext } from './context.ts';
import { cellTexts } from '../lib/blocks.ts';
import { caseColumn, caseNumbersInTable, isCaseNumber, findCaseNumbers, findUnlabelledCaseNumbers, leadingCaseNumbers, openingCaseNumbers } from './case-numbers.ts';

export function itemCaseNumbers({ blocks, sections, meta }: Pick<DocContext, 'blocks' | 'sections' | 'meta'>): string[] {
  const documentNumber = meta.diarienummer;
  const out: string[] = [];
  if (documentNumber) out.push(documentNumber);
  for (const s of sections) {
    if (s.caseNumber) out.push(...(s.caseNumbers ?? [s.caseNumber]));
    // An item numbered "§ 5" or "3." with its number on the first line under its heading ("Dnr KS 2024/12").
    else if (s.number) { const first = s.text.split('\n', 1)[0]!; out.push(...leadingCaseNumbers(first), ...openingCaseNumbers(first)); }
    if (s.number?.startsWith('§')) out.push(...findUnlabelledCaseNumbers(s.heading.replace(/-\s+(?=\d)/g, '-')));
    // A numbered agenda line that carries its own number, labelled or of a distinctive shape ("3. Budget 2025, dnr KS 2024/12", "6. Taxor (SN 2024/13)").
    else if (s.number) out.push(...findCaseNumbers(s.heading), ...findUnlabelledCaseNumbers(s.heading));
  }
  let table: string[][] = [];
  let header: { column: number; width: number } | null = null;
  const flush = () => {
    // (the header need not open the run of rows: a letterhead laid out in columns may stand right above it)
    const head = table.findIndex((r) => caseColumn(r) >= 0);
    if (head >= 0) table = table.slice(head);
    const column = table.length ? caseColumn(table[0]!) : -1;
    if (column >= 0) { header = { column, width: table[0]!.length }; out.push(...caseNumbersInTable(table)); }
    // An agenda table that goes on over a page break without its header row: the same columns, item numbers first.
    else if (header && table.length && table.every((r) => r.length === header!.width && /^(?:\d{1,3}[.)]?)?$/.test(r[0]!.trim()))) out.push(...caseNumbersInTable(table, header.column));
    // An item of the agenda too short to be found as a table: a line whose gaps part its cells, the case number first.
    else if (header) out.push(...table.map((r) => r[0]!.trim()).filter(isCaseNumber));
    table = [];
  };
  // An agenda whose header line the table reader could not part from its rows (a text export sets "Tierp MBN 2024-000412 Reza
  // Tehrani," where a long title pushed the columns together): on the header's page, a case number of a distinctive
  // shape on a line led by an item number is the item's.
  let loose: number | null = null;
  for (const b of blocks) {
    if (loose !== null && b.page !== loose) loose = null;
    if (b.kind === 'paragraph') for (const line of b.text.split('\n')) {
      if (caseColumn(line.trim().split(/\s{2,}|\t/)) > 0) loose = b.page;
      else if (loose !== null && /^\d{1,3}[.)]?\s+\p{Lu}/u.test(line.trim())) out.push(...findUnlabelledCaseNumbers(line));
    }
    else if (loose !== null && b.kind === 'table-row' && /^\d{1,3}[.)]?\s+\p{Lu}/u.test(b.text.trim())) out.push(...findUnlabelledCaseNumbers(b.text));
    if (b.kind === 'table-row') table.push(cellTexts(b));
    else if (table.length) flush();
  }
  flush();
  return [...new Set(out)];
}
