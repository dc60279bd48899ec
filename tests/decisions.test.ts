import { describe, expect, it } from 'vitest';
import { extractDecisions } from '../extract/decisions.ts';
import type { Person } from '../lib/schema.ts';

const section = (heading: string, text: string) => ({ heading, number: null, text, page: 3 });
const ewa: Person = { name: 'Ewa Lindberg', party: null, organisation: null, role: null, attendance: 'present' };

describe('decisions and actions', () => {
  const { decisions, actions } = extractDecisions({ sections: [
    section('2. Justerare', 'Siw Lunander valdes till justerare.'),
    section('3. Dagordningen godkändes', ''),
    section('§ 5 Budget', 'Kommunstyrelsen beslutar att anta budgeten för 2025. Frågan diskuterades länge. Politiska beslut behöver tas om detta.'),
    section('6. Samverkan', 'Ledamöterna ställer sig bakom förslaget att frågan flyttas. Ewa Lindberg tar med frågan till skolcheferna. Ewa tar också med diskussionen till Tjänstemannastödet.'),
    section('7. Övrigt', 'Beslut: Informationen lades till handlingarna. Ska vi besluta om detta?'),
  ], persons: [ewa], notYetHeld: false });

  it('finds formal decisions, including those in an agenda heading', () => {
    expect(decisions.map((d) => d.text)).toEqual([
      'Siw Lunander valdes till justerare.',
      'Dagordningen godkändes',
      'Kommunstyrelsen beslutar att anta budgeten för 2025.',
      'Ledamöterna ställer sig bakom förslaget att frågan flyttas.',
      'Informationen lades till handlingarna.',
    ]);
    expect(decisions[2]).toMatchObject({ section: '§ 5 Budget', evidence: { page: 3, section: '§ 5 Budget' } });
  });

  it('keeps action items out of decisions, with their owner (also by first name)', () => {
    expect(actions.map((a) => [a.owner, a.text])).toEqual([
      ['Ewa Lindberg', 'Ewa Lindberg tar med frågan till skolcheferna.'],
      ['Ewa Lindberg', 'Ewa tar också med diskussionen till Tjänstemannastödet.'],
    ]);
  });
});

describe('protocol detail', () => {
  it('reads proposals, the vote, reservations, the case number and a proposal to the council', async () => {
    const { protocolDetail } = await import('../extract/protocol-detail.ts');
    const detail = protocolDetail('§ 203 Gränssamverkan', [
      'Dnr KS 2021/388. Ulrika Sundqvist (C) yrkar bifall till förslaget. Mikael Björk (SD) yrkar avslag.',
      'Omröstning begärs och genomförs. Fem ledamöter röstar ja, en röstar nej och två avstår.',
      'Kommunstyrelsen föreslår kommunfullmäktige besluta att anta planen. Mikael Björk (SD) reserverar sig mot beslutet.',
    ].join('\n\n'));
    expect(detail).toEqual({
      caseNumber: 'KS 2021/388',
      proposals: [{ by: 'Ulrika Sundqvist', party: 'C', text: 'bifall till förslaget' }, { by: 'Mikael Björk', party: 'SD', text: 'avslag' }],
      vote: { yes: 5, no: 1, abstain: 2 },
      reservations: ['Mikael Björk'],
      proposedTo: 'Kommunfullmäktige',
    });
    expect(protocolDetail('Information', 'Rådet informerades om läget.')).toBeNull();
  });
});

describe('a kallelse', () => {
  it('records no decisions: its "Förslag till beslut" are proposals', async () => {
    const { extractDocument } = await import('../extract/index.ts');
    const { cleanDocument } = await import('../ingest/clean.ts');
    const { textToBlocks } = await import('../ingest/text-blocks.ts');
    const blocks = textToBlocks('# Kallelse Byggnadsnämnden\n\n## 3. Detaljplan\n\nFörslag till beslut\n\nByggnadsnämnden godkänner miljökonsekvensbeskrivningen.');
    const doc = cleanDocument({ source: 'k.md', fileName: 'k.md', format: 'md', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks });
    const { extraction } = extractDocument(doc, { chunkWords: 250 });
    expect(extraction.docType).toBe('kallelse');
    expect(extraction.decisions).toEqual([]);
  });
});
