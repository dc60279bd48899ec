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
import { municipalityList } from '../lib/reference-data.ts';

const CAP = String.raw`[\p{Lu}][\p{L}-]*`;
const LOW = String.raw`[\p{Ll}][\p{L}-]*`;
/** Words that end the name of a public body or association. */
const SUFFIX = String.raw`(?:förvaltningen|förvaltning|avdelningen|kontoret|departementet|myndigheten|verket|inspektionen|domstolen|kansliet|förbundet|föreningen|förening|stiftelsen|ombudet|direktoratet|tilsynet|forum|forumet|(?<!om)rådet|beredningen|delegationen|kommittén)`;
/**
 * The same for a single word, without "-verket" (a "regelverket" is no agency; the known agencies are in the lexicon);
 * a unit too, at a sentence start ("Myndighetsenheten har …", "Arbetsmarknadsenheten").
 */
const WORD_SUFFIX = String.raw`(?:förvaltningen|avdelningen|kontoret|departementet|myndigheten|inspektionen|domstolen|kansliet|förbundet|föreningen|stiftelsen|ombudet|direktoratet|tilsynet|revisionen|universitetet|enheten)`;
/**
 * A municipality's units in lower case mid-sentence are names too ("till valkansliet",
 * "bygglovsavdelningens arbete", "socialförvaltningen"): a compound whose head is a unit's noun.
 */
const LOWER_UNIT = String.raw`(?:förvaltningen|avdelningen|enheten|kontoret|kansliet|revisionen(?<=(?:kommun|region|landstings)revisionen))`;
/** Compounds with those heads that name an activity or a place, not a unit ("kapitalförvaltningen", "huvudkontoret"). */
const NOT_A_UNIT = /^(kapital|fastighets|fonds|tillgångs|egendoms|portfölj|skogs|huvud|hem|stor|mät|mått|tids|bas|räkne|samma|land|förvaltnings|enhets)/;
/** Units of social services and health care: "Ungdomsmottagningen", "Familjecentralen", "Socialjouren", "Vuxenpsykiatrin", "Familjerätten", "Anhörigcenter". */
const CARE_INSTITUTION = String.raw`mottagningen|centralen|jouren|psykiatrin|rätten|center`;
/**
 * Heads that make a capitalised compound the proper name of an institution when it stands
 * mid-sentence, where Swedish capitalises only names ("inom Kulturskolan", "på Kompetenscentrum",
 * "påverkar Vuxenutbildningen", "Namnberedningsgruppen", "Hallandstrafiken", "Stockholmsbörsen").
 * At a sentence start the same word may be a common noun ("Grundskolan har …"), so it is not read there.
 */
const INSTITUTION = String.raw`(?:centrum|centret|utbildningen|gruppen|(?<!om)rådet|institutet|trafiken|banken|börsen|biblioteket|museet|teatern|tjänsten|kansliet|revisionen|akademien|kammaren|bolaget|hamnen|förvaltningen|avdelningen|enheten|kontoret|${CARE_INSTITUTION})`;
/**
 * Generic first parts: "inom Förvaltningen", "Arbetsgruppen". (Of schools only the arts schools that
 * municipalities run as units count: one named by its place, "Skårbyskolan", is a building.)
 */
const GENERIC_INSTITUTION = /^(grund|för|gymnasie|grundsär|sär|hög|folkhög|yrkes|fritids|fri|kommun|fristående|lågstadie|mellanstadie|högstadie|special|riks|mål|arbets|styr|projekt|referens|risk|ålders|elev|barn|personal|hem|rikt|regel|rätt)$/;
/** Sentence words that are no part of a name before it ("Med Eksta Bostads AB"). */
const FUNCTION_WORD = /^(med|och|av|till|för|att|från|enligt|genom|där|som|den|det|de|en|ett|om|i|på|vid|när|hos|mot|inom|samt|eller|även|både|nu|då)$/i;
/** Words that end a lower-case "för …" phrase: the sentence goes on after the name. */
const STOP = /^(av|beslutar|beslutade|har|hade|ska|skall|kan|noterar|föreslår|anser|godkänner|informerar|är|var|som|och|att|i|på|om|med|till|från|för|den|det|enligt|inom|under|senast|snarast|omgående|tidigare|därefter|efter|före)$/i;

