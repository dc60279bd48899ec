/**
 * Partial attendance per § (the `sections` of a person), table-driven like tests/extraction-rules:
 * for each case, a document (Markdown, read by the real text reader and context), the statements it
 * must yield and those it must not. Labels: "Name only 253-256", "Name notIn 276 jäv".
 */
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { contextOfBlocks } from '../extract/context.ts';
import { extractPersons } from '../extract/persons.ts';
import { statedSections, itemStatement } from '../extract/partial-attendance.ts';
import { Person } from '../lib/schema.ts';
import { sectionsText } from '../lib/protocol-text.ts';

const persons = (markdown: string) => extractPersons(contextOfBlocks(textToBlocks(markdown)));
const labels = (ps: Person[]) => ps.flatMap((p) => [
  ...(p.sections?.only ?? []).map((e) => `${p.name} only ${e}`),
  ...(p.sections?.notIn ?? []).map((e) => `${p.name} notIn ${e}${p.sections?.reason ? ` ${p.sections.reason}` : ''}`),
]);

const BLOCK_HEAD = 'KOMMUNEN                  SAMMANTRÄDESPROTOKOLL\nNämnden\n\nBeslutande    Ledamöter                     Tjänstgörande ersättare';
const ITEM = (n: string, text: string) => `§ ${n}                        Dnr KS-2025-0000${n}\nÄrende nummer ${n}\n\nBeslut\n\nNämnden beslutar enligt förslaget.\n\n${text}`;

