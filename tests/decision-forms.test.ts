/**
 * Decision forms of Swedish municipal, regional and state protocols and meeting notes, one row a
 * form: the Markdown document (read by the real text reader and context), the fragments that must
 * each stand in a decision of their own, and the fragments no decision may hold. The forms are
 * written from the genre (Kommunallagen's protocols, Riksbank-style direktion protocols, notes of
 * working groups), not copied from the documents the rules were developed on.
 */
import { describe, expect, it } from 'vitest';
import { textToBlocks } from '../ingest/text-blocks.ts';
import { contextOfBlocks } from '../extract/context.ts';
import { extractDecisions } from '../extract/decisions.ts';

const decisionsOf = (markdown: string) => {
  const ctx = contextOfBlocks(textToBlocks(markdown));
  return extractDecisions({ ...ctx, persons: [] }).decisions.map((d) => d.text);
};

const P = '# Protokoll Kommunstyrelsen\n\n';
const N = '# Minnesanteckningar Referensgruppen\n\n';

/** [form, document, fragments each in a decision of its own, fragments in none]. */
type Form = [string, string, string[], string[]];

const headings: Form[] = [
  ['"Beslut"', `${P}§ 5 Dnr KS 2025/10\nBudget 2026\n\nBeslut\n\nKommunstyrelsen godkänner budgeten.\n\nSammanfattning av ärendet\n\nBudgeten är beredd.`, ['Kommunstyrelsen godkänner budgeten.'], ['Budgeten är beredd']],
  ['"Kommunstyrelsens beslut"', `${P}§ 5 Dnr KS 2025/10\nBudget 2026\n\nKommunstyrelsens förslag\n\nFörvaltningen föreslår att budgeten godkänns.\n\nKommunstyrelsens beslut\n\nKommunstyrelsen godkänner budgeten med ändringen i bilaga 2.\n\nBeslutsunderlag\n\nTjänsteskrivelse 2025-01-10`,
    ['godkänner budgeten med ändringen i bilaga 2'], ['Förvaltningen föreslår', 'Tjänsteskrivelse']],
  ['"Nämndens beslut"', `${P}§ 12\nTaxa 2026\n\nNämndens beslut\n\nNämnden fastställer taxan för 2026.\n\nÄrendet\n\nTaxan räknas upp.`, ['Nämnden fastställer taxan för 2026.'], ['Taxan räknas upp']],
  ['"Arbetsutskottets beslut"', `${P}§ 3\nRemiss\n\nArbetsutskottets beslut\n\nArbetsutskottet överlämnar remissen till nämnden för Teknik.`, ['överlämnar remissen till nämnden för Teknik'], []],
  ['"Nämnden för Kultur & Fritids beslut"', `${P}§ 7\nLokaler\n\nNämnden för Kultur & Fritids beslut\n\nNämnden hyr lokalen på Storgatan.`, ['Nämnden hyr lokalen på Storgatan.'], []],
  ['"Utskottets förslag till kommunstyrelsen" (the utskott decides what it proposes)', `${P}§ 9 Dnr KS 2025/33\nMotion om cykelvägar\n\nUtskottets förslag till kommunstyrelsen\n\nKommunstyrelsen föreslår kommunfullmäktige besluta att anse motionen besvarad.\n\nBakgrund\n\nMotionen lämnades in 2024.`,
    ['föreslår kommunfullmäktige besluta att anse motionen besvarad'], ['Motionen lämnades in']],
  ['"Förslag till beslut i kommunstyrelsen" in an arbetsutskott\'s protocol', '# Protokoll Kommunstyrelsens arbetsutskott\n\n§ 14\nRiktlinjer\n\nFörslag till beslut i kommunstyrelsen\n\nKommunstyrelsen antar riktlinjerna för representation.\n\nSammanfattning av ärendet\n\nRiktlinjerna är reviderade.',
    ['Kommunstyrelsen antar riktlinjerna för representation.'], ['reviderade']],
  ['a plain "Beslut" wins over a proposal heading', `${P}§ 9\nMotion\n\nArbetsutskottets förslag till kommunstyrelsen\n\nMotionen avslås.\n\nBeslut\n\nKommunstyrelsen bifaller motionen.`, ['Kommunstyrelsen bifaller motionen.'], ['Motionen avslås']],
  ['"Beslut:" inline after the § title', `${P}§ 4 Delårsrapport\n\nBeslut: Kommunstyrelsen godkänner delårsrapporten.\n\nBakgrund: Rapporten visar ett överskott. Kommunfullmäktige beslutade 2019 att rapporten ska lämnas.`,
    ['Kommunstyrelsen godkänner delårsrapporten.'], ['överskott', 'beslutade 2019']],
  ['"Beslut:" inline, its sentence wrapped onto the next line (a PDF\'s lines keep their breaks)', `${P}§ 6 Kompetensförsörjning\n\nBeslut: Kommunstyrelsen föreslår kommunfullmäktige besluta att anta\nkompetensförsörjningsplanen.\n\nÄrendet ska behandlas av kommunfullmäktige i december.`,
    ['föreslår kommunfullmäktige besluta att anta kompetensförsörjningsplanen'], ['december']],
  ['"Beslut:" inline in an item with subheadings runs to the next subheading', `${P}§ 4 Delårsrapport\n\nBeslut: Kommunstyrelsen godkänner delårsrapporten.\n\nKommunstyrelsen uppdrar åt nämnderna att redovisa åtgärder i oktober.\n\nSammanfattning av ärendet\n\nRapporten visar ett underskott.`,
    ['uppdrar åt nämnderna att redovisa åtgärder i oktober'], ['underskott']],
  ['"Beslutet i sin helhet"', `${P}§ 8\nBygglov\n\nBeslutet i sin helhet\n\nNämnden beviljar bygglov för tillbyggnad av enbostadshus.\n\nBeslutsgång\n\nOrdföranden ställer proposition på förslaget.`, ['Nämnden beviljar bygglov för tillbyggnad'], ['proposition']],
  ['"Beslut (forts.)" after a page break', `${P}§ 8\nBudget\n\nBeslut\n\nNämnden beslutar att\n\n1. anta budgeten,\n\nJusterandes sign\n\nUtdragsbestyrkande\n\nSida 4 av 9\n\nBeslut (forts.)\n\n2. uppdra åt förvaltningen att följa upp budgeten.`,
    ['uppdra åt förvaltningen att följa upp budgeten'], ['Justerandes', 'Utdragsbestyrkande', 'Sida 4']],
];

