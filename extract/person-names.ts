/**
 * Finding person names in Swedish minutes. A name is a first name (from data/first-names.json, or
 * any capitalised word where the layout says a name stands there) followed by one to three surnames,
 * initials or particles: "Maria S Hallberg", "Johanna Berglind de Backer", "Åsa Hååkman-Eriksson".
 * A capitalised phrase is not a name because it is capitalised: "Gustaf Fröding Hotell" and
 * "Region Värmland" are rejected by the words around them.
 */
import { firstNameSet, partyCodes } from '../lib/reference-data.ts';
import { normaliseOrganisation } from './organisations.ts';
import { TITLE_HEADS } from '../lib/swedish-documents.ts';

/** A capitalised word after its capital. */
const WORD_REST = String.raw`[\p{Ll}]+(?:-[\p{Lu}][\p{Ll}]+)?`;
const WORD = String.raw`[\p{Lu}]${WORD_REST}`;
const PART = String.raw`(?:[\p{Lu}]\.?(?=\s)|(?:de|De|af|von|van|der|la)\s+${WORD}|${WORD})`;
// (The word start is tested after the first capital, not before it: V8 tries a leading look behind at every position.)
const NAME = new RegExp(String.raw`([\p{Lu}](?<![\p{L}\-].)${WORD_REST})((?:\s+${PART}){1,3})(?![\p{L}])`, 'gu');

/** Words that make a capitalised phrase an organisation or place, not a person. */
const NOT_NAME_WORDS = new Set([
  'Region', 'Regionen', 'Kommun', 'Kommuns', 'Kommunen', 'Län', 'Läns', 'Hotell', 'Hotel', 'Conference', 'Center', 'Centre', 'Stiftelsen',
  'Universitet', 'Universitetet', 'Verket', 'Myndigheten', 'Länsstyrelsen', 'Sverige', 'Sveriges', 'Norge', 'Skolverket', 'Trafikverket',
  'Migrationsverket', 'Arbetsförmedlingen', 'Airport', 'Gymnasium', 'Skola', 'Skolan', 'Kyrka', 'Kyrkan', 'Torg', 'Torget', 'Gatan', 'Vägen',
  'Teams', 'Zoom', 'Skype', 'Youtube', 'Facebook', 'Dagens', 'Nyheter', 'Svenska', 'Dagbladet', 'Rådet', 'Råd', 'Nämnd', 'Styrelsen',
  // Places and buildings: "Tjolöholms Slott", "Hede Station", "Kungsbacka Bibliotek".
  'Slott', 'Slottet', 'Museum', 'Museet', 'Konstmuseum', 'Bibliotek', 'Biblioteket', 'Station', 'Stationen', 'Centrum', 'Hamn', 'Hamnen',
  'Sjukhus', 'Sjukhuset', 'Stad', 'Staden', 'Kommunalförbund', 'Kommunalförbundet', 'Samordningsförbund', 'Samordningsförbundet', 'Vårdcentral', 'Vårdcentralen', 'Arena', 'Badhus', 'Badhuset', 'Stadshus', 'Stadshuset', 'Kommunhus', 'Kommunhuset',
  'Punkt', 'Bilaga', 'Dag', 'Datum', 'Tid', 'Plats', 'Sekreterare', 'Ordförande', 'Justerare', 'Justeras', 'Närvarande', 'Frånvarande',
  'Ledamöter', 'Ersättare', 'Övriga', 'Inbjudna', 'Politiker', 'Nytt', 'Nya', 'Mötet', 'Hela', 'Kommunstyrelsens', 'Regionstyrelsens',
  // Labels and table headers of protocols: "Erik Norinder Paragrafer § 1-14", "Namn Parti Roll".
  'Paragrafer', 'Paragraf', 'Föredragande', 'Ordinarie', 'Namn', 'Parti', 'Roll', 'Beslut', 'Beslutande', 'Underskrifter', 'Protokolljusterare', 'Tjänstepersoner', 'Tjänstgörande',
  // Company words: "Visma Consulting", "Visma Underskriftstjänst".
  'AB', 'Consulting', 'Group', 'Underskriftstjänst', 'Stiftelse', 'Förening', 'Föreningen', 'Förbund', 'Förbundet', 'Klubb', 'Klubben',
]);
/** Titles written before a name in run-together lists ("Verksamhetsledare", "Administratör", "Controller"). */
const ROLE_NOUN = new RegExp(`(?:${TITLE_HEADS})$`, 'iu');
/** Words that follow a place or institution named after a person ("Gustaf Fröding Hotell", "Frödingsskolan"). */
const FOLLOWED_BY_PLACE = /^\s*(Hotell|Hotel|Conference|Center|skolan|gymnasiet|gatan|vägen|salen|Arena|AB|Airport|\p{Ll}*(?:fond|fonden|stiftelse|stipendium|stipendiet|pris|priset))(?![\p{L}])/u;
/** …or come before it ("Quality Hotel Selma Lagerlöf", "Stiftelsen Anna Ek"). */
const PRECEDED_BY_PLACE = /(?:Hotel|Hotell|Restaurang|Café|Kafé|Villa|Stiftelsen|Föreningen|Fonden|Priset|Skolan|Teatern)\s+$/u;
/** A last word with the head of an institution's name makes the phrase that institution: "Fredrika Bremerförbundet", "Carl Larssongården". */
const INSTITUTION_HEAD = /(?:förbundet|föreningen|skolan|gymnasiet|stiftelsen|institutet|sällskapet|huset|centret|salen|gården|parken|torget|gatan|vägen|priset|fonden|akademien)$/u;

