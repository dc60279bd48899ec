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
    ['stöd från Energikontoret Region Västerbotten och Socialförvaltningen Borås Stad', ['Energikontoret Region Västerbotten', 'Socialförvaltningen Borås Stad']],
    ['Kommunledningskontorets tjänsteskrivelse; Kommunrevisionen granskar', ['Kommunledningskontoret', 'Kommunrevisionen']],
    ['Stiftelsen Gamla Kungsbacka förvaltar', ['Stiftelsen Gamla Kungsbacka']],
    ['Må vägförening och Nordhallands Hembygdsförening', ['Må vägförening', 'Nordhallands Hembygdsförening']],
    ['Asta och Anders Brattströms stipendiefond delar ut', ['Asta och Anders Brattströms stipendiefond']],
    ['Avdelningen för penningpolitik redovisade', ['Avdelningen för penningpolitik']],
    ['samarbete med Eidskog kommune och Innlandet fylkeskommune', ['Eidskog kommune', 'Innlandet fylkeskommune']],
    ['Räddningstjänsten Storgöteborg yttrar sig', ['Räddningstjänsten Storgöteborg']],
    ['remiss till Gymnasium & Arbetsmarknad och Individ & Familjeomsorg', ['Gymnasium & Arbetsmarknad', 'Individ & Familjeomsorg']],
    ['enligt Individ & Familjeomsorgs tjänsteskrivelse', ['Individ & Familjeomsorg']],
    // Names in the genitive, whether they end in a lower-case head or a capitalised word; a place whose name ends in "s" keeps it.
    ['Nordhallands Hembygdsförenings och Onsala Segelsällskaps ansökningar; Eksta Bostads AB:s och Fjärås IF:s styrelser', ['Nordhallands Hembygdsförening', 'Onsala Segelsällskap', 'Eksta Bostads AB', 'Fjärås IF']],
    ['Hallands läns landstings yttrande, Göteborgs tingsrätts dom, Akademiska sjukhusets rapport och Kungsbacka församlings ansökan', ['Hallands läns landsting', 'Göteborgs tingsrätt', 'Akademiska sjukhuset', 'Kungsbacka församling']],
    ['Stiftelsen Tjolöholms styrelse, Förvaltningsrätten i Göteborgs dom, Brf Solgläntans ansökan och Högskolan i Borås utbildning', ['Stiftelsen Tjolöholm', 'Förvaltningsrätten i Göteborg', 'Brf Solgläntan', 'Högskolan i Borås']],
    ['Europeiska bankmyndighetens riktlinjer och Kommunala pensionärsrådets yttrande', ['Europeiska bankmyndigheten', 'Kommunala pensionärsrådet']],
    ['yttrande från nämnden för Vård & Omsorg', ['nämnden för Vård & Omsorg']],
    ['Nämnden för Förskola och Grundskola godkänner', ['Nämnden för Förskola och Grundskola']],
    ['protokoll från Nämnden för Tekniks arbetsutskott', ['Nämnden för Tekniks arbetsutskott']],
    ['Förvaltningen för Förskola & Grundskolas beslut', ['Förvaltningen för Förskola & Grundskola']],
    ['rapporterar från avdelningen för finansiell stabilitet och enheten för Säkerhet och Beredskap', ['avdelningen för finansiell stabilitet', 'enheten för Säkerhet och Beredskap']],
    ['gemensamma nämnden för hemsjukvård och hjälpmedels uppföljningsrapport', ['gemensamma nämnden för hemsjukvård och hjälpmedel']],
    ['överklagas till Förvaltningsrätten i Stockholm och mark- och miljödomstolen', ['Förvaltningsrätten i Stockholm', 'mark- och miljödomstolen']],
    // A court in lower case without its seat (the lexicon knows the capitalised one); with its seat, the seat is part of the name.
    ['överklagas till förvaltningsrätten; kammarrätten och hovrätten prövar; tingsrättens dom; förvaltningsrätten i Göteborg', ['förvaltningsrätten', 'kammarrätten', 'hovrätten', 'tingsrätten', 'förvaltningsrätten i Göteborg']],
    ['en studie från Uppsala universitet', ['Uppsala universitet']],
    ['rapporterar från Samordningsförbundet\nHalland. Strandstädningsföreningen Vrakats ansökan', ['Samordningsförbundet Halland', 'Strandstädningsföreningen Vrakat']],
    ['Beslutet skickas till\nPostNord Kungsbacka\nNordhallands Hembygdsförening', ['Nordhallands Hembygdsförening']],
    ['Bidrag från Statens kulturråd och Statens historiska museer till Landstinget i Värmland', ['Statens kulturråd', 'Statens historiska museer', 'Landstinget i Värmland']],
    ['Avtal med Kungsbacka Vatten Aktiebolag och Nordic Consulting Oy', ['Kungsbacka Vatten Aktiebolag', 'Nordic Consulting Oy']],
    ['skrivelse från Statsforvalteren i Innlandet', ['Statsforvalteren i Innlandet']],
    // Forms of Swedish public administration and civil society that the first documents did not show.
    ['Yttrande till Hallands läns landsting och Västra Götalands läns landsting', ['Hallands läns landsting', 'Västra Götalands läns landsting']],
    ['Remiss till Barn- och utbildningsnämnden och Miljö- och hälsoskyddsnämnden', ['Barn- och utbildningsnämnden', 'Miljö- och hälsoskyddsnämnden']],
    ['Beslutet kan överklagas till Göteborgs tingsrätt, Svea hovrätt, Hovrätten för Västra Sverige eller Högsta förvaltningsdomstolen', ['Göteborgs tingsrätt', 'Svea hovrätt', 'Hovrätten för Västra Sverige', 'Högsta förvaltningsdomstolen']],
    ['Samarbete med Chalmers tekniska högskola, Kungliga Tekniska högskolan, Sveriges lantbruksuniversitet och Linnéuniversitetet', ['Chalmers tekniska högskola', 'Kungliga Tekniska högskolan', 'Sveriges lantbruksuniversitet', 'Linnéuniversitetet']],
    ['Remiss från Hallands sjukhus och Sahlgrenska Universitetssjukhuset', ['Hallands sjukhus', 'Sahlgrenska Universitetssjukhuset']],
    ['Information från Europeiska bankmyndigheten och Nordiska investeringsbanken', ['Europeiska bankmyndigheten', 'Nordiska investeringsbanken']],
    ['Försäljning till Fastighets AB Kungsbackahem och Bostads AB Mimer', ['Fastighets AB Kungsbackahem', 'Bostads AB Mimer']],
    ['Dagab Inköp och logistik AB vann upphandlingen', ['Dagab Inköp och logistik AB']],
    ['Bidrag till Onsala Bygdegårdsförening ekonomisk förening, Onsala Segelsällskap och Fjärås Hembygdsgille', ['Onsala Bygdegårdsförening ekonomisk förening', 'Onsala Segelsällskap', 'Fjärås Hembygdsgille']],
    ['Föreningen Kungsbacka Hembygdsgille och Sparbanksstiftelsen Kronan söker bidrag', ['Föreningen Kungsbacka Hembygdsgille', 'Sparbanksstiftelsen Kronan']],
    ['Skrivelse från Naturskyddsföreningen i Kungsbacka', ['Naturskyddsföreningen i Kungsbacka']],
    ['Bygglov för Brf Solgläntan och HSB Brf Vallda; yttrande från Särö vägsamfällighet', ['Brf Solgläntan', 'HSB Brf Vallda', 'Särö vägsamfällighet']],
    ['Samråd med Trafikverket Region Väst, Polisregion Väst och Tolkförmedling Väst', ['Trafikverket Region Väst', 'Polisregion Väst', 'Tolkförmedling Väst']],
    ['Sveriges Allmännytta och Sveriges Dövas Riksförbund yttrar sig', ['Sveriges Allmännytta', 'Sveriges Dövas Riksförbund']],
    ['Kommunala pensionärsrådet sammanträder', ['Kommunala pensionärsrådet']],
    ['Samverkan med Lokalpolisområde Kungsbacka och Polisområde Hallands ledning', ['Lokalpolisområde Kungsbacka', 'Polisområde Halland']],
    ['Granskningen gjordes av kommunrevisionen och HR-avdelningen', ['kommunrevisionen', 'HR-avdelningen']],
    ['Avdelningen för marknader inledde och Avdelningen för penningpolitik föredrog läget', ['Avdelningen för marknader', 'Avdelningen för penningpolitik']],
    ['Förvaltningen för Tekniks Yttrande över motionen', ['Förvaltningen för Teknik']],
    ['Københavns Kommune, Region Hovedstaden och Direktoratet for forvaltning og økonomistyring', ['Københavns Kommune', 'Region Hovedstaden', 'Direktoratet for forvaltning og økonomistyring']],
    // Units of social services and health care: a pair with a unit's or a clinic's head, institutions capitalised mid-sentence, with their municipality.
    ['remiss till Barn- och ungdomsenheten och Barn- och ungdomspsykiatrin', ['Barn- och ungdomsenheten', 'Barn- och ungdomspsykiatrin']],
    ['samverkan med Ungdomsmottagningen, Familjecentralen, Socialjouren och Vuxenpsykiatrin', ['Ungdomsmottagningen', 'Familjecentralen', 'Socialjouren', 'Vuxenpsykiatrin']],
    ['ärendet gäller Socialtjänsten i Kungsbacka och eleverna inom Kulturskolan i Varberg', ['Socialtjänsten i Kungsbacka', 'Kulturskolan i Varberg']],
    // (not with a municipality's own name, nor with a word that is no place)
    ['eleverna inom Kulturskolan i Kungsbacka kommun; kontakt med Socialjouren i helgen', ['Kulturskolan', 'Socialjouren']],
    ['ansökan från Barnahus Halland och Barnahus Göteborgs rapport', ['Barnahus Halland', 'Barnahus Göteborg']],
    ['yttrande från Familjerätten och Anhörigcenter; Myndighetsenheten har utrett', ['Familjerätten', 'Anhörigcenter', 'Myndighetsenheten']],
    ['granskning av överförmyndare i samverkan och Överförmyndaren i Kungsbackas beslut', ['överförmyndare i samverkan', 'Överförmyndaren i Kungsbacka']],
    // A committee by the region or municipality it serves (not by a person's name); "Gemensam nämnd för A och B" and no further;
    // a list a name a line ends the name at the line.
    ['revidering av reglemente för Patientnämnden Halland och Överförmyndarnämnden i Varberg', ['Patientnämnden Halland', 'Överförmyndarnämnden i Varberg']],
    ['Kulturnämnden Anna Ek informerade', []],
    ['Gemensam nämnd för hemsjukvård och hjälpmedel reglemente. Nämnden har inga synpunkter', ['Gemensam nämnd för hemsjukvård och hjälpmedel']],
    ['Linda Johansson, Vårdförbundet\nMalvina Ravenklint, Vision', ['Vårdförbundet']],
    ['Nämnden för Vård & omsorgs förslag till beslut', ['Nämnden för Vård & omsorg']],
    ['Marie Persson, verksamhetschef Fritid & Mötesplatser, informerar', []],
    ['ansökan till nämnden för beslut och förvaltningen för att utreda', []],
  ];
  it.each(found)('%s', (text, want) => expect(organisationsByForm(text).map((h) => h.name)).toEqual(want));

  const none = [
    // Common nouns with a naming form's head, at a sentence start or after an adjective; places named by a compass point.
    'Vid en högskola i regionen finns utbildningen.', 'Ett nytt sällskap bildas.', 'Sveriges ekonomi växer och Sveriges BNP ökar.', 'Sjukhuset byggs ut och verksamheten på sjukhuset fortsätter.',
    'Detaljplan för Kungsbacka Norr antas.', 'Den europeiska gröna given gäller europeiska banker.', 'Varje regions hälso- och sjukvårdsnämnd ansvarar.', 'Enheten för tillfället är stängd.',
    'Nämnden beslutar att godkänna budgeten.', 'Anna Ek (M) yrkar bifall.', 'Mötet hölls i Stadshuset.', 'förvaltningen informerar nämnden', 'Statens budget och statens bidrag ökar.', 'Enligt PBL och KPIF ska VA-taxan öka.',
    // Heads of care units as common nouns: at a sentence start, in lower case, without an area; the guardian of a person, not an office.
    'Mottagningen är stängd i juli.', 'Jouren nås dygnet runt och centralen bemannas.', 'Barnahus finns i flera län.', 'Överförmyndaren i kommunen granskar.',
    'Psykiatrin har långa köer.', 'Hon fick tid på mottagningen.', 'Barnet har en överförmyndare i praktiken.', 'Måttenheten är meter och Tidsenheten timmar.', 'Rätten till bistånd prövas.'];
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
    expect(names('Individutskottet fastställer beslutet. Socialförvaltningen har berett ärendet.', 'Socialnämndens individutskott')).toEqual(['Socialnämndens individutskott', 'Socialförvaltningen']);
  });
  // The known names written in lower case are looked up only as the word itself or its genitive (speed work, issue 13).
  const lowerCase: [string, string[]][] = [
    ['Ärendet har remitterats till regeringen och länsstyrelsen.', ['Kommunstyrelsen', 'Regeringen', 'Länsstyrelsen']],
    ['Enligt regeringens beslut ska migrationsverket yttra sig.', ['Kommunstyrelsen', 'Regeringen', 'Migrationsverket']],
    ['polisens lägesbild redovisades', ['Kommunstyrelsen', 'Polismyndigheten']],
    ['Arbetsförmedlingens och arbetsförmedlingens statistik', ['Kommunstyrelsen', 'Arbetsförmedlingen']],
    // A compound that starts with the name is not the name.
    ['regeringsbeslutet och polisområdet diskuterades', ['Kommunstyrelsen']],
    ['en länsstyrelserapport och riksdagsledamöter', ['Kommunstyrelsen']],
  ];
  it.each(lowerCase)('reads the lower-case known names in %s', (text, want) => expect(names(text, 'Kommunstyrelsen')).toEqual(want));
  it('names another owner\'s organ with its owner, and an organ named short beside its name with its area once', () => {
    expect(names('Tjänsteskrivelse från Regionstyrelsen i Region Halland om Patientnämnden. Reglemente för Patientnämnden Halland.', 'Nämnden för Vård & Omsorg').sort())
      .toEqual(['Nämnden för Vård & Omsorg', 'Patientnämnden Halland', 'Region Halland', 'Regionstyrelsen i Region Halland']);
  });
  it('lists an organisation once under the name the text gives an acronym, not also under the acronym or its lexicon name', () => {
    expect(names('Myndigheten för samhällsskydd (MSB) ger stöd. Enligt MSB ska kommunen planera.', 'Kommunstyrelsen')).toEqual(['Kommunstyrelsen', 'Myndigheten för samhällsskydd']);
    expect(names('Kommunala funktionsrättsrådet (KFR) har yttrat sig. KFR vill se åtgärder.', 'Kommunstyrelsen')).toEqual(['Kommunstyrelsen', 'Kommunala funktionsrättsrådet']);
    expect(names('Inspektionen för vård och omsorg (IVO) inleder tillsyn. IVO begär svar.', 'Kommunstyrelsen')).toEqual(['Kommunstyrelsen', 'Inspektionen för vård och omsorg']);
    expect(names('Avtal med Kommunenes Sentralforbund (KS). KS har yttrat sig.', 'Nämnden för Teknik')).toEqual(['Nämnden för Teknik', 'Kommunenes Sentralforbund']);
  });
  it('reads a local council\'s acronym alone as the local council', () => {
    expect(names('Simon Wallengren, utvecklare BRÅ, informerar om Lokala BRÅ:s aktiviteter.', 'Nämnden för Kultur & Fritid')).toEqual(['Nämnden för Kultur & Fritid', 'Lokala BRÅ']);
    expect(names('Lokala BRÅ samverkar med Brottsförebyggande rådet. BRÅ publicerar statistik.', 'Nämnden för Kultur & Fritid')).toEqual(['Nämnden för Kultur & Fritid', 'Lokala BRÅ', 'Brottsförebyggande rådet']);
  });
  it('keeps the lexicon name of an acronym that the text writes in full too, and reads no party code as an acronym', () => {
    expect(names('Myndigheten för samhällsskydd och beredskap yttrar sig. Myndigheten för samhällsskydd (MSB) ger stöd.', 'Kommunstyrelsen'))
      .toEqual(['Kommunstyrelsen', 'Myndigheten för samhällsskydd och beredskap', 'Myndigheten för samhällsskydd']);
    expect(names('Yrkande från Kommunstyrelsens arbetsutskott (SD). SD yrkar avslag.', 'Nämnden för Teknik')).toEqual(['Nämnden för Teknik', 'Kommunstyrelsens arbetsutskott']);
  });
  it('lists a field alone ("Kultur & Fritid") once, as the nämnd or förvaltning the text names with it', () => {
    expect(names('Kultur & Fritid yttrar sig. Förvaltningen för Kultur & Fritid och nämnden för Individ & Familjeomsorg; Individ & Familjeomsorg svarar. Gymnasium & Arbetsmarknad deltar.', 'Kommunstyrelsen'))
      .toEqual(['Kommunstyrelsen', 'Förvaltningen för Kultur & Fritid', 'nämnden för Individ & Familjeomsorg', 'Gymnasium & Arbetsmarknad']);
  });
  it('leaves out the document\'s own organisation named short ("Kommunalförbundets lokaler" in the federation\'s notes), not another federation', () => {
    const ctx = contextOfBlocks([textBlock('paragraph', 'Plats: Kommunalförbundets lokaler. Räddningstjänstförbundet Östra Skaraborg och Samordningsförbundet Skaraborg deltar.', 1)]);
    const got = extractOrganisations({ ...ctx, meta: { ...ctx.meta, body: 'Beredningsgruppen', organisation: 'Skaraborgs Kommunalförbund' }, persons: [] }).map((o) => o.name);
    expect(got).not.toContain('Kommunalförbundet');
    expect(got).toEqual(expect.arrayContaining(['Samordningsförbundet Skaraborg']));
  });
  it("lists a county board once, in its long form, when the text also names it short", () => {
    expect(names('Länsstyrelsen Västra Götalands beslut överklagas. Länsstyrelsen i Västra Götalands län inledde tillsyn. Länsstyrelsen Skåne yttrar sig.', 'Kommunstyrelsen'))
      .toEqual(['Kommunstyrelsen', 'Länsstyrelsen i Västra Götalands län', 'Länsstyrelsen Skåne']);
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
    'Barn- och ungdomsenheten, överförmyndare i samverkan, Barnahus Halland och inom Socialjouren, Ungdomsmottagningen.',
    'Ingen organisation alls i den här meningen.',
  ];

  it('finds what the one alternation of all forms finds, in the same order', () => {
    for (const t of texts) expect([...formMatches(t)]).toEqual(viaAlternation(t));
  });

  it('finds something in each of these texts (the comparison is not between two empty lists)', () => {
    expect(texts.slice(0, -1).every((t) => viaAlternation(t).length > 0)).toBe(true);
  });
});