const sentencesAndLists: Form[] = [
  ['"Direktionen beslutar" and its bullets (Riksbank style)', '# Penningpolitiskt protokoll\n\n## § 3. Penningpolitiskt beslut\n\nDirektionen beslutar\n\n• att sänka reporäntan till 2 procent,\n\n• att publicera protokollet den 2 april.', ['att publicera protokollet den 2 april'], []],
  ['"Styrelsen beslutade att"', '# Protokoll Styrelsen\n\n## 4. Ny stadga\n\nStyrelsen beslutade att anta den nya stadgan.', ['Styrelsen beslutade att anta den nya stadgan.'], []],
  ['"Mötet beslutade"', `${N}## 2. Nästa möte\n\nMötet beslutade att nästa möte hålls i Karlstad.`, ['Mötet beslutade att nästa möte hålls i Karlstad.'], []],
  ['"Beslutades att" / "Beslöts att" (older protocols)', '# Protokoll Föreningen\n\n## 5. Avgift\n\nBeslutades att årsavgiften blir 200 kronor.\n\n## 6. Revisor\n\nBeslöts att välja Anna Ek till revisor.', ['Beslutades att årsavgiften blir 200 kronor.', 'Beslöts att välja Anna Ek till revisor.'], []],
  ['"beslutar enligt förslaget"', `${P}## § 6 Taxa\n\nKommunstyrelsen beslutar enligt förslaget.`, ['Kommunstyrelsen beslutar enligt förslaget.'], []],
  ['"a) … b) …" points under Beslut', `${P}§ 2\nPlan\n\nBeslut\n\nNämnden beslutar\n\na) att anta planen,\n\nb) att uppdra åt förvaltningen att redovisa arbetet i december.\n\nBeslutsunderlag\n\nPlanen`, ['b) att uppdra åt förvaltningen att redovisa arbetet i december'], []],
  ['"– …" dashes under Beslut', `${P}§ 2\nPlan\n\nBeslut\n\nNämnden beslutar att\n\n– anta planen,\n\n– avsluta uppdraget om lokalförsörjning.`, ['– avsluta uppdraget om lokalförsörjning'], []],
  ['a lead-in with "−" points outside any Beslut', '# Protokoll Rådet\n\n## 3. Val\n\nRådet beslutade\n\n− att välja Anna Ek till ordförande\n\n− att välja Bo Lund till sekreterare', ['att välja Bo Lund till sekreterare'], []],
  ['a number with a minus sign on its own line is no point', '# Penningpolitiskt protokoll\n\n## § 3. Räntan\n\nDirektionen beslutade att behålla reporäntan på\n−0,50 procent.', ['att behålla reporäntan på −0,50 procent'], []],
  ['a Beslut run on over a page break, the signature box and e-signature stamp between', `${P}§ 11\nAvtal\n\nBeslut\n\nKommunstyrelsen godkänner avtalet och uppdrar åt\n\nDet här dokumentet är digitalt signerat\n\nTransaktionsidentitet: 0A1B2C3D\n\nkommundirektören att underteckna det.`,
    ['uppdrar åt kommundirektören att underteckna det'], ['Transaktionsidentitet', 'digitalt signerat']],
  ['an item heading repeated on the next page continues the item', `${P}§ 11 Dnr KS 2025/7\nAvtal\n\nBeslut\n\nKommunstyrelsen godkänner avtalet\n\n§ 11 Dnr KS 2025/7\nAvtal\n\noch uppdrar åt kommundirektören att underteckna det.\n\nBeslutsunderlag\n\nAvtalet`,
    ['godkänner avtalet och uppdrar åt kommundirektören att underteckna det'], []],
];