/** What is named in a person's genitive ("Anders Brattströms stipendiefond", "Elof Lindälvs gymnasium"): the thing, not the person. */
const NAMESAKE = /^\s+\p{Ll}*(?:fond|fonden|stipendium|stipendiet|gymnasium|gymnasiet|skola|skolan|pris|priset|stiftelse|minne)(?![\p{L}])/u;

export interface NameHit { name: string; index: number; end: number }

/**
 * Names in a text. `anyFirstName` accepts an unknown capitalised first word too: for attendance
 * lists and speaker lines, where the layout already says that names stand there.
 */
/** A word that can open a name: a known first name, or with `anyFirstName` any word but a party code, a non-name or a title. */
function canOpenName(w: string, first: Set<string>, anyFirstName: boolean): boolean {
  return first.has(w) || (anyFirstName && !partyCodes().has(w) && !NOT_NAME_WORDS.has(w) && !ROLE_NOUN.test(w));
}

export function findNames(text: string, opts: { anyFirstName?: boolean } = {}): NameHit[] {
  const first = firstNameSet();
  const anyFirstName = opts.anyFirstName === true;
  const hits: NameHit[] = [];
  // The one pattern, from the start (nothing this loop calls finds names).
  const re = NAME;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let words = [m[1]!, ...m[2]!.trim().split(/\s+/)];
    // "Coompanion Alexander Zuniga", "Administratör Sofia Nordström": the name starts at the known
    // first name after the first word: try again from the next word. Two words before a known
    // first name are a name of their own ("Niclas Nilsson Sofie Axelsson").
    const laterFirst = words.length > 2 && first.has(words[1]!) && !first.has(words[0]!) ? 1 : -1;
    if (!canOpenName(words[0]!, first, anyFirstName) || laterFirst > 0) { re.lastIndex = m.index + words[0]!.length; continue; }
    // Cut at a word that cannot be in a name ("Malin Wikner Region …"), and between two run-together
    // names ("Jenny Dahlin Lars Sätterberg"): a known first name after a complete name starts the next one.
    let cut = words.findIndex((w, i) => i > 0 && (NOT_NAME_WORDS.has(w) || ROLE_NOUN.test(w)));
    if (cut < 0) cut = words.findIndex((w, i) => i >= 2 && first.has(w) && i + 1 < words.length);
    if (cut > 0) words = words.slice(0, cut);
    words = words.slice(0, nameLength(words));
    // "Sofie Axelsson Kungsbacka kommun": the place of an organisation is no surname.
    if (words.length > 2 && /^\s+(kommuns?|stad|läns?|kommune)(?![\p{L}])/u.test(m.input.slice(m.index + words.join(' ').length))) words = words.slice(0, -1);
    const name = words.join(' ');
    const end = m.index + name.length;
    re.lastIndex = end;
    if (words.length < 2 || /^[\p{Lu}]\.?$/u.test(words.at(-1)!)) continue;
    // "Röda Korset Värmland" in a list of names is an organisation.
    if (!first.has(words[0]!) && (normaliseOrganisation(name) || normaliseOrganisation(words.slice(0, 2).join(' ')))) continue;
    // "i Västra Götalands län", "inom Norra Skaraborg": an unknown first word after a preposition, or before "län"/"kommun", is a place.
    if (!first.has(words[0]!) && (/(?<![\p{L}])(?:i|på|vid|inom)\s+$/u.test(text.slice(Math.max(0, m.index - 6), m.index)) || /^\s+(?:läns?|kommuns?|stad)(?![\p{L}])/u.test(text.slice(end)))) continue;
    if (FOLLOWED_BY_PLACE.test(text.slice(end)) || INSTITUTION_HEAD.test(words.at(-1)!) || PRECEDED_BY_PLACE.test(text.slice(Math.max(0, m.index - 12), m.index)) || (name.endsWith('s') && NAMESAKE.test(text.slice(end)))) continue;
    hits.push({ name, index: m.index, end });
  }
  return hits;
}

