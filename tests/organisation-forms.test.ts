import { describe, expect, it } from 'vitest';
import { FORM_LIST, formMatches, organisationsByForm } from '../extract/organisation-forms.ts';

describe('organisations by naming form', () => {
  const found: [string, string[]][] = [
    ['Avtal med Eksta Bostads AB och Tempohus Kungsbacka AB tecknas.', ['Eksta Bostads AB', 'Tempohus Kungsbacka AB']],
    ['Fanny Nilsson, Ernst & Young AB', ['Ernst & Young AB']],
    ['lån hos Kommuninvest i Sverige AB', ['Kommuninvest i Sverige AB']],
    ['Förvaltningen för Kultur & Fritids tjänsteskrivelse', ['Förvaltningen för Kultur & Fritid']],
    ['remiss från Klimat- och näringslivsdepartementet', ['Klimat- och näringslivsdepartementet']],
    ['Bygg- och miljöförvaltningen har yttrat sig', ['Bygg- och miljöförvaltningen']],
    ['Kommunstyrelsens förvaltning och Kommunledningskontoret', ['Kommunstyrelsens förvaltning', 'Kommunledningskontoret']],
    ['Valmyndigheten och Regeringskansliet', ['Valmyndigheten', 'Regeringskansliet']],
    ['Kommunledningskontorets tjänsteskrivelse; Kommunrevisionen granskar', ['Kommunledningskontoret', 'Kommunrevisionen']],
    ['Stiftelsen Gamla Kungsbacka förvaltar', ['Stiftelsen Gamla Kungsbacka']],
    ['Må vägförening och Nordhallands Hembygdsförening', ['Må vägförening', 'Nordhallands Hembygdsförening']],
    ['Asta och Anders Brattströms stipendiefond delar ut', ['Asta och Anders Brattströms stipendiefond']],
    ['Avdelningen för penningpolitik redovisade', ['Avdelningen för penningpolitik']],
    ['samarbete med Eidskog kommune och Innlandet fylkeskommune', ['Eidskog kommune', 'Innlandet fylkeskommune']],
    ['Räddningstjänsten Storgöteborg yttrar sig', ['Räddningstjänsten Storgöteborg']],
    ['remiss till Gymnasium & Arbetsmarknad och Individ & Familjeomsorg', ['Gymnasium & Arbetsmarknad', 'Individ & Familjeomsorg']],
    ['yttrande från nämnden för Vård & Omsorg', ['nämnden för Vård & Omsorg']],
    ['Nämnden för Förskola och Grundskola godkänner', ['Nämnden för Förskola och Grundskola']],
    ['protokoll från Nämnden för Tekniks arbetsutskott', ['Nämnden för Tekniks arbetsutskott']],
    ['Förvaltningen för Förskola & Grundskolas beslut', ['Förvaltningen för Förskola & Grundskola']],
    ['rapporterar från avdelningen för finansiell stabilitet och enheten för Säkerhet och Beredskap', ['avdelningen för finansiell stabilitet', 'enheten för Säkerhet och Beredskap']],
    ['gemensamma nämnden för hemsjukvård och hjälpmedels uppföljningsrapport', ['gemensamma nämnden för hemsjukvård och hjälpmedel']],
    ['överklagas till Förvaltningsrätten i Stockholm och mark- och miljödomstolen', ['Förvaltningsrätten i Stockholm', 'mark- och miljödomstolen']],
    ['en studie från Uppsala universitet', ['Uppsala universitet']],
    ['rapporterar från Samordningsförbundet\nHalland. Strandstädningsföreningen Vrakats ansökan', ['Samordningsförbundet Halland', 'Strandstädningsföreningen Vrakat']],
    ['Beslutet skickas till\nPostNord Kungsbacka\nNordhallands Hembygdsförening', ['Nordhallands Hembygdsförening']],
    ['Bidrag från Statens kulturråd och Statens historiska museer till Landstinget i Värmland', ['Statens kulturråd', 'Statens historiska museer', 'Landstinget i Värmland']],
    ['Avtal med Kungsbacka Vatten Aktiebolag och Nordic Consulting Oy', ['Kungsbacka Vatten Aktiebolag', 'Nordic Consulting Oy']],
    ['skrivelse från Statsforvalteren i Innlandet', ['Statsforvalteren i Innlandet']],
    ['Marie Persson, verksamhetschef Fritid & Mötesplatser, informerar', []],
    ['ansökan till nämnden för beslut och förvaltningen för att utreda', []],
  ];
  it.each(found)('%s', (text, want) => expect(organisationsByForm(text).map((h) => h.name)).toEqual(want));

  const none = ['Nämnden beslutar att godkänna budgeten.', 'Anna Ek (M) yrkar bifall.', 'Mötet hölls i Stadshuset.', 'förvaltningen informerar nämnden', 'Statens budget och statens bidrag ökar.', 'Enligt PBL och KPIF ska VA-taxan öka.'];
  it.each(none)('finds none in %s', (text) => expect(organisationsByForm(text)).toEqual([]));
});