/** A document of the body after its genitive, capitalised as a title: "Förvaltningen för Tekniks Yttrande". */
const DOCUMENT_AFTER = /^\s+(?:Yttrande|Tjänsteskrivelse|Skrivelse|Förslag|Beslut|Svar|Remissvar|Rapport|Redovisning|Protokoll)(?![\p{L}])/u;
/** A verb in the past tense ends a name's field: "Avdelningen för marknader inledde", "… bedömde", "… föredrog" (not "-nde": "boende"). */
const PAST = /^(?:\p{Ll}+(?<!n)de|\p{Ll}+dde|\p{Ll}+tte|\p{Ll}+[^n\s]te|föredrog|beskrev|höll|gav|tog|drog|fick|såg|ansåg|skrev|lät|bad|gick|kom|blev|sa|sade|framhöll|påpekade)$/u;
/** Bodies named "X för …"; mid-sentence in lower case too ("nämnden för Vård & Omsorg", "gemensamma nämnden för …"). */
const FOR_HEAD = String.raw`(?:[Gg]emensamma\s+)?(?:Gemensam\s+nämnd|[Ff]örvaltningen|[Nn]ämnden|[Aa]vdelningen|[Ee]nheten|[Mm]yndigheten|Stiftelsen|Centrum|Center|Centret|Institutet|Rådet|[Kk]ansliet|Byrån|[Ii]nspektionen)`;
/** Those whose field may be written in lower case ("Avdelningen för penningpolitik", "avdelningen för marknader"): not a lower-case "nämnden för beslut". */
const FOR_HEAD_LOW = String.raw`(?:Gemensam\s+nämnd|Förvaltningen|Nämnden|Myndigheten|Stiftelsen|Centrum|Center|Centret|Institutet|Rådet|Kansliet|Byrån|[Aa]vdelningen|[Ee]nheten|[Ii]nspektionen|[Gg]emensamma\s+nämnden)`;
/** Working groups and committees with a field: "beredningsgruppen för miljö och samhällsbyggnad", "arbetsgruppen för krisberedskap". */
const GROUP_HEAD = String.raw`(?:(?:[Bb]erednings|[Ss]tyr|[Rr]eferens|[Ss]amverkans|[Ll]ednings|[Aa]rbets)gruppen|[Dd]elegationen|[Kk]ommittén)`;

/** The head of a "X för …" body and its "för": both forms need it. */
const FOR_NEED = new RegExp(String.raw`(?:Gemensam\s+nämnd|[Ff]örvaltningen|[Nn]ämnden|[Aa]vdelningen|[Ee]nheten|[Mm]yndigheten|Stiftelsen|Centrum|Center|Centret|Institutet|Rådet|[Kk]ansliet|Byrån|[Ii]nspektionen)\s+för\s`);

/** A name in the genitive is the name: "Nordhallands Hembygdsförenings ansökan", "Eksta Bostads AB:s styrelse" (the "s" outside the name). */
const GENITIVE_END = String.raw`(?::?s)?(?![\p{L}])`;
/**
 * The naming forms in the order an alternation of them would try them. Each is matched alone, and
 * only in a text with its `need` (a literal every match of the form contains): one alternation of
 * all twenty tried each of them at every word of every block, and most blocks hold one or two forms.
 */