/** [what, document, must find, must not find]. */
const cases: [string, string, string[], string[]][] = [
  ['attendance block: a range after a member, "deltar ej § N pga. jäv" continued on the next line, ranges broken over lines; the protocol\'s "Paragrafer" is nobody\'s',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nBo Lund (S) §§ 258-278\nEva Berg (SD) deltar ej § 276 pga.\njäv\n\nÖvriga närvarande Ersättare                 Tjänstepersoner\nKarl Persson, controller §§ 253-\n256\nLisa Holm, planarkitekt §§\n253-258\nMaria Ek, praktikant,\nkommunstyrelsens förvaltning §§\n253-262\n\nPlats och tid för justering Digital justering\n\nSekreterare   Erik Norinder                 Paragrafer §§ 250-280`,
    ['Bo Lund only 258-278', 'Eva Berg notIn 276 jäv', 'Karl Persson only 253-256', 'Lisa Holm only 253-258', 'Maria Ek only 253-262'],
    ['Erik Norinder only 250-280', 'Anna Ek only 258-278', 'Karl Persson only 253-']],
  ['a replacement for some §§ is the ersättare\'s, not the replaced member\'s (the text says nothing of that)',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande Bo Lund (C) ersätter Per\nEva Berg (M), 1:e vice ordförande Holm (C) §§1-8\nOla Ström (S)`,
    ['Bo Lund only 1-8'], ['Per Holm only 1-8', 'Eva Berg only 1-8', 'Per Holm notIn 1-8']],
  ['the left column\'s range wraps to the start of the next line while the right column goes on',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande Bo Lund (L) ersätter Eva\nEva Berg (L), 1:e vice ordförande §§ 18- Berg (L) §§ 12-17\n23                            Ola Ström (M) ersätter Per\nKarin Lund (S)                Holm (M)`,
    ['Eva Berg only 18-23', 'Bo Lund only 12-17'], ['Ola Ström only 23', 'Bo Lund only 12-17, 23']],
  ['clock times with §§, "tjänstgör §§", "ersätter X §§", ärende numbers, several ranges, a number on the line under the title',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nOla Ström (S) kl. 9.00–10.15 §§ 1–5\nPer Holm (V) tjänstgör §§ 12-14\nLars Nyström (M) deltog ej på\närende 5-6\n\nÖvriga närvarande Ersättare                 Tjänstepersoner\nKarin Lund (C)                Maria Berg, ekonom §§ 62-68, 70-72\nEva Dahl, verksamhetscontroller\n§ 16\nBo Ström (KD) ersätter Jan Ek (KD) §§ 5-7\n\nPlats och tid för justering Digital justering`,
    ['Ola Ström only 1-5', 'Per Holm only 12-14', 'Lars Nyström notIn 5-6', 'Maria Berg only 62-68', 'Maria Berg only 70-72', 'Eva Dahl only 16'],
    ['Anna Ek only 1-5', 'Karin Lund only 62-68', 'Lars Nyström notIn 5-6 jäv']],
  ['"ersätter X §§" and "§§ … ersätter X" on one line and wrapped: the ersättare\'s; the replaced members stay absent with no §§',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande       Bo Ström (KD) ersätter Jan Ek (KD) §§ 5-7\nPer Holm (S)                  Eva Lund (S) §§ 8-10 ersätter Ola\nKarin Berg (M)                Nilsson (S)\n\nPlats och tid för justering Digital justering`,
    ['Bo Ström only 5-7', 'Eva Lund only 8-10'], ['Jan Ek only 5-7', 'Jan Ek notIn 5-7', 'Ola Nilsson only 8-10', 'Per Holm only 8-10', 'Karin Berg only 8-10']],
  ['the right column\'s title wrapped onto a line led by the left column\'s entry: its § is the right column\'s person\'s',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\n\nÖvriga närvarande Ersättare                 Tjänstepersoner\nMarcus Andersson (M)          Emelie Sandberg, biträdande\nIngela Hansson (S)            förvaltningschef, § 76\nEvelina Grönlund (C)\n\nPlats och tid för justering Digital justering`,
    ['Emelie Sandberg only 76'], ['Ingela Hansson only 76']],
  ['a clock time alone says no §', `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nOla Ström (S) kl. 9.00–10.15\n\nPlats och tid för justering Digital justering`, [], ['Ola Ström only 9.00-10.15', 'Ola Ström only 9']],
  ['a bracket in an attendance list: "(§ 1-3A)", as written', 'Penningpolitiskt protokoll\n\nNärvarande direktionen\n\nStefan Ek, riksbankschef\n\nÖvriga närvarande\n\nLena Berg (§ 1-3A)\n\n§ 1. Läget\n\nLena Berg inledde.',
    ['Lena Berg only 1-3A'], ['Stefan Ek only 1-3A']],
  ['in an item: "deltar inte i beslutet" is the item\'s own § (from its heading); explicit numbers win',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nKarin Lund (KD)\nPer Holm (S)\n\nPlats och tid för justering Digital justering\n\n${ITEM('2', 'Deltar inte i beslut\n\nKarin Lund (KD) deltar inte i beslutet.')}\n\n${ITEM('3', 'Per Holm (S) deltar inte i handläggningen av § 9.')}`,
    ['Karin Lund notIn 2', 'Per Holm notIn 9'], ['Per Holm notIn 3', 'Anna Ek notIn 2']],
  ['in an item: jäv, ärende numbers, two names sharing the verb, leaving and arriving',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nKarin Lund (KD)\nPer Holm (S)\nEva Berg (M)\nOla Ström (S)\nBo Lund (C)\n\nPlats och tid för justering Digital justering\n\n${ITEM('4', 'Karin Lund (KD) deltar ej i ärende 5-6 på grund av jäv. Per Holm (S) anmäler jäv i § 8 och lämnar lokalen.')}\n\n${ITEM('7', 'Eva Berg (M) och Ola Ström (S) deltar inte i handläggningen.\n\nBo Lund (C) anländer till sammanträdet kl. 9.30 under § 7.')}\n\n${ITEM('12', 'Eva Berg (M) lämnar sammanträdet efter § 12. Anna Ek (M) lämnar sammanträdet kl. 11.30 under § 12.')}`,
    ['Karin Lund notIn 5-6 jäv', 'Per Holm notIn 8 jäv', 'Eva Berg notIn 7', 'Ola Ström notIn 7', 'Bo Lund only 7-', 'Eva Berg only -12', 'Anna Ek only -12'],
    ['Karin Lund notIn 4', 'Per Holm notIn 4', 'Eva Berg notIn 7 jäv', 'Anna Ek notIn 7']],
  ['not partial: jäv asked for and not announced, a jäv announced without a §, a § named in a proposal, a kallelse',
    `${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nKarin Lund (KD)\n\nPlats och tid för justering Digital justering\n\n${ITEM('3', 'Anmälan av jäv\n\nOrdförande frågar nämnden om jäv. Karin Lund (KD) anmäler jäv. Anna Ek (M) yrkar bifall till förslaget i § 5.')}`,
    [], ['Karin Lund notIn 3 jäv', 'Anna Ek only 5', 'Anna Ek notIn 3']],
  ['attendance table: a remark column ("Lämnar sammanträdet efter § 116", "§§ 112–115"); "Tjänstgör inte" says no §',
    '# Protokoll Regionstyrelsen\n\n## Närvarande ledamöter\n\n| Namn | Parti | Roll | Anmärkning |\n| --- | --- | --- | --- |\n| Anna Ek | C | Ledamot | Lämnar sammanträdet efter § 116 |\n| Bo Lund | S | Ledamot | |\n| Eva Berg | S | Ersättare | §§ 112–115 |\n| Per Holm | C | Ersättare | Tjänstgör inte |',
    ['Anna Ek only -116', 'Eva Berg only 112-115'], ['Bo Lund only', 'Per Holm only']],
];