describe('the forms\' needs tested in one expression', () => {
  it('holds only needs whose flags the one expression keeps (none or u)', () => {
    expect(FORM_LIST.filter((f) => !/^u?$/.test(f.need.flags)).map((f) => f.group)).toEqual([]);
  });
  // Texts that pass the pre-check on a word like "kommunerna" but hold no form's need, and texts that hold one.
  const none = ['Flera kommunerna vittnar om svårigheter att rekrytera.', 'Samverkan mellan kommunerna fortsätter under hösten.', 'Rådet sammanträder igen i maj.'];
  const some: [string, string[]][] = [
    ['Samverkan mellan kommunerna och Eksta Bostads AB fortsätter.', ['Eksta Bostads AB']],
    ['Eidskog kommune och kommunerna i Värmland', ['Eidskog kommune']],
    ['Bygg- och miljöförvaltningen har yttrat sig om kommunernas planer.', ['Bygg- och miljöförvaltningen']],
  ];
  it.each(none)('finds none in %s', (text) => expect(organisationsByForm(text)).toEqual([]));
  it.each(some)('finds the form in %s', (text, want) => expect(organisationsByForm(text).map((h) => h.name)).toEqual(want));
});

describe('a recipient list over several blocks (a PDF gives each line a block)', async () => {
  const { recipientList } = await import('../extract/recipients.ts');
  it.each([
    [['Beslutet skickas till', ['Kommunstyrelsen', 'Förvaltningen för Service', 'Expedierat/bestyrkt', 'Kommunfullmäktige']], 'Kommunstyrelsen\nFörvaltningen för Service'],
    [['Beslutet skickas till', ['Kommunstyrelsen\nFörvaltningen för Service', 'Valnämnden']], 'Kommunstyrelsen\nFörvaltningen för Service'],
    [['Beslutet skickas till: Kommunstyrelsen', ['Förvaltningen för Service']], ' Kommunstyrelsen'],
    [['Beslutet skickas till', ['Kommunstyrelsen', 'Sammanfattning av ärendet', 'Valnämnden']], 'Kommunstyrelsen'],
    [['Beslutet skickas till', ['§ 12 Dnr KS-2024-00012']], null],
    [['Nämnden beslutar', ['Kommunstyrelsen']], null],
  ] as const)('%j', ([head, next], want) => expect(recipientList(head, [...next])).toBe(want));
});