/** Verbs of the decision, active with the organ as subject and passive, in items that state no "Beslut". */
const verbs: Form[] = [
  ['lägger informationen till handlingarna', '## 4. Information\n\nNämnden lägger informationen till handlingarna.', ['Nämnden lägger informationen till handlingarna.'], []],
  ['tar del av rapporten', '## 4. Rapport\n\nStyrelsen tar del av rapporten.', ['Styrelsen tar del av rapporten.'], []],
  ['godkänner redovisningen', '## 4. Redovisning\n\nNämnden godkänner redovisningen.', ['Nämnden godkänner redovisningen.'], []],
  ['antar / fastställer', '## 4. Plan\n\nRegionstyrelsen antar planen. Regionstyrelsen fastställer tidplanen.', ['Regionstyrelsen antar planen.', 'Regionstyrelsen fastställer tidplanen.'], []],
  ['återremitterar / återremitteras', '## 4. Detaljplan\n\nNämnden återremitterar ärendet till förvaltningen.\n\n## 5. Taxa\n\nÄrendet återremitteras.', ['Nämnden återremitterar ärendet till förvaltningen.', 'Ärendet återremitteras.'], []],
  ['bordlägger / bordläggs', '## 4. Lokaler\n\nKommunstyrelsen bordlägger ärendet.\n\n## 5. Avgift\n\nÄrendet bordläggs till nästa sammanträde.', ['Kommunstyrelsen bordlägger ärendet.', 'Ärendet bordläggs till nästa sammanträde.'], []],
  ['avslår motionen / anser motionen besvarad', '## 4. Motion om skolor\n\nKommunfullmäktige avslår motionen.\n\n## 5. Motion om vägar\n\nKommunfullmäktige anser motionen besvarad.', ['Kommunfullmäktige avslår motionen.', 'Kommunfullmäktige anser motionen besvarad.'], []],
  ['förklarar interpellationen besvarad', '## 4. Interpellation\n\nKommunfullmäktige förklarar interpellationen besvarad.', ['Kommunfullmäktige förklarar interpellationen besvarad.'], []],
  ['uppdrar åt / ger i uppdrag', '## 4. Uppdrag\n\nNämnden uppdrar åt förvaltningen att utreda frågan. Nämnden ger förvaltningschefen i uppdrag att redovisa kostnaderna.', ['Nämnden uppdrar åt förvaltningen att utreda frågan.', 'Nämnden ger förvaltningschefen i uppdrag att redovisa kostnaderna.'], []],
  ['delegerar / överlämnar', '## 4. Delegation\n\nNämnden delegerar till ordföranden att besluta om yttranden. Nämnden överlämnar ärendet till kommunstyrelsen.', ['Nämnden delegerar till ordföranden', 'Nämnden överlämnar ärendet till kommunstyrelsen.'], []],
  ['ställer sig bakom / tillstyrker / avstyrker', '## 4. Remiss\n\nStyrelsen ställer sig bakom yttrandet. Nämnden tillstyrker ansökan. Nämnden avstyrker förslaget om nedläggning.', ['Styrelsen ställer sig bakom yttrandet.', 'Nämnden tillstyrker ansökan.', 'Nämnden avstyrker förslaget om nedläggning.'], []],
  ['beviljar ansvarsfrihet', '## 4. Ansvarsfrihet\n\nStämman beviljar styrelsen ansvarsfrihet för 2025.', ['Stämman beviljar styrelsen ansvarsfrihet för 2025.'], []],
  ['väljer X till justerare / utser / entledigar', '## 1. Justerare\n\nNämnden väljer Anna Ek (S) till justerare.\n\n## 2. Ombud\n\nKommunstyrelsen utser Bo Lund till ombud.\n\n## 3. Entledigande\n\nKommunfullmäktige entledigar Eva Berg från uppdraget.',
    ['Nämnden väljer Anna Ek (S) till justerare.', 'Kommunstyrelsen utser Bo Lund till ombud.', 'Kommunfullmäktige entledigar Eva Berg från uppdraget.'], []],
  ['föreslår kommunfullmäktige besluta att', `${P}## § 7 Plan\n\nKommunstyrelsen föreslår kommunfullmäktige besluta att anta planen.`, ['Kommunstyrelsen föreslår kommunfullmäktige besluta att anta planen.'], []],
  ['förklarar paragrafen omedelbart justerad', `${P}## § 7 Plan\n\nKommunstyrelsen förklarar paragrafen omedelbart justerad.`, ['Kommunstyrelsen förklarar paragrafen omedelbart justerad.'], []],
];