describe('partial attendance per § (sections)', () => {
  it.each(cases)('%s', (_, doc, ok, notOk) => {
    const found = labels(persons(doc));
    for (const l of ok) expect(found, l).toContain(l);
    for (const l of notOk) expect(found, l).not.toContain(l);
  });

  it('keeps attendance as it was: a person there for some §§ is present, and gives the statement its own evidence', () => {
    const ps = persons(cases[0]![1]);
    const eva = ps.find((p) => p.name === 'Eva Berg')!;
    expect(eva.attendance).toBe('present');
    expect(eva.sections).toEqual({ notIn: ['276'], reason: 'jäv' });
    expect(eva.sectionsEvidence?.[0]?.quote).toContain('deltar ej § 276');
    const withItem = persons(cases.find(([what]) => what.startsWith('in an item: "deltar inte i beslutet"'))![1]).find((p) => p.name === 'Karin Lund')!;
    expect(withItem.sectionsEvidence?.map((e) => [e.rule, e.section])).toEqual([['partial-attendance-item', '§ 2 Ärende nummer 2']]);
    expect(Person.parse(withItem)).toEqual(withItem);
  });

  it('says nothing of a meeting not yet held', () => {
    expect(labels(persons(`# Kallelse Nämnden\n\n${BLOCK_HEAD}\nAnna Ek (M), Ordförande\nBo Lund (S) §§ 258-278`))).toEqual([]);
  });

  const stated: [string, ReturnType<typeof statedSections>][] = [
    ['Tjänstgörande, ej § 88', { notIn: ['88'] }],
    ['Närvarande utom §§ 5-6', { notIn: ['5-6'] }],
    ['§§ 258-278', { only: ['258-278'] }],
    ['§§ 253- 256', { only: ['253-256'] }],
    ['(§ 1-3A)', { only: ['1-3A'] }],
    ['§§ 1-3, 5', { only: ['1-3', '5'] }],
    ['från § 5', { only: ['5-'] }],
    ['till och med § 12', { only: ['-12'] }],
    ['deltar ej § 276 pga. jäv', { notIn: ['276'], reason: 'jäv' }],
    ['deltar inte i handläggningen av § 49', { notIn: ['49'] }],
    ['§§ 1-5, deltar ej § 7 på grund av jäv', { only: ['1-5'], notIn: ['7'], reason: 'jäv' }],
    ['kl. 9.00–10.15', null],
    [', ärendehandläggare', null],
    ['Paragrafer §§ 1-14', null],
  ];
  it.each(stated)('after a name: %s', (text, want) => expect(statedSections(text)).toEqual(want));

  it('is shown in words beside the attendance', () => {
    expect(sectionsText({ only: ['258-278'] })).toBe('§§ 258–278');
    expect(sectionsText({ notIn: ['276'], reason: 'jäv' })).toBe('deltar ej § 276 (jäv)');
    expect(sectionsText({ only: ['1-3', '5'], notIn: ['4'] })).toBe('§§ 1–3, 5; deltar ej § 4');
    expect(sectionsText({ only: ['5-'] })).toBe('från § 5');
    expect(sectionsText({ only: ['1-3', '-12'] })).toBe('§§ 1–3, till och med § 12');
    expect(sectionsText(undefined)).toBe('');
  });

  it('an item statement needs its verb right after the name (and its apposition)', () => {
    expect(itemStatement(' (S), ledamot, deltar inte i beslutet', '4')).toEqual({ notIn: ['4'] });
    expect(itemStatement(' (S) deltar inte', '4')).toBeNull();
    expect(itemStatement(' (S) föreslår att nämnden inte deltar i beslutet', '4')).toBeNull();
    expect(itemStatement(' (S) deltar inte i beslutet', null)).toBeNull();
  });
});
