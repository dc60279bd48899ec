import { describe, expect, it } from 'vitest';
import { decisionBlocks, ITEM_SUBHEADING, TOC_LINE } from '../extract/protocol-items.ts';

describe('decision of a protocol item', () => {
  const cases: [string, string, string[]][] = [
    ['one paragraph under Beslut', 'Beslut\n\nNämnden noterar informationen till protokollet.\n\nSammanfattning av ärendet\n\nKarl informerar.', ['Nämnden noterar informationen till protokollet.']],
    ['a numbered list stays whole, wrapped lines joined', 'Beslut\n\nNämnden beslutar att\n\n1\\. godkänna rapporten,\n\n2\\. föreslå kommunfull-\nmäktige att anta planen.\n\nBeslutsunderlag\n\nTjänsteskrivelse', ['Nämnden beslutar att 1. godkänna rapporten, 2. föreslå kommunfullmäktige att anta planen.']],
    ['a subheading run into the paragraph before it', 'Beslut\nNämnden godkänner budgeten.\nSammanfattning av ärendet\nText.', ['Nämnden godkänner budgeten.']],
    ['the proposition in Beslutsgång is not the decision', 'Beslut\n\nNämnden antar planen.\n\nBeslutsgång\n\nOrdföranden ställer proposition på förslaget.', ['Nämnden antar planen.']],
    ['a subheading naming the organ', 'Beslut i kommunstyrelsens arbetsutskott\n\nArbetsutskottet godkänner\nupphandlingen.\n\nParagrafen justeras omedelbart.', ['Arbetsutskottet godkänner upphandlingen.', 'Paragrafen justeras omedelbart.']],
    ['no Beslut, no decision', 'Sammanfattning av ärendet\n\nNämnden informeras.', []],
    ['a proposal to decide later is not the decision', 'Förslag till beslut\n\nNämnden antar planen.', []],
  ];
  it.each(cases)('%s', (_, text, want) => expect(decisionBlocks(text)).toEqual(want));
});

describe('item subheadings and contents lines', () => {
  it.each(['Beslut – för fastställande i kommunfullmäktige', 'Beslut i kommunstyrelsens arbetsutskott', 'Beslut', 'Sammanfattning av ärendet', 'Beslutsunderlag', 'Beslutsgång', 'Beslutet skickas till', 'Yrkanden', 'Expedierat/bestyrkt', 'Kommunstyrelsens beslut', 'Nämnden för Kultur & Fritids beslut', 'Arbetsutskottets förslag till kommunstyrelsen', 'Förslag till beslut i kommunstyrelsen', 'Beslutet i sin helhet', 'Beslut (forts.)', 'Beslutsmotivering', 'Upplysningar', 'Beslutet kan överklagas'])('%s is a subheading', (h) => expect(ITEM_SUBHEADING.test(h)).toBe(true));
  it.each(['Beslut om arvode', 'Budget 2025', 'Nämnden beslutar', 'Uppföljning av nämndens beslut', 'Länsstyrelsens beslut', 'Nämnden noterar delegationens beslut.'])('%s is not', (h) => expect(ITEM_SUBHEADING.test(h)).toBe(false));
  it('knows a contents line by its dot leaders', () => {
    expect(TOC_LINE.test('Underlag till kommunbudget ..................... 8')).toBe(true);
    expect(TOC_LINE.test('Investeringsplan 2025-2029, med utblick till 2034..... 9')).toBe(true);
    expect(TOC_LINE.test('Nämnden godkänner planen 2025.')).toBe(false);
  });
});

describe('a decision lead-in with its points', async () => {
  const { decisionLists } = await import('../extract/protocol-items.ts');
  const isDecision = (t: string) => /beslutade|beslutar/.test(t);
  const cases: [string, string, string[], string][] = [
    ['bullets in a PDF column, a point wrapped onto a lower-case line', 'Direktionen beslutade\n\n• | om åtgärder enligt bilaga A,\n\n• | att offentliggöra beslutet\n\nmåndagen den 16 mars,\n\n• | att publicera protokollet kl. 9:30.\n\nDenna paragraf förklarades omedelbart justerad.',
      ['Direktionen beslutade • om åtgärder enligt bilaga A, • att offentliggöra beslutet måndagen den 16 mars, • att publicera protokollet kl. 9:30.'], 'Denna paragraf förklarades omedelbart justerad.'],
    ['numbered points after "beslutar att:"', 'Nämnden beslutar att:\n\n1. anta planen,\n\n2. avsluta uppdraget.', ['Nämnden beslutar att: 1. anta planen, 2. avsluta uppdraget.'], ''],
    ['a complete decision sentence keeps the list after it out', 'Nämnden beslutar att anta planen.\n\n- Planen gäller 2025.', [], 'Nämnden beslutar att anta planen.\n\n- Planen gäller 2025.'],
    ['a lead-in that decides nothing', 'Följande diskuterades\n\n- budgeten', [], 'Följande diskuterades\n\n- budgeten'],
  ];
  it.each(cases)('%s', (_, text, lists, rest) => expect(decisionLists(text, isDecision)).toEqual({ lists, rest }));
});

describe('items numbered by a bare number', async () => {
  const { contextOfBlocks } = await import('../extract/context.ts');
  const { textToBlocks } = await import('../ingest/text-blocks.ts');
  it('start sections with their title, and keep their subheadings inside', () => {
    const ctx = contextOfBlocks(textToBlocks('# Anteckningar Kommunrevisionen\n\n1\n\nMötets öppnande\n\nSammanfattning\n\nOrdföranden hälsar välkomna.\n\n2\nDiskussion om budgetutrymme\n\nÖverenskommelse\n\nKommunrevisionen diskuterar budgeten.\n\nAntal ärenden: 12\n\n3 500 kronor beviljas.'));
    expect(ctx.sections.map((s) => [s.number, s.heading])).toEqual([['1', '1 Mötets öppnande'], ['2', '2 Diskussion om budgetutrymme']]);
    expect(ctx.sections[1]!.text).toContain('Överenskommelse');
  });
});