export const FORM_LIST: { group: string; source: string; need: RegExp }[] = ([
  // "Förvaltningen för Kultur & Fritid", "Nämnden för Förskola och Grundskola", "Avdelningen för penningpolitik", "Myndigheten för samhällsskydd och beredskap"
  { group: 'for', source: String.raw`(?<for>${FOR_HEAD}\s+för\s+${CAP}(?:\s*&\s*${CAP}|\s+och\s+${CAP})?)`, need: FOR_NEED },
  // (a body named next ends the name: "avdelningen för finansiell stabilitet och enheten för …"; an idiom is no field: "enheten för tillfället")
  { group: 'forlow', source: String.raw`(?<forlow>${FOR_HEAD_LOW}\s+för\s+(?!(?:att|en|ett|den|det|de|sin|sitt|sina|tillfället|närvarande|stunden|övrigt|dagen|året|tiden|oss|dem|mig|sig)(?![\p{L}]))${LOW}(?:\s+(?!och\s+${FOR_HEAD}\s)${LOW}){0,3})`, need: FOR_NEED },
  // (a group's field is a noun or two joined by "och", then the sentence goes on: not "beredningsgruppen för eventuell justering av …")
  { group: 'group', source: String.raw`(?<group>${GROUP_HEAD}\s+för\s+${LOW}(?:\s+och\s+${LOW})?)(?=\s*[.,;:)]|\s*$|\s+(?:som|har|ska|skall|kommer|är|var|och|i|på|med|att|inom|under)\s)`, need: /(?:gruppen|[Dd]elegationen|[Kk]ommittén)\s+för\s/ },
  // A court sitting at another: "Mark- och miljödomstolen vid Nacka tingsrätt", "Migrationsdomstolen vid Förvaltningsrätten i Göteborg",
  // "Mark- och miljööverdomstolen vid Svea hovrätt" (one name: the court and its seat)
  { group: 'seatcourt', source: String.raw`(?<seatcourt>(?:[\p{L}]+-\s+och\s+)?[\p{L}]*domstolen\s+vid\s+(?:${CAP}\s+(?:tingsrätt|hovrätt)|[Ff]örvaltningsrätten\s+i\s+${CAP}))`, need: /domstolen\s+vid\s/ },
  // A unit or body named by an adjective: "Tekniska förvaltningen", "Sociala nämnden", "Gemensamma servicenämnden"
  { group: 'adj', source: String.raw`(?<adj>(?!(?:Hela|Nya|Samma|Båda|Övriga|Berörda|Flera|Alla|Olika|Andra|Egna|Enda|Första|Sista|Nuvarande)\s)[\p{Lu}][\p{Ll}]{3,}a\s+\p{Ll}*(?:förvaltningen|nämnden|kontoret|avdelningen|enheten))`, need: /a\s+\p{Ll}*(?:förvaltningen|nämnden|kontoret|avdelningen|enheten)/u },
  // "Bygg- och miljöförvaltningen", "Landsbygds- och Infrastrukturdepartementet", "mark- och miljödomstolen", "Barn- och utbildningsnämnden"
  // (a unit or a clinic too: "Barn- och ungdomsenheten", "Barn- och ungdomspsykiatrin")
  { group: 'pair', source: String.raw`(?<pair>[\p{L}][\p{L}-]*-\s+och\s+[\p{L}][\p{L}]*(?:${SUFFIX}|nämnden|styrelsen|utskottet|enheten|psykiatrin))`, need: /-\s+och\s/ },
  // Courts by their seat: "Förvaltningsrätten i Stockholm", "Kammarrätten i Göteborg", "Göteborgs tingsrätt", "Svea hovrätt",
  // "Hovrätten för Västra Sverige", "Högsta förvaltningsdomstolen"
  // (in lower case without its seat too: "överklagas till förvaltningsrätten"; capitalised, the lexicon knows it)
  { group: 'court', source: String.raw`(?<court>(?:[Ff]örvaltningsrätten|[Kk]ammarrätten|[Tt]ingsrätten|[Hh]ovrätten)\s+i\s+${CAP}|Hovrätten\s+(?:för|över)\s+${CAP}(?:\s+(?:och\s+)?${CAP}){0,2}|${CAP}\s+(?:tingsrätt|hovrätt)|Högsta\s+(?:förvaltningsdomstolen|domstolen)|(?:förvaltnings|kammar|tings|hov)rätten)(?![\p{L}])`, need: /rätten\s+(?:i|för|över)\s|\s(?:tingsrätt|hovrätt)|Högsta\s|(?:förvaltnings|kammar|tings|hov)rätten/ },
  // "Uppsala universitet", "Högskolan i Halmstad", "Chalmers tekniska högskola", "Sveriges lantbruksuniversitet", "Kungliga Tekniska högskolan"
  { group: 'univ', source: String.raw`(?<univ>${CAP}\s+(?:\p{L}+ska\s+)?\p{Ll}*(?:universitet|universitetet|högskola|högskolan)|Högskolan\s+i\s+${CAP})s?(?![\p{L}])`, need: /universitet|högskola|Högskolan/ },
  // Hospitals by name: "Hallands sjukhus", "Akademiska sjukhuset", "Sahlgrenska Universitetssjukhuset", "Södra Älvsborgs sjukhus"
  { group: 'hospital', source: String.raw`(?<hospital>${CAP}(?:\s+${CAP})?\s+\p{L}*sjukhus(?:et)?)(?![\p{L}])`, need: /sjukhus/ },
  // European and Nordic bodies written with the first word capitalised: "Europeiska bankmyndigheten", "Europeiska systemrisknämnden", "Nordiska investeringsbanken"
  { group: 'eu', source: String.raw`(?<eu>(?:Europeiska|Nordiska|Internationella)\s+(?:\p{Ll}+-\s+och\s+)?\p{Ll}*(?:myndigheten|nämnden|banken|kommissionen|rådet|byrån|domstolen|fonden|kommittén|ombudsmannen|organisationen|institutet|unionen))(?![\p{L}])`, need: /(?:Europeiska|Nordiska|Internationella)\s/ },
  // "Kommunstyrelsens förvaltning", "Byggnadsnämndens arbetsutskott"
  // (in lower case too, a compound: "kommunstyrelsens förvaltning", "skolstyrelsens arbetsutskott")
  { group: 'gen', source: String.raw`(?<gen>(?:[\p{Lu}][\p{L}]*|\p{Ll}{3,})(?:nämndens|styrelsens)\s+(?:förvaltning|arbetsutskott|kansli))`, need: /(?:nämndens|styrelsens)\s+(?:förvaltning|arbetsutskott|kansli)/ },
  // Companies: "Eksta Bostads AB", "Kommuninvest i Sverige AB", "Ernst & Young AB"; kommanditbolag, ASA/AS (Norwegian)
  // (the form before the name: "AB Volvo", "Fastighets AB Kungsbackahem", "Bostads AB Mimer")
  { group: 'abfirst', source: String.raw`(?<abfirst>(?:[\p{Lu}][\p{Ll}]+s\s+)?AB\s+[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)(?![\p{L}])`, need: /AB\s+\p{Lu}/u },
  { group: 'company', source: String.raw`(?<company>${CAP}(?:\s+(?:&\s+|i\s+)?${CAP}){0,3}(?:\s+och\s+\p{Ll}+)?\s+(?:AB|HB|KB|ASA|AS|Aktiebolag|aktiebolag|Handelsbolag|Kommanditbolag|Oy|GmbH|Ltd|A\/S|ApS)(?:\s+\(publ\))?)(?![\p{L}])`, need: /\s(?:AB|HB|KB|AS|Aktiebolag|aktiebolag|Handelsbolag|Kommanditbolag|Oy|GmbH|Ltd|A\/S|ApS)/ },
  // State bodies named "Statens …" ("Statens kulturråd", "Statens historiska museer", "Statens haverikommission"); county councils and Norwegian county governors by their seat
  { group: 'state', source: String.raw`(?<state>Statens\s+(?:\p{Ll}+\s+){0,2}\p{Ll}*(?:verk|institut|råd|nämnd|kommission|museer|anstalt|styrelse|servicecenter|vegvesen|inspektion)|(?:Landstinget|Statsforvalteren|Statsforvaltaren)\s+i\s+${CAP}(?:\s+län)?|${CAP}(?:\s+${CAP})?\s+läns\s+landsting)(?![\p{L}])`, need: /Statens|Landstinget|Statsforval|läns\s+landsting/ },
  { group: 'foundation', source: String.raw`(?<foundation>Stiftelsen\s+${CAP}(?:\s+${CAP}){0,3})`, need: /Stiftelsen/ },
  // An association named after its form: "Föreningen Kungsbacka Hembygdsgille", a housing cooperative "Brf Solgläntan", "HSB Brf Vallda"
  { group: 'society', source: String.raw`(?<society>(?:Föreningen|(?:HSB\s+)?Brf)\s+${CAP}(?:\s+${CAP}){0,2})(?![\p{L}])`, need: /Föreningen|Brf/ },
  // "Asta och Anders Brattströms stipendiefond", "Må vägförening", "Nordhallands Hembygdsförening"
  // (and the legal form after the name: "Onsala Bygdegårdsförening ekonomisk förening"; societies and guilds: "Onsala Segelsällskap", "Kungsbacka Hembygdsgille")
  { group: 'assoc', source: String.raw`(?<assoc>${CAP}(?:\s+${CAP})?\s+(?:[\p{L}]*(?:förening|föreningen|förbund|förbundet|klubb|klubben)|[\p{L}]+(?:sällskap|sällskapet|gille|gillet|samfällighet|samfälligheten))(?:\s+(?:ekonomisk|ideell)\s+förening)?)(?![\p{L}])`, need: /förening|förbund|klubb|sällskap|gille|samfällighet/ },
  { group: 'fund', source: String.raw`(?<fund>${CAP}(?:\s+(?:och\s+)?${CAP}){0,3}\s+[\p{L}]*(?:stipendiefond|fond))(?![\p{L}])`, need: /fond/ },
  // Norwegian: "Eidskog kommune", "Innlandet fylkeskommune"
  // Danish: "Københavns Kommune", "Region Hovedstaden"
  { group: 'norsk', source: String.raw`(?<norsk>${CAP}\s+(?:fylkes)?[Kk]ommune|Region\s+(?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland))(?![\p{L}])`, need: /[Kk]ommune(?![\p{L}])|Region\s+(?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)/u },
  // Norwegian and Danish agencies named "X for …": "Direktoratet for forvaltning og økonomistyring", "Styrelsen for Dataforsyning og Infrastruktur"
  { group: 'nordic', source: String.raw`(?<nordic>(?:Direktoratet|Styrelsen|Tilsynet|Nævnet|Senter|Senteret|Rådet)\s+for\s+[\p{L}-]+(?:\s+(?:og|i)\s+[\p{L}-]+)?)(?![\p{L}])`, need: /\sfor\s/ },
  // A body named with its area: "Räddningstjänsten Storgöteborg", "Samordningsförbundet Halland", "Strandstädningsföreningen Vrakat",
  // "Sparbanksstiftelsen Kronan", a local branch "Naturskyddsföreningen i Kungsbacka", a children's house by its area "Barnahus Halland"
  { group: 'rescue', source: String.raw`(?<rescue>(?:Räddningstjänsten|Barnahus|[\p{Lu}][\p{Ll}]+(?:förbundet|föreningen|stiftelsen))\s+(?:i\s+)?${CAP})(?![\p{L}])`, need: /(?:Räddningstjänsten|Barnahus|förbundet|föreningen|stiftelsen)\s/ },
  // A committee named by the region or municipality it serves: "Patientnämnden Halland", "Överförmyndarnämnden i Varberg" (the place checked below)
  { group: 'area', source: String.raw`(?<area>[\p{Lu}][\p{Ll}]+nämnden[^\S\n]+(?:i[^\S\n]+)?${CAP}(?:[^\S\n]+${CAP})?)`, need: /nämnden[^\S\n]+(?:i\s+)?\p{Lu}/u },
  // A body's regional part or a body named by its region: "Trafikverket Region Väst", "Polisregion Väst", "Tolkförmedling Väst"
  { group: 'compass', source: String.raw`(?<compass>[\p{Lu}][\p{Ll}]+(?:verket|myndigheten|förmedling|förmedlingen|region|förbundet|tjänst|tjänsten|trafik)\s+(?:Region\s+)?(?:Väst|Öst|Syd|Nord|Norr|Mitt|Sydost|Sydväst|Nordost|Nordväst|Mellersta|Västra|Östra|Södra|Norra)(?:\s+${CAP})?)(?![\p{L}])`, need: /(?:verket|myndigheten|förmedling|förmedlingen|region|förbundet|tjänst|tjänsten|trafik)\s+(?:Region\s+)?(?:Väst|Öst|Syd|Nord|Norr|Mitt|Sydost|Sydväst|Nordost|Nordväst|Mellersta|Västra|Östra|Södra|Norra)/ },
  // The police's local and regional areas: "Lokalpolisområde Kungsbacka", "Polisområde Halland"
  { group: 'police', source: String.raw`(?<police>(?:Lokalpolisområde|Polisområde)\s+${CAP})(?![\p{L}])`, need: /olisområde\s/ },
  // National associations named "Sveriges …" with a capital: "Sveriges Allmännytta", "Sveriges Dövas Riksförbund"
  { group: 'national', source: String.raw`(?<national>Sveriges\s+[\p{Lu}][\p{Ll}]{2,}(?:\s+[\p{Lu}][\p{Ll}]+)?)(?![\p{L}])`, need: /Sveriges\s+\p{Lu}/u },
  // Councils named "Kommunala …" with its capital: "Kommunala pensionärsrådet", "Kommunala funktionshinderrådet" (in lower case the kind of council a municipality has)
  { group: 'council', source: String.raw`(?<council>Kommunala\s+\p{Ll}+rådet)(?![\p{L}])`, need: /Kommunala\s/ },
  // A municipal unit named by two fields ("Gymnasium & Arbetsmarknad", "Individ & Familjeomsorg"), not inside an organ's name ("nämnden för Kultur & Fritid")
  { group: 'amp', source: String.raw`(?<![Ff]ör\s)(?<amp>${CAP}\s+&\s+${CAP}(?:\s+arbetsutskott)?)(?![\p{L}])`, need: /\s&\s/ },
  // Sports clubs: "Kungsbacka IF", "Onsala BK", "IFK Göteborg", "IK Sleipner"
  { group: 'club', source: String.raw`(?<club>${CAP}(?:\s+${CAP})?\s+(?:IF|IK|BK|FF|SK|FK|GIF|HK|IBK|BTK|GoIF|BoIS)|(?:IFK|IK|BK|AIK|GIF)\s+${CAP})(?![\p{L}])`, need: /IF|IK|BK|FF|SK|FK|HK|BTK|BoIS/ },
  // A chamber of commerce, a parish: "Norrbottens Handelskammare", "Kungsbacka församling"
  { group: 'chamber', source: String.raw`(?<chamber>${CAP}(?:\s+${CAP})?\s+(?:[Hh]andelskammare|[Hh]andelskammaren|församling|pastorat))(?![\p{L}])`, need: /andelskammar|församling|pastorat/ },
  // The guardianship office by its area or its partnership: "Överförmyndaren i Kungsbacka", "överförmyndare i samverkan", "Överförmyndarnämnden i Varberg"
  { group: 'guardian', source: String.raw`(?<guardian>[Öö]verförmyndar(?:e|en|nämnden|förvaltningen|enheten|kansliet)\s+i\s+(?:samverkan|${CAP}))(?![\p{L}])`, need: /verförmyndar\p{L}*\s+i\s/u },
  // A unit in lower case: "till valkansliet", "bygglovsavdelningens arbete" (the genitive is the unit)
  { group: 'lowunit', source: String.raw`(?<![\p{L}-])(?<lowunit>\p{Ll}{3,}${LOWER_UNIT})s?(?![\p{L}])`, need: new RegExp(LOWER_UNIT) },
  // A capitalised compound mid-sentence (after a lower-case word, a comma or a colon on its line): "inom Kulturskolan", "uppdatering Kulturskolan"
  { group: 'inst', source: String.raw`(?<=[\p{Ll}\d,:]\s{1,3})(?<inst>[\p{Lu}][\p{Ll}]{2,}${INSTITUTION}|(?:Kultur|Musik|Dans)skolan)s?(?![\p{L}])`, need: new RegExp(`${INSTITUTION}|skolan`) },
  // One capitalised word with a body's ending: "Kommunledningskontoret", "Valmyndigheten", "Regeringskansliet" (also in the genitive: "Kommunledningskontorets tjänsteskrivelse")
  // (and a unit named by its letters: "HR-avdelningen", "IT-enheten")
  { group: 'word', source: String.raw`(?<word>[\p{Lu}][\p{Ll}]+${WORD_SUFFIX}|\p{Lu}{2,4}-\p{Ll}*(?:avdelningen|enheten|kontoret|förvaltningen|kansliet))s?(?![\p{L}])`, need: new RegExp(`${WORD_SUFFIX}|-\\p{Ll}*(?:avdelningen|enheten|kontoret|förvaltningen|kansliet)`, 'u') },
] as { group: string; source: string; need: RegExp }[]).map((f) => (f.source.endsWith('(?![\\p{L}])') && !f.source.endsWith('s?(?![\\p{L}])') ? { ...f, source: f.source.slice(0, -'(?![\\p{L}])'.length) + GENITIVE_END } : f));
const FORMS = FORM_LIST.map((f) => ({ ...f, pattern: new RegExp(String.raw`(?<![\p{L}-])(?:${f.source})`, 'gu') }));
/**
 * Whether any form's `need` holds: one test where most blocks hold none of them (a word like
 * "kommunerna" passes TRIGGER below but no need), instead of a test per form.
 */