const notes: Form[] = [
  ['"Beslut: …" in meeting notes, the notes after it left out', `${N}## Uppstart\n\nBeslut: Gruppen ställer sig bakom tidplanen.\n\nNästa möte hålls i maj och då presenteras materialet.`, ['Gruppen ställer sig bakom tidplanen.'], ['Nästa möte hålls']],
  ['"Gruppen beslutade att …"', `${N}## 3. Arbetssätt\n\nGruppen beslutade att arbeta vidare med två spår.`, ['Gruppen beslutade att arbeta vidare med två spår.'], []],
  ['"Överenskommelse:" inline', `${N}## 4. Ordlista\n\nÖverenskommelse: En ordlista läggs till i specifikationen.`, ['En ordlista läggs till i specifikationen.'], []],
  ['"Överenskoms att …" and "kom överens om att …"', `${N}## Kontaktperson\n\nGruppen diskuterade frågan. Överenskoms att Lena Ek är kontaktperson under 2025.\n\n## Utbildning\n\nDeltagarna kom överens om att ta fram ett gemensamt upplägg.`,
    ['Överenskoms att Lena Ek är kontaktperson under 2025.', 'kom överens om att ta fram ett gemensamt upplägg'], ['diskuterade']],
  ['"Informationen noterades." in notes; "Det noterades att …" is no decision', `${N}## Samordningsförbundet\n\nPer Holm informerade om budgeten. Informationen noterades.\n\n## Övrigt\n\nDet noterades att lokalen är bokad.`, ['Informationen noterades.'], ['lokalen är bokad']],
  ['an inline "Beslut:" and an "Överenskoms att" in one item of notes; reported support is none', `${N}## Kompetensutveckling\n\nPer Holm redovisade förslaget. Eva Berg hade i förväg meddelat att kommunen ställer sig bakom förslaget.\n\nÖverenskoms att förslaget lämnas till presidiet för beslut om finansiering.\n\nBeslut: Per Holm tar fram ett avtalsförslag till nästa möte.`,
    ['Överenskoms att förslaget lämnas till presidiet', 'Per Holm tar fram ett avtalsförslag till nästa möte.'], ['meddelat', 'redovisade']],
  ['the first page\'s "Utses att justera" label row is no decision', `${P}| Utses att justera | Mirja Kauppinen (S) |\n| Justerade paragrafer | §§ 30–36 |\n\n§ 30\nVal av justerare\n\nBeslut\n\nDirektionen utser Mirja Kauppinen (S) att justera protokollet.`,
    ['Direktionen utser Mirja Kauppinen (S) att justera protokollet.'], ['Utses att justera']],
  ['a wish is no decision', `${N}## Handlingsplan\n\nLänsstyrelsen önskar att kommunerna utser en gemensam kontaktperson. Regionen vill att nämnden antar planen.`, [], ['önskar', 'vill att']],
  ['an "Överenskommelse" that only records a discussion', `${N}2\nBudget\n\nÖverenskommelse\n\nReferensgruppen diskuterar budgeten för nästa år.`, [], ['diskuterar budgeten']],
];