describe('organisations of a document', async () => {
  const { textBlock } = await import('../lib/blocks.ts');
  const { extractOrganisations } = await import('../extract/organisations.ts');
  const { contextOfBlocks } = await import('../extract/context.ts');
  const names = (text: string, body: string) => {
    const ctx = contextOfBlocks([textBlock('paragraph', text, 1)]);
    return extractOrganisations({ ...ctx, meta: { ...ctx.meta, body, organisation: null }, persons: [] }).map((o) => o.name);
  };
  it('lists the own body once as the header names it, not its field alone or its other inflections', () => {
    expect(names('Kultur & Fritid informerar. Nämnden beslutar. Valnämnden tackar Gymnasium & Arbetsmarknad.', 'Nämnden för Kultur & Fritid')).toEqual(['Nämnden för Kultur & Fritid', 'Valnämnden', 'Gymnasium & Arbetsmarknad']);
    expect(names('Valnämnden sammanträder.', 'Valnämnd')).toEqual(['Valnämnd']);
  });
});

describe('naming forms matched one by one', () => {
  // The one alternation of all forms that the separate searches stand in for.
  const ALL = new RegExp(String.raw`(?<![\p{L}-])(?:${FORM_LIST.map((f) => f.source).join('|')})`, 'gu');
  const viaAlternation = (text: string) => [...text.matchAll(ALL)].map((m) => {
    const [group, value] = Object.entries(m.groups!).find(([, v]) => v !== undefined)!;
    return { group, value, index: m.index, length: m[0].length };
  });
  const texts = [
    'Nämnden för Kultur & Fritid och Bygg- och miljöförvaltningen, Kungsbacka IF och Eksta Bostads AB.',
    'Förvaltningen för Kultur & Fritids tjänsteskrivelse; Kommunledningskontoret och Valmyndigheten yttrar sig.',
    // Forms that overlap and start together: the earlier form takes the place, the later ones search on after it.
    'inom Kulturskolan och Stiftelsen Gamla Kungsbacka, Statens kulturråd, Förvaltningsrätten i Göteborg.',
    'Samordningsförbundet Halland och Må vägförening; Norrbottens Handelskammare, Kungsbacka församling.',
    'Asta och Anders Brattströms stipendiefond, Uppsala universitet, Högskolan i Halmstad, Eidskog kommune.',
    'gemensamma nämnden för hemsjukvård och hjälpmedel, avdelningen för finansiell stabilitet och enheten för marknader',
    'beredningsgruppen för miljö och samhällsbyggnad har träffats; till valkansliet, kommunstyrelsens förvaltning',
    'Gymnasium & Arbetsmarknad, IFK Göteborg, Ernst & Young AB',
    'Ingen organisation alls i den här meningen.',
  ];

  it('finds what the one alternation of all forms finds, in the same order', () => {
    for (const t of texts) expect([...formMatches(t)]).toEqual(viaAlternation(t));
  });

  it('finds something in each of these texts (the comparison is not between two empty lists)', () => {
    expect(texts.slice(0, -1).every((t) => viaAlternation(t).length > 0)).toBe(true);
  });
});