const PARTICLE = /^(de|De|af|von|van|der|la)$/;

/**
 * Where a run of name words ends when two names stand together without a known first name between
 * them: a surname with a particle closes a name ("Kerstin af Jochnick | Henry Ohlsson"), and four
 * plain words are two names ("Christina Hermansson | Somayeh Jamshidi"): no name in the gold has
 * four plain words, while two-part surnames keep three ("Cindia Escalante Mattsson").
 */
function nameLength(words: string[]): number {
  const particle = words.findIndex((w, i) => i > 0 && PARTICLE.test(w));
  if (particle > 0) return particle + 2;
  return words.length === 4 && !words.some((w) => /^[\p{Lu}]\.?$/u.test(w)) ? 2 : words.length;
}

/**
 * `bracket`: what stands in brackets right after the name when it is no party code ("Olof Olsson
 * (Svensk nationell datatjänst)"); `after`: all the text up to the next name ("(§ 1-3A)", ", controller §§ 1-10").
 */
export interface ListedPerson { name: string; party: string | null; descriptor: string; index: number; bracket: string | null; after: string }

/**
 * A run of names with what follows each: "Anna Tyrén, Coompanion Alexander Zuniga, Hela Sverige
 * skall leva", "Sofia Magnusson (S), ordförande Marie Persson (C)", "Stina Höök och Malin Wikner,
 * Region Värmland". The descriptor of a name is the text up to the next name.
 */
export function parseNameList(text: string, opts: { anyFirstName?: boolean } = {}): ListedPerson[] {
  const hits = findNames(text, opts);
  return hits.map((h, i) => {
    const rest = text.slice(h.end, hits[i + 1]?.index ?? text.length);
    const party = /^\s*\(([A-Za-zÅÄÖåäö]{1,4})\)/.exec(rest);
    const code = party && partyCodes().has(party[1]!.toUpperCase()) ? party[1]!.toUpperCase() : null;
    const bracket = code ? null : /^\s*\(([^()]{2,60})\)/.exec(rest)?.[1]!.trim() ?? null;
    // Only what follows a comma (or a party code and a comma) describes the person: "Irén Lejegren hälsade …" has no descriptor.
    const described = /^\s*(\([^)]*\))?\s*[,:–-]/.test(rest) || /^\s*\t/.test(rest);
    const descriptor = !described ? '' : rest
      .replace(/^\s*\([^)]*\)/, '')
      .replace(/\((?:punkt|§)[^)]*\)/gi, '')
      .replace(/^(?:[\s,:;–-]|och\b|samt\b)+/i, '')
      .replace(/(?:[\s,:;–-]|\boch|\bsamt)+$/i, '')
      .trim();
    return { name: h.name, party: code, descriptor, index: h.index, bracket, after: rest };
  });
}

const ROLE_WORDS = /^(vice ordförande|ordförande|ordf\.?|vice ordf\.?|sekreterare|justerare|ersättare|ledamot|kommundirektör|regiondirektör|bitr\.? regiondirektör|kommunchef|föredragande|administratör|koordinator|handläggare|strateg|rektor|processledare|moderator|[\p{L}-]*(?:chef|direktör|ledare|strateg|samordnare|utvecklare|sekreterare|koordinator|ansvarig|handläggare))\b/iu;

/** Splits "Kommunstyrelsens ordförande", "Verksamhetsledare Värmlands idéburna", "Region Värmland" into role and organisation. */
export function splitDescriptor(descriptor: string): { role: string | null; organisation: string | null } {
  const d = descriptor.replace(/\s+/g, ' ').trim();
  if (!d) return { role: null, organisation: null };
  const parts = d.split(/,\s*/);
  let role: string | null = null;
  const orgs: string[] = [];
  for (const part of parts) {
    const roleMatch = ROLE_WORDS.exec(part) ?? /^(\p{L}+s (?:ordförande|ordf\.?))\b/iu.exec(part);
    if (roleMatch && !role) {
      role = normaliseRole(roleMatch[1]!);
      const rest = part.slice(roleMatch[0].length).replace(/^[\s.]*((i|för|vid|på)\s+)?/i, '').trim();
      if (rest && /^\p{Lu}/u.test(rest)) orgs.push(rest);
    } else if (/^\p{Lu}/u.test(part)) {
      orgs.push(part);
    } else {
      // A lower-case clause ("konstaterar att …") ends the description.
      break;
    }
  }
  return { role, organisation: orgs.at(-1) ?? null };
}

function normaliseRole(role: string): string {
  const r = role.toLowerCase().replace(/\s+/g, ' ');
  if (/^(ordf\.?|.*s ordf\.?)$/.test(r)) return r.replace(/ordf\.?$/, 'ordförande');
  if (/^vice ordf\.?$/.test(r)) return 'vice ordförande';
  return r;
}