const immediate: Form[] = [
  ['immediate justering inside the decision paragraph: a decision of its own', `${P}§ 3\nUpphandling\n\nBeslut\n\nKommunstyrelsen godkänner upphandlingen. Paragrafen justeras omedelbart.\n\nBeslutsgång\n\nOrdföranden ställer proposition.`,
    ['Kommunstyrelsen godkänner upphandlingen.', 'Paragrafen justeras omedelbart.'], []],
  ['immediate justering after Beslutsgång, not the yrkande for it', `${P}§ 3\nUpphandling\n\nBeslut\n\nKommunstyrelsen godkänner upphandlingen.\n\nYrkanden\n\nAnna Ek (M) yrkar att paragrafen justeras omedelbart.\n\nBeslutsgång\n\nOrdföranden finner att kommunstyrelsen bifaller yrkandet.\n\nParagrafen förklaras omedelbart justerad.`,
    ['Kommunstyrelsen godkänner upphandlingen.', 'Paragrafen förklaras omedelbart justerad.'], ['yrkar att paragrafen']],
];

/** What is no decision of this meeting. */
const notDecisions: Form[] = [
  ['a kallelse\'s "Förslag till beslut"', '# Kallelse Byggnadsnämnden\n\n## 3. Detaljplan\n\nFörslag till beslut\n\nByggnadsnämnden godkänner planen.', [], ['godkänner planen']],
  ['"Förslag till beslut" in a protocol item without a Beslut', `${P}§ 3\nDetaljplan\n\nFörslag till beslut\n\nKommunstyrelsen godkänner planen.\n\nBeslutsgång\n\nÄrendet diskuteras.`, [], ['godkänner planen']],
  ['"Ordföranden ställer proposition" and "frågar om"', `${P}## § 4 Budget\n\nOrdföranden ställer proposition på förslaget och finner att nämnden bifaller det. Ordföranden frågar om nämnden beslutar enligt förslaget.`, [], ['proposition', 'frågar om']],
  ['yrkanden', `${P}## § 4 Motion\n\nAnna Ek (S) yrkar att nämnden beslutar att avslå motionen. Bo Lund (M) yrkade att kommunstyrelsen godkänner förslaget.`, [], ['yrkar', 'yrkade']],
  ['an earlier decision told in Ärendet/Bakgrund of an item without a Beslut', `${P}§ 4\nÖversiktsplan\n\nÄrendet\n\nKommunfullmäktige beslutade 2019 att anta översiktsplanen. Kommunstyrelsen godkänner ramarna varje år.\n\nBeslutsunderlag\n\nKommunstyrelsens beslut 2023-05-12 § 45`, [], ['beslutade 2019', 'godkänner ramarna', '§ 45']],
  ['an earlier decision dated in running text', `${P}## § 4 Översiktsplan\n\nKommunfullmäktige beslutade 2019 att anta översiktsplanen. I december 2020 beslutade kommunstyrelsen att revidera den. Nämnden godkände i juni tidplanen. Direktionen bordlade utkastet vid direktionsmötet den 13 mars.`,
    [], ['beslutade 2019', 'I december 2020', 'godkände i juni', 'bordlade']],
  ['reported speech of a decision', `${P}## § 4 Fastigheter\n\nFastighetschefen informerade om att styrelsen beslutade att sälja fastigheten. Anna Ek berättade att nämnden godkänner avtalet.`, [], ['informerade', 'berättade']],
  ['a proposal by the administration in notes', `${N}## Budget\n\nFörvaltningen föreslår att nämnden godkänner budgeten.`, [], ['Förvaltningen föreslår']],
  ['a condition and an assumption', `${P}## § 4 Planer\n\nOm nämnden godkänner förslaget startar arbetet i maj. Vi antar att kostnaderna ökar.`, [], ['Om nämnden', 'Vi antar']],
  ['the Beslutsunderlag list under a Beslut', `${P}§ 4\nPlan\n\nBeslut\n\nNämnden antar planen.\n\nBeslutsunderlag\n\nTjänsteskrivelse 2025-02-01\n\nKommunstyrelsens beslut 2024-11-12 § 200`, ['Nämnden antar planen.'], ['Tjänsteskrivelse', '§ 200']],
  ['a title naming an organ\'s decision is no decision heading', `${P}§ 4\nUppföljning av nämndens beslut\n\nSammanfattning av ärendet\n\nNämnden antog 2023 en plan. Uppföljningen visar att planen följs.`, [], ['antog 2023', 'Uppföljningen visar']],
  ['the county board\'s decision cited in Ärendet', `${P}§ 4\nÖverklagande\n\nBeslut\n\nNämnden noterar informationen till protokollet.\n\nÄrendet\n\nLänsstyrelsens beslut\n\nLänsstyrelsen avslår överklagandet.`, ['Nämnden noterar informationen till protokollet.'], ['Länsstyrelsen avslår']],
];

describe.each([
  ['decision headings', headings], ['decision sentences, lists and page breaks', sentencesAndLists], ['decision verbs', verbs],
  ['meeting notes', notes], ['immediate justering', immediate], ['what is no decision', notDecisions],
] as const)('%s', (_, forms) => {
  it.each(forms)('%s', (_form, markdown, ok, notOk) => {
    const found = decisionsOf(markdown);
    // Each wanted fragment in a decision of its own (two fragments in one decision match one gold entry only).
    const used = new Set<number>();
    for (const want of ok) {
      const i = found.findIndex((d, j) => !used.has(j) && d.includes(want));
      expect(i, `"${want}" in ${JSON.stringify(found)}`).toBeGreaterThanOrEqual(0);
      used.add(i);
    }
    for (const unwanted of notOk) expect(found.filter((d) => d.includes(unwanted)), unwanted).toEqual([]);
    if (!ok.length) expect(found).toEqual([]);
  });
});
