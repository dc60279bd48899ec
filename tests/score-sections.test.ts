/**
 * The scorer's `sections` field on made-up gold (independent of the annotated files): items are
 * (person, only|notIn, entry) of persons matched by name; a gold person without `sections` has none.
 */
import { describe, expect, it } from 'vitest';
import { RealGold, emptyScore, f1, formatScore, scoreReal, sectionCounts } from '../scripts/score-extraction.ts';
import type { Extraction, Person } from '../lib/schema.ts';

const person = (name: string, sections?: Person['sections']): Person => ({ name, party: null, organisation: null, role: null, attendance: 'present', ...(sections ? { sections } : {}) });

const extraction = (persons: Person[]): Extraction => ({
  source: 'x.md', format: 'md', sha256: '0'.repeat(64), title: 'Protokoll', docType: 'protokoll', body: 'Nämnden', organisation: null,
  date: '2025-12-15', mandatePeriod: null, location: null, diarienummer: null, persons, organisations: [], dates: [], decisions: [],
  actions: [], themes: [], sections: [], pageHeader: [], pageCount: 1, personnummerMasked: 0,
});

const gold = (persons: unknown[]) => RealGold.parse({
  file: 'x.md', source: 'kungsbacka', split: 'dev', docType: 'protokoll', date: '2025-12-15', body: 'Nämnden', organisation: 'Kungsbacka kommun',
  diarienummer: [], persons, organisations: [], decisions: [],
});

describe('scoring sections', () => {
  it('counts each (person, only|notIn, entry) once, entries compared without §, spaces or dash kind', () => {
    const c = sectionCounts([
      [{ sections: { only: ['§§ 253 – 256', '3a'] } }, { sections: { only: ['253-256', '3A'] } }],
      [{ sections: { notIn: ['276'], reason: 'jäv' } }, { sections: { only: ['276'] } }],
      [{ sections: { only: ['5-'] } }, {}],
    ]);
    expect(c).toEqual({ tp: 2, fp: 1, fn: 2 });
  });

  it('treats a gold person without sections as having none: an extracted entry is a false positive, none is right', () => {
    expect(sectionCounts([[{}, { sections: { only: ['1-5'] } }], [{}, {}]])).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('scores only persons matched by name (spelling variants and aliases match), and shows the field in the table', () => {
    const into = emptyScore();
    scoreReal(gold([
      { name: 'Anna-Karin Ljungman', attendance: 'present', sections: { only: ['259-262'] } },
      { name: 'Stefan Berg', attendance: 'present', sections: { notIn: ['276'], reason: 'jäv' } },
      { name: 'Eva Holm', attendance: 'present', sections: { only: ['1-3'] } },
      { name: 'Per Lund', attendance: 'present' },
    ]), extraction([
      person('Anna-Karin Ljungman', { only: ['259-262'] }),
      { ...person('S. Berg', { notIn: ['276'], reason: 'jäv' }), aliases: ['Stefan Berg'] },
      person('Ola Ström', { only: ['1-3'] }),
      person('Per Lund'),
    ]), into);
    // Eva Holm and Ola Ström are no match: they count under persons, not sections.
    expect(into.fields.sections).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(into.fields.persons).toEqual({ tp: 3, fp: 1, fn: 1 });
    expect(f1(into.fields.sections!).f1).toBe(1);
    expect(formatScore(into)).toMatch(/\| sections \| 1\.000 \| 1\.000 \| 1\.000 \| 2 \/ 0 \/ 0 \|/);
  });
});