const ANY_NEED = new RegExp([...new Set(FORM_LIST.map((f) => f.need.source))].map((s) => `(?:${s})`).join('|'), 'u');

interface FormMatch { group: string; value: string; index: number; length: number }

/**
 * The matches of the forms' alternation, leftmost first: where two start together the earlier form
 * wins, and the search goes on after the match, as one regular expression of all of them would.
 */
export function* formMatches(text: string): Generator<FormMatch> {
  const live = FORMS.filter((f) => f.need.test(text)).map((f) => ({ f, next: null as RegExpExecArray | null, searched: false }));
  for (let at = 0; ;) {
    let best: (typeof live)[number] | undefined;
    for (const l of live) {
      // A form's next match is searched again only once the search has passed where it was found.
      if (!l.searched || (l.next && l.next.index < at)) { l.f.pattern.lastIndex = at; l.next = l.f.pattern.exec(text); l.searched = true; }
      if (l.next && (!best || l.next.index < best.next!.index)) best = l;
    }
    if (!best) return;
    const m = best.next!;
    yield { group: best.f.group, value: m.groups![best.f.group]!, index: m.index, length: m[0].length };
    at = m.index + m[0].length;
  }
}

const UNIT_OWNER = /^\s+(Region\s+\p{Lu}[\p{L}-]+|\p{Lu}[\p{L}-]+\s+(?:kommun|[Ss]tad))(?![\p{L}])/u;

