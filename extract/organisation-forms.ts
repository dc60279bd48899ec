/**
 * Organisations recognised by how Swedish and Norwegian names are formed, not by a lexicon:
 * companies ("Eksta Bostads AB", "Ernst & Young AB"), foundations and funds ("Stiftelsen …",
 * "… stipendiefond"), associations and clubs ("Må vägförening", "Nordhallands Hembygdsförening"),
 * departments and agencies ("Klimat- och näringslivsdepartementet", "Valmyndigheten",
 * "Myndigheten för samhällsskydd", "Mark- och miljödomstolen"), a municipality's own bodies and
 * offices ("Förvaltningen för Kultur & Fritid", "Kommunstyrelsens förvaltning",
 * "Bygglovsavdelningen", "Kommunledningskontoret", "Räddningstjänsten Kungsbacka") and Norwegian
 * bodies ("Eidskog kommune", "Innlandet fylkeskommune"). Names are kept as written.
 */
const CAP = String.raw`[\p{Lu}][\p{L}-]*`;
const LOW = String.raw`[\p{Ll}][\p{L}-]*`;
/** Words that end the name of a public body or association. */
const SUFFIX = String.raw`(?:förvaltningen|förvaltning|avdelningen|kontoret|departementet|myndigheten|verket|inspektionen|domstolen|kansliet|förbundet|föreningen|förening|stiftelsen|ombudet|direktoratet|tilsynet)`;
/** The same for a single word, without "-verket" (a "regelverket" is no agency; the known agencies are in the lexicon). */
const WORD_SUFFIX = String.raw`(?:förvaltningen|avdelningen|kontoret|departementet|myndigheten|inspektionen|domstolen|kansliet|förbundet|föreningen|stiftelsen|ombudet|direktoratet|tilsynet|revisionen)`;
/** Sentence words that are no part of a name before it ("Med Eksta Bostads AB"). */
const FUNCTION_WORD = /^(med|och|av|till|för|att|från|enligt|genom|där|som|den|det|de|en|ett|om|i|på|vid|när|hos|mot|inom|samt|eller|även|både|nu|då)$/i;
/** Words that end a lower-case "för …" phrase: the sentence goes on after the name. */
const STOP = /^(beslutar|beslutade|har|hade|ska|skall|kan|noterar|föreslår|anser|godkänner|informerar|är|var|som|och|att|i|på|om|med|till|från|den|det|enligt|inom|under)$/i;

const FORMS = new RegExp(String.raw`(?<![\p{L}-])(?:` + [
  // "Förvaltningen för Kultur & Fritid", "Avdelningen för penningpolitik", "Myndigheten för samhällsskydd och beredskap"
  String.raw`(?<for>(?:Förvaltningen|Nämnden|Avdelningen|Enheten|Myndigheten|Stiftelsen|Centrum|Center|Centret|Institutet|Rådet|Kansliet|Byrån)\s+för\s+(?:${CAP}(?:\s+&\s+${CAP})?|${LOW}(?:\s+${LOW}){0,3}))`,
  // "Bygg- och miljöförvaltningen", "Landsbygds- och infrastrukturdepartementet"
  String.raw`(?<pair>${CAP}-\s+och\s+[\p{Ll}][\p{L}]*${SUFFIX})`,
  // "Kommunstyrelsens förvaltning", "Byggnadsnämndens arbetsutskott"
  String.raw`(?<gen>[\p{Lu}][\p{L}]*(?:nämndens|styrelsens)\s+(?:förvaltning|arbetsutskott|kansli))`,
  // Companies: "Eksta Bostads AB", "Kommuninvest i Sverige AB", "Ernst & Young AB"; kommanditbolag, ASA/AS (Norwegian)
  String.raw`(?<company>${CAP}(?:\s+(?:&\s+|i\s+)?${CAP}){0,3}\s+(?:AB|HB|KB|ASA|AS)(?:\s+\(publ\))?)(?![\p{L}])`,
  String.raw`(?<foundation>Stiftelsen\s+${CAP}(?:\s+${CAP}){0,3})`,
  // "Asta och Anders Brattströms stipendiefond", "Må vägförening", "Nordhallands Hembygdsförening"
  String.raw`(?<assoc>${CAP}(?:\s+${CAP})?\s+[\p{L}]*(?:förening|föreningen|förbund|förbundet|klubb|klubben))(?![\p{L}])`,
  String.raw`(?<fund>${CAP}(?:\s+(?:och\s+)?${CAP}){0,3}\s+[\p{L}]*(?:stipendiefond|fond))(?![\p{L}])`,
  // Norwegian: "Eidskog kommune", "Innlandet fylkeskommune"
  String.raw`(?<norsk>${CAP}\s+(?:fylkes)?kommune)(?![\p{L}])`,
  // "Räddningstjänsten Kungsbacka", "Räddningstjänsten Storgöteborg"
  String.raw`(?<rescue>Räddningstjänsten\s+${CAP})`,
  // A municipal unit named by two fields ("Gymnasium & Arbetsmarknad", "Individ & Familjeomsorg"), not inside an organ's name ("nämnden för Kultur & Fritid")
  String.raw`(?<![Ff]ör\s)(?<amp>${CAP}\s+&\s+${CAP}(?:\s+arbetsutskott)?)(?![\p{L}])`,
  // One capitalised word with a body's ending: "Kommunledningskontoret", "Valmyndigheten", "Regeringskansliet" (also in the genitive: "Kommunledningskontorets tjänsteskrivelse")
  String.raw`(?<word>[\p{Lu}][\p{Ll}]+${WORD_SUFFIX})s?(?![\p{L}])`,
].join('|') + ')', 'gu');

