import { describe, expect, it } from 'vitest';
import { extractDecisions } from '../extract/decisions.ts';
import type { Person } from '../lib/schema.ts';

const section = (heading: string, text: string) => ({ heading, number: null, text, page: 3 });
const ewa: Person = { name: 'Ewa Lindberg', party: null, organisation: null, role: null, attendance: 'present' };

describe('decisions and actions', () => {
  const { decisions, actions } = extractDecisions([
    section('2. Justerare', 'Siw Lunander valdes till justerare.'),
    section('3. Dagordningen godkändes', ''),
    section('§ 5 Budget', 'Kommunstyrelsen beslutar att anta budgeten för 2025. Frågan diskuterades länge. Politiska beslut behöver tas om detta.'),
    section('6. Samverkan', 'Ledamöterna ställer sig bakom förslaget att frågan flyttas. Ewa Lindberg tar med frågan till skolcheferna. Ewa tar också med diskussionen till Tjänstemannastödet.'),
    section('7. Övrigt', 'Beslut: Informationen lades till handlingarna. Ska vi besluta om detta?'),
  ], [ewa]);

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