/** Forms whose name ends in a capitalised word, where a genitive "s" is read as part of it. */
const CAPITAL_END = new Set(['guardian', 'police', 'rescue', 'amp', 'foundation', 'society', 'court', 'univ', 'national', 'compass', 'abfirst', 'club']);
let names: Set<string> | undefined;
const placeNames = () => (names ??= new Set(municipalityList().map((m) => m.name)));
let regions: Set<string> | undefined;
/** The regions by their county's name: "Hallands län" → "Halland", "Västra Götalands län" → "Västra Götaland", "Skåne län" → "Skåne". */
const regionNames = () => (regions ??= new Set(municipalityList().map((m) => m.county.replace(/ län$/, '').replace(/s$/, ''))));
let places: Set<string> | undefined;
const placeEndingInS = () => (places ??= new Set([...placeNames()].filter((n) => n.endsWith('s'))));
const INSTITUTION_SEAT = /^ i (\p{Lu}\p{Ll}+)(?![\p{L}-])(?!\s+(?:kommuns?|stad)(?![\p{L}]))/u;

const AFTER_TITLE = /(?:chef|ledare|strateg|samordnare|utvecklare|controller|handläggare|förvaltning|kontoret)[\s,:]*$/iu;
/** Forms that are a run of capitalised words, which a list a name a line can run together. */
const LISTED = ['company', 'assoc', 'fund'];

