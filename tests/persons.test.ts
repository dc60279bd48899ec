import { describe, expect, it } from 'vitest';
import { findNames, parseNameList, splitDescriptor } from '../extract/person-names.ts';
import { sameName } from '../extract/person-resolution.ts';
import { extractDocument } from '../extract/index.ts';
import { cleanDocument } from '../ingest/clean.ts';
import { textToBlocks } from '../ingest/text-blocks.ts';

const names = (text: string, anyFirstName = false) => findNames(text, { anyFirstName }).map((h) => h.name);
const persons = (text: string, fileName = 'protokoll.txt') => extractDocument(cleanDocument({
  source: fileName, fileName, format: 'txt', sha256: '0'.repeat(64), bytes: 1, encoding: 'utf-8', pageCount: 1, metaTitle: null, blocks: textToBlocks(text),
}), { chunkWords: 250 }).extraction.persons;

describe('person names', () => {
  it('finds names with initials, particles and hyphens, and not capitalised places', () => {
    expect(names('Maria S Hallberg och Johanna Berglind de Backer träffade Åsa Hååkman-Eriksson på Gustaf Fröding Hotell i Region Värmland.'))
      .toEqual(['Maria S Hallberg', 'Johanna Berglind de Backer', 'Åsa Hååkman-Eriksson']);
    expect(names('Nya Perspektiv och Barnrättsdagarna i Karlstad, Stiftelsen Allmänna Barnhuset.')).toEqual([]);
  });

  it('splits names run together without a known first name between them', () => {
    // A particle's surname closes a name; four plain words are two names; three stay one.
    expect(names('Kerstin af Jochnick Cecilia Skingsley', true)).toEqual(['Kerstin af Jochnick', 'Cecilia Skingsley']);
    expect(names('13.00–14.00 Christina Hermansson Somayeh Jamshidi', true)).toEqual(['Christina Hermansson', 'Somayeh Jamshidi']);
    expect(names('Niclas Nilsson Sofie Axelsson', true)).toEqual(['Niclas Nilsson', 'Sofie Axelsson']);
    expect(names('Cindia Escalante Mattsson, gymnasiechef', true)).toEqual(['Cindia Escalante Mattsson']);
    expect(names('Coompanion Alexander Zuniga', true)).toEqual(['Alexander Zuniga']);
  });

  it('splits run-together name and organisation lists', () => {
    const list = parseNameList('Anna Tyrén, Coompanion Alexander Zuniga, Hela Sverige skall leva Monica Ekström, Brottsofferjouren Thomas Sundenhammar, RF-SISU', { anyFirstName: true });
    expect(list.map((p) => [p.name, p.descriptor])).toEqual([
      ['Anna Tyrén', 'Coompanion'], ['Alexander Zuniga', 'Hela Sverige skall leva'], ['Monica Ekström', 'Brottsofferjouren'], ['Thomas Sundenhammar', 'RF-SISU'],
    ]);
  });

  it('reads party codes and roles', () => {
    const list = parseNameList('Sofia Magnusson (S), ordförande Marie Persson (c) Fredrik Larsson (M)');
    expect(list.map((p) => [p.name, p.party, splitDescriptor(p.descriptor).role])).toEqual([
      ['Sofia Magnusson', 'S', 'ordförande'], ['Marie Persson', 'C', null], ['Fredrik Larsson', 'M', null],
    ]);
    expect(splitDescriptor('Kommunstyrelsens ordförande')).toEqual({ role: 'kommunstyrelsens ordförande', organisation: null });
    expect(splitDescriptor('Kommundirektör, Kristinehamns kommun')).toEqual({ role: 'kommundirektör', organisation: 'Kristinehamns kommun' });
    expect(splitDescriptor('ordf. Värmlandsrådet')).toEqual({ role: 'ordförande', organisation: 'Värmlandsrådet' });
  });

  it('resolves spellings of one person', () => {
    expect(sameName('Irén Lejgren', 'Irén Lejegren')).toBe(true);
    expect(sameName('Maria S Hallberg', 'Maria Svensson Hallberg')).toBe(true);
    expect(sameName('Johanna Berglind de Backer', 'Johanna Berglind De Backer')).toBe(true);
    expect(sameName('Andreas Svahn', 'Andreas Svan')).toBe(true);
    expect(sameName('Anna Berg', 'Anna Borg')).toBe(false);
    // A different first letter is another surname, not a slip.
    expect(sameName('Maria Öberg', 'Maria Berg')).toBe(false);
    expect(sameName('Maria Hallberg', 'Maria Svensson Hallberg')).toBe(true);
    expect(sameName('Eva Sund', 'Ewa Sund')).toBe(false);
    expect(sameName('Julia Ryding-Wikberg', 'Julia Ryding Wikberg')).toBe(true);
    // A first page typed without a name's accents; å, ä, ö are letters, not accents.
    expect(sameName('Ermin Skoric', 'Ermin Škorić')).toBe(true);
    expect(sameName('Anna Åberg', 'Anna Aberg')).toBe(false);
    expect(sameName('Karl-Erik Berg', 'Karl Erik Berg')).toBe(true);
    expect(sameName('Anna-Karin Berg', 'Anna Berg')).toBe(false);
  });
});

