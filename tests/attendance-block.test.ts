import { describe, expect, it } from 'vitest';
import { readAttendanceBlock } from '../extract/attendance-block.ts';
import type { Block } from '../lib/schema.ts';
import { textBlock } from '../lib/blocks.ts';

const para = (...texts: string[]): Block[] => texts.map((text) => textBlock('paragraph', text, 1));
const read = (blocks: Block[]) => Object.fromEntries(readAttendanceBlock(blocks).mentions.map((m) => [m.name, `${m.attendance} ${m.party ?? '-'} ${m.role}`]));

describe('protocol first-page block', () => {
  it('reads two flattened columns with a replacement wrapped onto the next line', () => {
    expect(read(para([
      'Beslutande    Ledamöter                     Tjänstgörande ersättare',
      'Annika Hedman (C), Ordförande Bo Barknertz (M) för Ulrika',
      'Maria Gathendahl (M), 1:e vice ordförande Jörgensen (M)',
      'Charlotte Wallenstein (M)     Karin Clarin (MP) för Jon',
      'Annika Hamberg (M)            Thorbjörnson (V)',
    ].join('\n')))).toEqual({
      'Annika Hedman': 'present C ledamot', 'Bo Barknertz': 'present M tjänstgörande ersättare', 'Ulrika Jörgensen': 'absent M ledamot',
      'Maria Gathendahl': 'present M ledamot', 'Charlotte Wallenstein': 'present M ledamot', 'Karin Clarin': 'present MP tjänstgörande ersättare',
      'Annika Hamberg': 'present M ledamot', 'Jon Thorbjörnson': 'absent V ledamot',
    });
  });

  const cases: [string, string[], Record<string, string>][] = [
    ['"ersätter" with the whole replaced name in the right column, hyphenated first name wrapped', [
      'Beslutande    Ledamöter                     Tjänstgörande ersättare',
      'Mia Sundvall (M)              Marie-Louise Alfvegren (M) ersätter',
      'Sofia Hansen (M)              Per Stenberg (M)',
      'Helen Thylin (S)              Sena Munteanu (S) ersätter Jan-',
      'Anna-Karin Granberg (SD)      Christer Jansson (V)',
    ], { 'Mia Sundvall': 'present M ledamot', 'Marie-Louise Alfvegren': 'present M tjänstgörande ersättare', 'Per Stenberg': 'absent M ledamot',
      'Sofia Hansen': 'present M ledamot', 'Helen Thylin': 'present S ledamot', 'Sena Munteanu': 'present S tjänstgörande ersättare',
      'Anna-Karin Granberg': 'present SD ledamot', 'Jan-Christer Jansson': 'absent V ledamot' }],
    ['a member replaced for some items and present for others is present', [
      'Beslutande    Ledamöter                     Tjänstgörande ersättare',
      'Emanuel Forsell (M), Ordförande Agnetha Törnberg (L) ersätter Elin',
      'Elin Hysén (L), 1:e vice ordförande §§ 18- Hysén (L) §§ 12-17',
    ], { 'Emanuel Forsell': 'present M ledamot', 'Agnetha Törnberg': 'present L tjänstgörande ersättare', 'Elin Hysén': 'present L ledamot' }],
    ['övriga närvarande: ersättare and tjänstepersoner with title and § range; labels are no persons', [
      'Beslutande    Ledamöter',
      'Jan Byvik (S), Ordförande',
      'Övriga närvarande Ersättare                 Tjänstepersoner',
      'Ulf Hellgesson (KB)           Sofia Jonsson, administrativ chef',
      'Personalföreträdare           Övriga',
      'Christina Nordberg, controller §§ 253-',
      'Anna -Karin Ljungman, planarkitekt',
    ], { 'Jan Byvik': 'present S ledamot', 'Ulf Hellgesson': 'present KB ersättare', 'Sofia Jonsson': 'present - tjänsteperson',
      'Christina Nordberg': 'present - tjänsteperson', 'Anna-Karin Ljungman': 'present - tjänsteperson' }],
    ['signature lines: the name is the cell after the label, "Paragrafer" is none', [
      'Beslutande    Ledamöter',
      'Monica Neptun (L), Ordförande',
      'Plats och tid för justering Digital justering',
      'Sekreterare   Simon Nissen                  Paragrafer §§ 1-7',
      'Protokolljusterare Per-Axel Landström (S)',
    ], { 'Monica Neptun': 'present L ledamot', 'Simon Nissen': 'present - sekreterare', 'Per-Axel Landström': 'present S justerare' }],
    ['OCR reads the signature labels as a column of their own: the names after them are at the meeting; a date or label line is no person', [
      'Beslutande Ledamöter Tjänstgörande ersättare',
      'Annika Hedman (C), Ordförande',
      'Övriga närvarande Ersättare Tjänstepersoner',
      'Plats och tid för justering',
      'Sekreterare', 'Ordförand:«', 'Protokolljusterare',
      'Alireza Sherzad (S)', 'Digitalt, 2026-04-27', 'Erik Norinder', 'Annika Hedman (C)',
      'Karl Persson, förvaltningschef', 'Vård & Omsorg', 'Paragrafer §§ 47-57',
    ], { 'Annika Hedman': 'present C ledamot', 'Alireza Sherzad': 'present S ersättare', 'Erik Norinder': 'present - null', 'Karl Persson': 'present - förvaltningschef' }],
    ['frånvarande are absent', ['Beslutande    Ledamöter', 'Per Holm (S)', 'Frånvarande', 'Eva Berg (S)'], { 'Per Holm': 'present S ledamot', 'Eva Berg': 'absent S ledamot' }],
    ['several justerare on one label, each with their party', ['Beslutande    Ledamöter', 'Per Holm (S)', 'Protokolljusterare Eva Berg (C) och Bo Lund (M)'],
      { 'Per Holm': 'present S ledamot', 'Eva Berg': 'present C justerare', 'Bo Lund': 'present M justerare' }],
    ['a member marked frånvarande is absent; frånvarande for one § is present', ['Beslutande    Ledamöter', 'Per Holm (S)', 'Eva Berg (C) frånvarande', 'Bo Lund (M) frånvarande § 5'],
      { 'Per Holm': 'present S ledamot', 'Eva Berg': 'absent C ledamot', 'Bo Lund': 'present M ledamot' }],
    ['members of a federation with their municipality; a replacement said after it, the name wrapped; the municipality of an ersättare is no person', [
      'Beslutande', 'Ulf Nyberg (S), Borås Stad, vice ordförande', 'Viktoria Lund (S), Svenljunga kommun, tjänstgörande ersättare för Henrik', 'Sjöstedt (M)',
      'Ersättare Hussein Al-Mansour (S), Borås Stad'],
      { 'Ulf Nyberg': 'present S ledamot', 'Viktoria Lund': 'present S tjänstgörande ersättare', 'Henrik Sjöstedt': 'absent M ledamot', 'Hussein Al-Mansour': 'present S ersättare' }],
    ['a Word cell\'s entries run together: the municipality before a name is no part of it', ['Beslutande\tUlf Nyberg (S), Borås Stad, vice ordförande Annelie Björk (SD), Borås Stad Tommy Fransson (C), Bollebygds kommun'],
      { 'Ulf Nyberg': 'present S ledamot', 'Annelie Björk': 'present SD ledamot', 'Tommy Fransson': 'present C ledamot' }],
    ['running lines with a name wrapped at the line\'s end', ['Beslutande: Marie Skoglund-Hedin (S), ordförande, Kristoffer Lövgren (M), vice ordförande, Yasmin\nOsman (S), Gun-Britt Ek (C)'],
      { 'Marie Skoglund-Hedin': 'present S ledamot', 'Kristoffer Lövgren': 'present M ledamot', 'Yasmin Osman': 'present S ledamot', 'Gun-Britt Ek': 'present C ledamot' }],
    ['"Övriga:" after the absentees: tjänstepersoner with title and §§', ['Beslutande', 'Per Holm (S), ordförande', 'Frånvarande: Eva Berg (L), anmält förhinder',
      'Övriga: Henrik Falk, förvaltningschef; Jonas Eklund, gatuchef §§ 51–52'],
      { 'Per Holm': 'present S ledamot', 'Eva Berg': 'absent L ledamot', 'Henrik Falk': 'present - tjänsteperson', 'Jonas Eklund': 'present - tjänsteperson' }],
    ['"tjänstgör för" at the line\'s end: the replaced member stands after the left column\'s entry on the next line', [
      'Beslutande    Ledamöter                     Tjänstgörande ersättare', 'Hravn Forsne (M), ordförande  Marcus Andersson (M) tjänstgör för',
      'Monica Neptun (L), 1:e vice ordförande Annika Carlsson (M)', 'Barbro Hjelström (M)'],
      { 'Hravn Forsne': 'present M ledamot', 'Marcus Andersson': 'present M tjänstgörande ersättare', 'Annika Carlsson': 'absent M ledamot', 'Monica Neptun': 'present L ledamot', 'Barbro Hjelström': 'present M ledamot' }],
    ['a list without parties with a first name wrapped at the line\'s end', ['Beslutande', 'Per Holm (S)', 'Övriga närvarande', 'Personalföreträdare',
      'Linda Johansson, vårdförbundet, Henrik\nHansson, kommunal, Nathaniel Lindén'],
      { 'Per Holm': 'present S ledamot', 'Linda Johansson': 'present - tjänsteperson', 'Henrik Hansson': 'present - tjänsteperson', 'Nathaniel Lindén': 'present - tjänsteperson' }],
  ];
  it.each(cases)('%s', (_, lines, want) => expect(read(para(lines.join('\n')))).toEqual(want));

  it('leaves a structured list (Beslutande as a heading) to the list rules', () => {
    expect(read([textBlock('heading', 'Beslutande', 1, 2), ...para('Claes Pettersson (S) ordförande')])).toEqual({});
  });
  it('finds nothing in a document without the block', () => {
    expect(read(para('Minnesanteckningar', 'Närvarande: Anna Ek'))).toEqual({});
  });
});