export interface FormHit { name: string; index: number; kind: string }

const KIND: Record<string, string> = { area: 'organ', guardian: 'organ', police: 'myndighet', society: 'förening', nordic: 'myndighet', hospital: 'organ', eu: 'internationell', abfirst: 'företag', compass: 'myndighet', national: 'förening', council: 'organ', state: 'myndighet', group: 'organ', club: 'förening', chamber: 'förening', lowunit: 'organ', inst: 'organ', for: 'organ', forlow: 'organ', court: 'myndighet', seatcourt: 'myndighet', adj: 'organ', univ: 'universitet', pair: 'myndighet', gen: 'organ', company: 'företag', foundation: 'stiftelse', assoc: 'förening', fund: 'stiftelse', norsk: 'kommun', rescue: 'organ', word: 'organ', amp: 'organ' };

/** Every form needs one of these literals: most passages have none, and this test is far cheaper than the forms. */
const TRIGGER = / for |nämnd för|nämnden (?:i )?[A-ZÅÄÖ]|olisområde|ommune(?![a-zåäö])|Region (?:Hovedstaden|Sjælland|Syddanmark|Midtjylland|Nordjylland)|sjukhus|Europeiska|Nordiska|Internationella|Sveriges [A-ZÅÄÖ]|Kommunala|Föreningen|Brf|samfällighet|tingsrätt|hovrätt|Högsta|Hovrätten|sällskap|gille|läns\s+landsting|(?:verket|myndigheten|förmedling|förmedlingen|region|förbundet|tjänst|tjänsten|trafik)\s+(?:Region\s+)?(?:Väst|Öst|Syd|Nord|Norr|Mitt|Sydost|Sydväst|Nordost|Nordväst|Mellersta|Västra|Östra|Södra|Norra)|Statens|Landstinget|Statsforval|ktiebolag|andelsbolag|ommanditbolag|Oy|GmbH|Ltd|A\/S|ApS|IF|IK|BK|FF|SK|FK|HK|GoIF|BoIS|andelskammar|församling|pastorat|forum|rådet|beredningen|delegationen|kommittén|gruppen|skolan|centr|utbildningen|institutet|trafiken|banken|börsen|biblioteket|museet|teatern|tjänsten|akademien|kammaren|bolaget|hamnen|enheten|AB|HB|KB|AS|förening|förbund|klubb|fond|Stiftelsen|kommune|Räddningstjänsten|nämndens|styrelsens|- och|rätten i|universitet|högskola|Högskolan|(?:Förvaltningen|Nämnden|Avdelningen|Enheten|Myndigheten|Centrum|Center|Centret|Institutet|Rådet|Kansliet|Byrån|Inspektionen|nämnden|avdelningen|enheten|förvaltningen|inspektionen) för|förvaltning|avdelningen|kontoret|departementet|myndigheten|inspektionen|domstolen|kansliet|ombudet|direktoratet|tilsynet|revisionen| & |a nämnden/;