export interface FormHit { name: string; index: number; kind: string }

const KIND: Record<string, string> = { for: 'organ', pair: 'myndighet', gen: 'organ', company: 'företag', foundation: 'stiftelse', assoc: 'förening', fund: 'stiftelse', norsk: 'kommun', rescue: 'organ', word: 'organ', amp: 'organ' };

/** Every form needs one of these literals: most passages have none, and this test is far cheaper than the forms. */
const TRIGGER = /AB|HB|KB|AS|förening|förbund|klubb|fond|Stiftelsen|kommune|Räddningstjänsten|nämndens|styrelsens|- och|(?:Förvaltningen|Nämnden|Avdelningen|Enheten|Myndigheten|Centrum|Center|Centret|Institutet|Rådet|Kansliet|Byrån) för|förvaltning|avdelningen|kontoret|departementet|myndigheten|inspektionen|domstolen|kansliet|ombudet|direktoratet|tilsynet|revisionen| & /;

export function organisationsByForm(text: string): FormHit[] {
  const hits: FormHit[] = [];
  if (!TRIGGER.test(text)) return hits;
  for (const m of text.matchAll(FORMS)) {
    const [group, value] = Object.entries(m.groups!).find(([, v]) => v !== undefined)!;
    let words = value.replace(/\s+/g, ' ').trim().split(' ');
    let index = m.index;
    // A sentence word before a company or association name is not part of it.
    while (words.length > 2 && FUNCTION_WORD.test(words[0]!)) { index += words[0]!.length + 1; words = words.slice(1); }
    if (group === 'for') {
      // The sentence goes on after a lower-case name: a verb or function word ends it.
      const cut = words.findIndex((w, i) => i >= 3 && (STOP.test(w) || /(ade|ar|ades|as)$/.test(w)));
      if (cut > 0) words = words.slice(0, cut);
      // "Förvaltningen för Kultur & Fritids tjänsteskrivelse": the genitive of the name.
      const last = words.at(-1)!;
      if (/^\p{Lu}.*s$/u.test(last) && /^\s+\p{Ll}/u.test(text.slice(m.index + m[0].length))) words[words.length - 1] = last.slice(0, -1);
    }
    if (group === 'company' || group === 'assoc' || group === 'fund') { const f = words.findIndex((w) => FUNCTION_WORD.test(w) && w !== 'i' && w !== 'och'); if (f >= 0) continue; }
    hits.push({ name: words.join(' '), index, kind: group === 'word' && /departementet$/.test(value) ? 'departement' : KIND[group]! });
  }
  return hits;
}