describe('attendance', () => {
  const protocol = [
    '## Protokoll Kulturnämnden 3 maj 2021', '', '### Närvarande', '',
    'Karin Lund (S)\tArvika kommun', '<del>Olof Dahl (M)</del>\t<del>Eda kommun</del>', 'Sten-Åke Berg (C)\tSäffle kommun', '',
    '### Anmält förhinder', '', 'Lena Ek (V), Grums kommun', '',
    '### 1. Budget', '', 'Karin Lund och Sten-Åke Berg, Arvika kommun', '',
    'Olof Dahl, Eda kommun, hade skickat frågor i förväg. Sten-Åke Berg berättar om budgeten. Lisa Holm nämndes.',
  ].join('\n');

  it('marks struck rows and "Anmält förhinder" absent, listed and presenting members present, mentions unknown', () => {
    const byName = Object.fromEntries(persons(protocol).map((p) => [p.name, p]));
    expect(byName['Karin Lund']).toMatchObject({ party: 'S', organisation: 'Arvika kommun', attendance: 'present' });
    expect(byName['Olof Dahl']).toMatchObject({ party: 'M', attendance: 'absent' });
    expect(byName['Lena Ek']).toMatchObject({ party: 'V', attendance: 'absent' });
    expect(byName['Sten-Åke Berg']).toMatchObject({ attendance: 'present' });
    expect(byName['Lisa Holm']).toMatchObject({ attendance: 'unknown' });
    expect(Object.keys(byName)).toHaveLength(5);
  });

  it('gives each person evidence: page, section and the sentence', () => {
    const olof = persons(protocol).find((p) => p.name === 'Olof Dahl')!;
    expect(olof.evidence).toMatchObject({ page: 1, section: 'Närvarande' });
    expect(olof.evidence!.quote).toContain('Olof Dahl (M)');
  });
});

describe('persons across the archive', () => {
  it('merges spellings across documents, counts attendance and keeps different people apart', async () => {
    const { resolveAcrossArchive } = await import('../extract/person-resolution.ts');
    const p = (name: string, attendance: 'present' | 'absent' | 'unknown', party: string | null = null) => ({ name, party, organisation: null, role: null, attendance });
    const people = resolveAcrossArchive([
      { docId: 'a', title: 'A', date: '2020-02-26', body: 'Rådet', persons: [p('Irén Lejgren', 'present', 'S'), p('Anna Berg', 'absent')] },
      { docId: 'b', title: 'B', date: '2023-04-19', body: 'Rådet', persons: [p('Irén Lejegren', 'present'), p('Anna Borg', 'present')] },
      { docId: 'c', title: 'C', date: '2021-01-01', body: 'Rådet', persons: [p('Irén Lejgren', 'absent')] },
    ]);
    const iren = people.find((x) => x.name.startsWith('Irén'))!;
    expect(iren).toMatchObject({ name: 'Irén Lejgren', aliases: ['Irén Lejegren'], parties: ['S'], present: 2, absent: 1, firstSeen: '2020-02-26', lastSeen: '2023-04-19' });
    expect(iren.meetings.map((m) => m.docId)).toEqual(['a', 'c', 'b']);
    expect(people.map((x) => x.name).sort()).toEqual(['Anna Berg', 'Anna Borg', 'Irén Lejgren']);
  });
});

describe('a labelled list that goes on one name a line', async () => {
  const { extractPersons } = await import('../extract/persons.ts');
  const { textBlock } = await import('../lib/blocks.ts');
  const { contextOfBlocks } = await import('../extract/context.ts');
  const blocks = ['DELTAGANDE: Stefan Ingves, ordförande', 'Kerstin af Jochnick, per telefon', 'Martin Flodén', 'Susanne Eberstein, fullmäktiges ordförande ---'].map((text) => textBlock('paragraph', text, 1));
  const heading = textBlock('heading', '§1. Sammanträdet öppnas', 1, 2);
  const after = textBlock('paragraph', 'Sammanträdet öppnades. En skrivelse från Anna Ek nämndes.', 1);
  it('takes the lines after "DELTAGANDE:" as present until the next heading', () => {
    const persons = extractPersons(contextOfBlocks([...blocks, heading, after]));
    expect(persons.map((p) => [p.name, p.attendance])).toEqual([['Stefan Ingves', 'present'], ['Kerstin af Jochnick', 'present'], ['Martin Flodén', 'present'], ['Susanne Eberstein', 'present'], ['Anna Ek', 'unknown']]);
  });
});