/** The literals of the forms for social services' and health care's bodies (a test of its own, beside TRIGGER). */
const CARE_TRIGGER = /mottagningen|centralen|jouren|psykiatrin|rätten|center|verförmyndar|Barnahus/;

/** "Grundskolan", "Arbetsgruppen", "Riksbanken" (the lexicon's): a head whose first part is generic. */
const INSTITUTION_PARTS = new RegExp(String.raw`^(.+?)s?${INSTITUTION}$`, 'u');
function isGenericInstitution(word: string): boolean {
  const m = INSTITUTION_PARTS.exec(word.toLowerCase());
  return !m || GENERIC_INSTITUTION.test(m[1]!);
}

export function organisationsByForm(text: string): FormHit[] {
  const hits: FormHit[] = [];
  // Without a form's need no form matches: the dearer triggers are tested only when one holds.
  if (!ANY_NEED.test(text) || (!TRIGGER.test(text) && !CARE_TRIGGER.test(text))) return hits;
  for (const m of formMatches(text)) {
    const { group, value } = m;
    let words = value.replace(/\s+/g, ' ').trim().split(' ');
    let index = m.index;
    // A sentence word before a company or association name is not part of it.
    while (words.length > 2 && FUNCTION_WORD.test(words[0]!)) { index += words[0]!.length + 1; words = words.slice(1); }
    const after = text.slice(m.index + m.length);
    // A name cut where its block ends ("nämnden för Gymnasium &" at a page break) is not the whole name.
    if (/^\s*&\s*$/.test(after)) continue;
    // ("Nämnden för Vård & omsorgs förslag": the second field written small is still the name's)
    const small = group === 'for' ? /^\s*&\s*(\p{Ll}+)/u.exec(after) : null;
    if (small) words = [...words, '&', small[1]!.replace(/s$/, '')];
    if (group === 'for' || group === 'forlow') {
      // The sentence goes on after a lower-case name: a verb or function word ends it ("och" only when no name word follows).
      const ends = (w: string | undefined) => w === undefined || STOP.test(w) || PAST.test(w) || /(ade|ar|er|ades|as)$/.test(w);
      const cut = words.findIndex((w, i) => i >= 3 && /^\p{Ll}/u.test(w) && (w === 'och' ? ends(words[i + 1]) : ends(w)));
      if (cut > 0) words = words.slice(0, cut);
      // "gemensamma nämnden för hemsjukvård och hjälpmedels uppföljningsrapport": a genitive ends the name.
      const genitive = words.findIndex((w, i) => i >= 3 && i < words.length - 1 && /^\p{Ll}.*s$/u.test(w));
      if (genitive > 0) words = [...words.slice(0, genitive), words[genitive]!.slice(0, -1)];
      // A field of two joined by "och" is whole: "Gemensam nämnd för hemsjukvård och hjälpmedel reglemente" (but "hälso- och sjukvård" goes on to its noun).
      const and = words.findIndex((w, k) => k >= 3 && w === 'och' && !words[k - 1]!.endsWith('-') && !!words[k + 1] && !words[k + 1]!.endsWith('-'));
      if (and > 0 && group === 'forlow') words = words.slice(0, and + 2);
      const last = words.at(-1)!;
      // "Nämnden för Tekniks arbetsutskott": the name goes on; "Förvaltningen för Kultur & Fritids tjänsteskrivelse": the genitive of the name.
      const unit = /^\s+(arbetsutskott|förvaltning|kansli)(?![\p{L}])/u.exec(after);
      if (/^\p{Lu}.*s$/u.test(last) && unit && cut < 0) words.push(unit[1]!);
      else if (/^\p{Lu}.*s$/u.test(last) && (/^\s+\p{Ll}/u.test(after) || DOCUMENT_AFTER.test(after))) words[words.length - 1] = last.slice(0, -1);
    }
    if (group === 'rescue' && FUNCTION_WORD.test(words.at(-1)!)) continue;
    // (a list a name a line: "Linda Johansson, Vårdförbundet" / "Malvina Ravenklint, Vision" — the next line's name is a person's)
    if (group === 'rescue' && value.includes('\n') && /^[^\S\n]+\p{Lu}\p{Ll}+/u.test(after)) words = words.slice(0, 1);
    if (group === 'area') {
      // (only a region or municipality is the area: "Patientnämnden Halland", "… Västra Götaland", "Patientnämnden Hallands beslut"; not "Kulturnämnden Anna Ek")
      const head = words.slice(0, words[1] === 'i' ? 2 : 1);
      const place = words.slice(head.length);
      const isPlace = (p: string) => regionNames().has(p) || placeNames().has(p);
      const genitive = place[0]!.endsWith('s') && /^\s+\p{Ll}/u.test(after) ? place[0]!.slice(0, -1) : null;
      if (isPlace(place.join(' '))) words = [...head, ...place];
      else if (isPlace(place[0]!)) words = [...head, place[0]!];
      else if (place.length === 1 && genitive && isPlace(genitive)) words = [...head, genitive];
      else continue;
    }
    if (((group === 'lowunit' || group === 'inst' || (group === 'word' && value.endsWith('enheten'))) && NOT_A_UNIT.test(value.toLowerCase())) || (group === 'inst' && !/skolan$/.test(value) && isGenericInstitution(value))) continue;
    // An institution with its municipality is named with it: "Socialtjänsten i Kungsbacka", "Kulturskolan i Varberg" (not "i Kungsbacka kommun": the municipality's own name).
    if (group === 'inst') { const seat = INSTITUTION_SEAT.exec(after); if (seat && placeNames().has(seat[1]!)) words.push('i', seat[1]!); }
    // "Strandstädningsföreningen Vrakats ansökan", "Individ & Familjeomsorgs tjänsteskrivelse", "Högskolan i Halmstads": the genitive
    // of a name that ends in a capitalised word (not a place whose name ends in "s": "Högskolan i Borås").
    if (CAPITAL_END.has(group) && /^\p{Lu}\p{L}*s$/u.test(words.at(-1)!) && /^\s+\p{Ll}/u.test(after) && !placeEndingInS().has(words.at(-1)!)) words[words.length - 1] = words.at(-1)!.slice(0, -1);
    // A unit named in a person's title ("verksamhetschef Fritid & Mötesplatser", "förvaltning: Styrning & Ekonomi") is part of the title.
    if (group === 'amp' && AFTER_TITLE.test(text.slice(Math.max(0, index - 40), index))) continue;
    // In a list a name a line ("PostNord Kungsbacka" / "Nordhallands Hembygdsförening"), a short line ends the name before it.
    if (LISTED.includes(group) && value.includes('\n')) {
      const lineStart = text.lastIndexOf('\n', index) + 1;
      const breakAt = text.indexOf('\n', index);
      if (breakAt - lineStart < 50 && !/[&-]\s*$|\boch\s*$/.test(text.slice(lineStart, breakAt))) {
        const rest = text.slice(breakAt + 1, m.index + m.length).trim().split(/\s+/);
        if (rest.length < 2) continue;
        index = breakAt + 1 + (text.slice(breakAt + 1).length - text.slice(breakAt + 1).trimStart().length);
        words = rest;
      }
    }
    // A unit named with its owner: "Energikontoret Region Västerbotten", "Socialförvaltningen Borås Stad".
    if (group === 'word' || group === 'inst') { const owner = UNIT_OWNER.exec(text.slice(m.index + m.length)); if (owner) words.push(...owner[1]!.split(/\s+/)); }
    if (group === 'company' || group === 'assoc' || group === 'fund') { const f = words.findIndex((w) => FUNCTION_WORD.test(w) && w !== 'i' && w !== 'och'); if (f >= 0) continue; }
    hits.push({ name: words.join(' ').replace(/\s*&\s*/g, ' & '), index, kind: group === 'word' && /departementet$/.test(value) ? 'departement' : KIND[group]! });
  }
  return hits;
}
