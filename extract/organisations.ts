/**
 * Organisations with a kind: municipalities (all 290, normalised to their official name, so
 * "Karlstad kommun" and "Karlstads kommun" are one), regions, agencies, councils and committees,
 * associations and companies. Names come from data/*.json; committees also by their form.
 */
import type { Organisation } from '../lib/schema.ts';
import type { PersonContext } from './context.ts';
import { by, perDocument, runRules, type Finding, type Rule } from './rules.ts';
import { ATTENDANCE_BLOCK_RULE } from './attendance-block.ts';
import { firstNameSet, knownBodies, knownOrganisations, municipalityList, partyCodes } from '../lib/reference-data.ts';
import { recipientLists, recipientNames } from './recipients.ts';
import { organisationsByForm } from './organisation-forms.ts';
import { matchesOf } from '../lib/text.ts';
import { TOC_LINE } from './protocol-items.ts';
import { findNames } from './person-names.ts';
import { TITLE_HEADS } from '../lib/swedish-documents.ts';

/** A name that is an acronym: two to six letters, at least two of them capitals ("SKR", "SiS", "FoHM"). */
const ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}][\p{L}]{1,5}$/u;
const byLength = (a: string, b: string) => b.length - a.length;

/** Known names by their first word (letters and digits up to the first other character), longest first. */
type KnownIndex = Map<string, { alias: string; group: 'muni' | 'known' | 'acr' }[]>;
interface Gazetteer { pattern: RegExp; lookup: Map<string, { name: string; kind: string }>; byFirst: KnownIndex; runs: RegExp }

let gazetteer: Gazetteer | undefined;
function compile(): Gazetteer {
  if (gazetteer) return gazetteer;
  const lookup = new Map<string, { name: string; kind: string }>();
  const byFirst: KnownIndex = new Map();
  // A municipality ("X kommun") before a known name, then the longest name first, as an alternation would try them.
  const rank = { muni: 0, known: 1, acr: 1 };
  const index = (alias: string, group: 'muni' | 'known' | 'acr') => {
    const first = /^[\p{L}\d]+/u.exec(alias)?.[0];
    if (!first) return;
    const list = byFirst.get(first) ?? [];
    if (!list.some((x) => x.alias === alias && x.group === group)) list.push({ alias, group });
    byFirst.set(first, list.sort((a, b) => rank[a.group] - rank[b.group] || byLength(a.alias, b.alias)));
  };
  const add = (alias: string, name: string, kind: string) => {
    lookup.set(alias.toLowerCase(), { name, kind });
    index(alias, ACRONYM.test(alias) ? 'acr' : 'known');
  };
  for (const m of municipalityList()) index(m.name, 'muni');
  for (const o of knownOrganisations()) {
    // A name that is a common word is known for normalising, and found by its context (organisationCommonWord).
    if (o.commonWord) lookup.set(o.name.toLowerCase(), { name: o.name, kind: o.kind });
    // A council's acronym ("KF") is known here; its name by its form (the organ rule).
    for (const a of o.kind === 'organ' || o.commonWord ? o.aliases : [o.name, ...o.aliases]) {
      add(a, o.name, o.kind);
      // Swedish writes a name with its first word capitalised or every word: "Sveriges kommuner och regioner".
      const firstCapital = a.replace(/(?<=\s)\p{Lu}(?=\p{Ll})/gu, (c) => c.toLowerCase());
      if (firstCapital !== a) add(firstCapital, o.name, o.kind);
    }
  }
  for (const b of knownBodies()) for (const a of b.aliases) if (!/^(kommunstyrelsen|kommunfullmäktige|regionstyrelsen|regionfullmäktige|direktionen)$/i.test(a)) add(a, b.name, 'organ');
  // One word-start check for the alternatives. Municipalities and known names are looked up by their
  // first word instead (knownHits): as one alternation of 1 000 names they made extraction a third slower.
  const pattern = new RegExp(String.raw`(?<![\p{L}-])(?:` + [
    String.raw`(?<lst>[Ll]änsstyrelsen\s+i\s+(?:[\p{Lu}][\p{L}]+\s+){1,2}län)s?(?![\p{L}])`,
    // The short form a county board uses of itself: "Länsstyrelsen Västra Götaland", "Länsstyrelsen Skåne"
    String.raw`(?<lstshort>Länsstyrelsen\s+[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+)?)(?![\p{L}])`,
    // Committees and councils by their form: "Kollektivtrafiknämnden", "Kommunstyrelsen", "Regionala utvecklingsnämnden".
    String.raw`(?<organ>(?:Regionala\s+|Regional\s+)?[\p{Lu}][\p{Ll}-]*(?:nämnden|nämnd|styrelsen|fullmäktige|beredningen|utskottet))(?![\p{L}])`,
    // Written in lower case mid-sentence: "föreslår kommunfullmäktige", "kollektivtrafiknämnden har fattat beslut".
    String.raw`(?<lower>(?:[Hh]älso-\s+och\s+|[Kk]ultur-\s+och\s+|[Rr]egionala\s+)?(?:kommun|region)?[\p{Ll}]*(?:nämnden|fullmäktige|kommunstyrelsen|regionstyrelsen))(?![\p{L}])`,
  ].join('|') + ')', 'gu');
  return (gazetteer = { pattern, lookup, byFirst, runs: runsOfKeys([...byFirst.keys()]) });
}

/** A hit of the lexicon in a text: which kind of name (the alternative or the known list) and where. */
export interface LexiconHit { group: 'muni' | 'lst' | 'lstshort' | 'known' | 'acr' | 'organ' | 'lower'; value: string; index: number; text: string }

/** A name in the genitive is the name: "Europeiska kommissionens förslag", "Riksbankens". */
const KNOWN_END = /^s?(?![\p{L}])/u;
/** "Karlstad kommun", "Karlstads kommun", "Göteborgs stad". */
const MUNI_END = /^s?\s+(?:kommuns?|[Ss]tad)(?![\p{L}])/u;
/**
 * An acronym written alone ("SKR", "enligt MSB", "EU:s"), not the first part of a compound ("EU-nivå"),
 * nor a case number's prefix ("KS-2024-00012", "KS 2024/12"), nor a word among capitals ("BESLUT OM EU").
 */
const ACRONYM_END = /^(?::s|s)?(?![\p{L}\d-]|\s?[-–/]?\s?\d|\s\p{Lu}{2})|^(?![\p{L}\d-]|\s?[-–/]?\s?\d|\s\p{Lu}{2})/u;
/**
 * The runs of letters and digits (whole, as /[\p{L}\d]+/ finds them) that `knownHits` looks up: those
 * that start like a key of `byFirst`, where the key starts with a capital or a digit (a word whose first
 * character starts no known name needs no lookup, and most words start in lower case); of the few keys
 * in lower case ("regeringen", "länsstyrelsen") only the key itself or its genitive, the only runs
 * the lookup finds for it.
 * (The first character is tested before the look behind at the run's start, which is the dearer test.)
 */
function runsOfKeys(keys: string[]): RegExp {
  const escape = (c: string) => c.replace(/[\\\]^-]/g, '\\$&');
  const lower = keys.filter((k) => /^\p{Ll}/u.test(k));
  const set = [...new Set(keys.filter((k) => !lower.includes(k)).map((k) => k[0]!))].map(escape).join('');
  const byChar = new Map<string, string[]>();
  for (const k of lower) byChar.set(k[0]!, [...(byChar.get(k[0]!) ?? []), k.slice(1)]);
  const lowerRuns = [...byChar].map(([c, rests]) => String.raw`${escape(c)}(?<![\p{L}\d].)(?:${rests.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})s?(?![\p{L}\d])`);
  return new RegExp([...(set ? [String.raw`[${set}](?<![\p{L}\d].)[\p{L}\d]*`] : []), ...lowerRuns].join('|') || '(?!)', 'gu');
}

/**
 * The length of `alias` as written at `at` in `text`, a space of the name standing for any run of
 * white space (a name cut by a line break: "Sveriges\nkommuner och regioner"), or -1.
 */
function spacedPrefix(text: string, alias: string, at: number): number {
  if (text.startsWith(alias, at)) return alias.length;
  if (!alias.includes(' ')) return -1;
  let same = 0;
  while (text.charCodeAt(at + same) === alias.charCodeAt(same)) same++;
  // Most candidates differ in a letter, not in the white space between the words.
  if (alias[same] !== ' ' && alias[same - 1] !== ' ') return -1;
  let t = at;
  for (let a = 0; a < alias.length; a++) {
    if (alias[a] === ' ') {
      if (!/\s/.test(text[t] ?? '')) return -1;
      while (/\s/.test(text[t] ?? '')) t++;
    } else if (text[t++] !== alias[a]) return -1;
  }
  return t - at;
}

/** Known names and acronyms, longest first at each word start, as an alternation would find them. */
function knownHits(text: string, { byFirst, runs }: Gazetteer): LexiconHit[] {
  const hits: LexiconHit[] = [];
  let from = 0;
  for (const m of matchesOf(runs, text)) {
    if (m.index < from || text[m.index - 1] === '-') continue;
    const run = m[0];
    // The run may be a genitive ("Karlstads kommun", "Skolverkets"): both readings are candidates.
    const exact = byFirst.get(run);
    const genitive = run.endsWith('s') ? byFirst.get(run.slice(0, -1)) : undefined;
    const candidates = exact && genitive ? [...genitive.filter((c) => c.group === 'muni'), ...exact, ...genitive.filter((c) => c.group !== 'muni')] : exact ?? genitive;
    if (!candidates) continue;
    for (const { alias, group } of candidates) {
      const length = spacedPrefix(text, alias, m.index);
      if (length < 0) continue;
      const end = (group === 'acr' ? ACRONYM_END : group === 'muni' ? MUNI_END : KNOWN_END).exec(text.slice(m.index + length, m.index + length + 12));
      if (!end || (group === 'acr' && /\p{Lu}{2}\s$/u.test(text.slice(Math.max(0, m.index - 3), m.index)))) continue;
      hits.push({ group, value: alias, index: m.index, text: text.slice(m.index, m.index + length) + end[0] });
      from = m.index + length + end[0].length;
      break;
    }
  }
  return hits;
}

/** Every alternative of the lexicon's pattern ends in one of these: a far cheaper test than the pattern, which most blocks fail. */
const ALTERNATIVES_NEED = /nämnd|styrelsen|fullmäktige|beredningen|utskottet/;

/** The alternatives' hits and the known names', leftmost first and in the alternatives' order where two start together. */
function lexiconIn(text: string): LexiconHit[] {
  const gazetteer = compile();
  const order = ['muni', 'lst', 'lstshort', 'known', 'acr', 'organ', 'lower'];
  const all = [...(ALTERNATIVES_NEED.test(text) ? [...matchesOf(gazetteer.pattern, text)] : []).map((m): LexiconHit => {
    const [group, value] = Object.entries(m.groups!).find(([, v]) => v !== undefined)!;
    return { group: group as LexiconHit['group'], value, index: m.index, text: m[0] };
  }), ...knownHits(text, gazetteer)].sort((a, b) => a.index - b.index || order.indexOf(a.group) - order.indexOf(b.group));
  const out: LexiconHit[] = [];
  for (const h of all) if (!out.length || h.index >= out.at(-1)!.index + out.at(-1)!.text.length) out.push(h);
  return out;
}

const municipalityByName = () => new Map(municipalityList().map((m) => [m.name.toLowerCase(), m]));
let munis: ReturnType<typeof municipalityByName> | undefined;

/** The official municipality for "Karlstad", "Karlstads kommun", "Karlstad kommun", else null. */
export function municipality(text: string): string | null {
  munis ??= municipalityByName();
  const m = /^(.+?)s?(?:\s+(?:kommuns?|stad))?$/u.exec(text.trim());
  const base = m?.[1]?.toLowerCase() ?? '';
  return (munis.get(text.trim().toLowerCase()) ?? munis.get(base) ?? munis.get(text.trim().replace(/s?\s+(kommuns?|stad)$/i, '').toLowerCase()))?.official ?? null;
}

/** One canonical name for an organisation as persons' descriptors and the text write it. */
export function normaliseOrganisation(name: string): { name: string; kind: string } | null {
  const muni = municipality(name);
  if (muni) return { name: muni, kind: muni.startsWith('Region') ? 'region' : 'kommun' };
  return compile().lookup.get(name.trim().toLowerCase()) ?? null;
}

/** Words that name no organisation by themselves: "Nämnden beslutar …" is the document's own organ. */
const GENERIC = /^(nämnden|styrelsen|fullmäktige|utskottet|arbetsutskottet|presidiet|rådet|förvaltningen|avdelningen|kontoret|kansliet|myndigheten|föreningen|förbundet|stiftelsen|direktionen)$/i;

type OrgInput = Pick<PersonContext, 'blocks' | 'plain' | 'blockSection' | 'persons' | 'meta'>;
type Found = Finding<Organisation>;

/** One scan of every block with the lexicon's pattern, shared by the rules that read its groups. */
const lexiconHits = perDocument((ctx: Pick<OrgInput, 'plain'>) => ctx.plain.map(lexiconIn));

/**
 * The naming forms' hits in every block, shared by the lexicon (which yields to a longer name) and the naming-form rule.
 * A contents page's lines are left out: they repeat the items' titles, cut where a title wraps ("… Tempohus" / "Kungsbacka AB ....... 33").
 */
const formHits = perDocument((ctx: Pick<OrgInput, 'plain'>) => ctx.plain.map((text) => (TOC_LINE.test(text.slice(-120)) ? [] : organisationsByForm(text))));

/** A lexicon hit inside a longer name of a naming form is part of that name: "Göteborgsregionens Nämndemannaförening". */
const insideLongerName = (forms: ReturnType<typeof organisationsByForm>, m: LexiconHit) =>
  forms.some((h) => h.index <= m.index && h.index + h.name.length >= m.index + m.text.length && h.name.length > m.text.length);

const evidenceAt = (ctx: Pick<OrgInput, 'blocks' | 'plain' | 'blockSection'>, i: number, index: number) =>
  ({ page: ctx.blocks[i]!.page, section: ctx.blockSection[i] ?? null, quote: quoteAround(ctx.plain[i]!, index) });

/** Names the lexicon knows (data/organisations.json, bodies, the 290 municipalities, "Länsstyrelsen i … län"), in their known form. */
export const organisationLexicon: Rule<Organisation, OrgInput> = {
  id: 'organisation-lexicon', field: 'organisations',
  run: (ctx) => lexiconHits(ctx).flatMap((hits, i) => hits.flatMap((m): Found[] => {
    if (m.group === 'organ' || m.group === 'lower' || insideLongerName(formHits(ctx)[i]!, m) || isElection(ctx.plain[i]!, m)) return [];
    const evidence = by(organisationLexicon, evidenceAt(ctx, i, m.index));
    const at = [i, 0, m.index];
    if (m.group === 'muni') return [{ value: { name: municipality(m.value) ?? `${m.value} kommun`, kind: 'kommun', evidence }, at }];
    if (m.group === 'lst') return [{ value: { name: m.value.replace(/\s+/g, ' '), kind: 'myndighet', evidence }, at }];
    // "Länsstyrelsen Västra Götalands beslut": the genitive of the name.
    if (m.group === 'lstshort') return [{ value: { name: m.value.replace(/\s+/g, ' ').replace(/s$/, (x) => (/^\s+\p{Ll}/u.test(ctx.plain[i]!.slice(m.index + m.text.length)) ? '' : x)), kind: 'myndighet', evidence }, at }];
    const o = compile().lookup.get(m.value.toLowerCase())!;
    return [{ value: { name: localUnit(ctx.plain[i]!, m, o) ?? o.name, kind: o.kind, evidence }, at }];
  })),
};

/**
 * A local part of a known body is named as written: a company's or association's branch by its
 * place ("PostNord Kungsbacka", "Röda Korset Karlstad", "Svenska kyrkan i Kungsbacka"), a local
 * council after "Lokala" ("Lokala BRÅ").
 */
function localUnit(text: string, m: LexiconHit, o: { kind: string }): string | null {
  if (/[Ll]okala?\s+$/.test(text.slice(Math.max(0, m.index - 7), m.index))) return `Lokala ${m.value}`;
  if (o.kind !== 'foretag' && o.kind !== 'forening') return null;
  // (an association's branch also "i" its place, but not a company's "i Kungsbacka kommun")
  const place = /^ ((?:i )?)(\p{Lu}\p{Ll}+)(?![\p{L}])(?!\s+(?:kommun|stad)(?![\p{L}]))/u.exec(text.slice(m.index + m.text.length));
  return place && (!place[1] || o.kind === 'forening') && municipality(place[2]!) ? `${m.value} ${place[1]}${place[2]}` : null;
}

/** A general election is named by its assembly: "vid val till riksdag, kommun- och regionfullmäktige", "valet till Europaparlamentet". */
const ELECTION_BEFORE = /(?<![\p{L}])val(?:et)?\s+till\s+(?:[\p{L}-]+(?:,\s*|\s+och\s+|\s+))*$/iu;
const ELECTED = /^(?:riksdag(?:en)?|europaparlamentet|(?:kommun|region|landstings)?fullmäktige)$/iu;
const isElection = (text: string, m: LexiconHit) => ELECTED.test(m.value) && ELECTION_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index));

const MONTH_MEETING = /^(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)(?:nämnden|fullmäktige|styrelsen)$/iu;

/** A committee named with its area ("Patientnämnden Halland", "Överförmyndarnämnden i Varberg"). */
const AREA_NAME = /^\p{Lu}\p{Ll}+nämnden\s/u;
const OWNER_AFTER = /^\s+i\s+(Region\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?|\p{Lu}[\p{L}-]+\s+(?:kommun|[Ss]tad))(?![\p{L}])/u;

/** Committees and councils by their form ("Kollektivtrafiknämnden", "föreslår kommunfullmäktige"). */
export const organisationOrganForm: Rule<Organisation, OrgInput> = {
  id: 'organisation-organ-form', field: 'organisations',
  run: (ctx) => lexiconHits(ctx).flatMap((hits, i) => hits.flatMap((m): Found[] => {
    // "Barn- och utbildningsnämnden", "Europeiska systemrisknämnden": the organ's word is the end of a longer name.
    if ((m.group === 'organ' || m.group === 'lower') && insideLongerName(formHits(ctx)[i]!, m)) return [];
    // "revisorerna på majnämnden": a month's meeting, not a body; "val till riksdag, kommun- och regionfullmäktige": an election.
    if (MONTH_MEETING.test(m.value) || isElection(ctx.plain[i]!, m)) return [];
    let name = m.group === 'organ' ? m.value.replace(/\s+/g, ' ') : m.group === 'lower' ? m.value.replace(/\s+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : null;
    // Another owner's organ is named with it: "Regionstyrelsen i Region Halland", "Socialnämnden i Varbergs kommun" (the own municipality's is the organ alone).
    const owner = name && m.group === 'organ' ? OWNER_AFTER.exec(ctx.plain[i]!.slice(m.index + m.text.length)) : null;
    if (owner && owner[1] !== ctx.meta.organisation) name = `${name} i ${owner[1]}`;
    return name ? [{ value: { name, kind: 'organ', evidence: by(organisationOrganForm, evidenceAt(ctx, i, m.index)) }, at: [i, 0, m.index] }] : [];
  })),
};

/** Names by their Swedish and Norwegian naming forms (organisation-forms.ts), where the lexicon matched nothing at the same place. */
export const organisationNamingForm: Rule<Organisation, OrgInput> = {
  id: 'organisation-naming-form', field: 'organisations',
  run: (ctx) => lexiconHits(ctx).flatMap((hits, i) => formHits(ctx)[i]!
    // A name the lexicon matched at the same place is already there, in its known form (unless this one is longer).
    .filter((h) => !hits.some((m) => h.index >= m.index && h.index < m.index + m.text.length && !insideLongerName([h], m)))
    .map((h): Found => {
      const known = normaliseOrganisation(h.name);
      return { value: { name: known?.name ?? h.name, kind: known?.kind ?? h.kind, evidence: by(organisationNamingForm, evidenceAt(ctx, i, h.index)) }, at: [i, 1, h.index] };
    })),
};

let commonWords: { pattern: RegExp; need: RegExp } | undefined;
function commonWordPattern(): { pattern: RegExp; need: RegExp } {
  if (commonWords) return commonWords;
  const word = `(?:${knownOrganisations().filter((o) => o.commonWord).map((o) => o.name).join('|')})`;
  const union = `(?:${word}|Vårdförbundet|Akademikerförbundet SSR|Sveriges [Ll]ärare|Lärarförbundet|Unionen|Saco|Sveriges Ingenjörer|Fackförbundet \\p{Lu}\\p{Ll}+)`;
  // The name ends its phrase: a mark, the line's end, a verb, or "och" before a lower-case word or another union (not "Transport och Logistik").
  const ends = String.raw`(?=[^\S\n]*(?:[,;|)]|\.(?!\d)|\n|$)|\s+(?:och|samt|eller)\s+(?:\p{Ll}|${union}(?![\p{L}]))|\s+(?:har|hade|är|var|som|ska|kommer|deltar|informerar)\s)`;
  const pattern = new RegExp(String.raw`(?<![\p{L}\d-])(?:` + [
    // after a person on its line, or in a table's next cell ("Frida Hagelin, Kommunal", "Anna Ek | Vision")
    String.raw`(?<=(?:^|\n)[^\S\n]*\p{Lu}[\p{L}-]+(?:[^\S\n]+\p{Lu}[\p{L}-]+)+[^\S\n]*(?:,|\s\|)[^\S\n]*)(?<person>${word})${ends}`,
    // in brackets after a person ("Eva Berg (Vision)")
    String.raw`(?<=\p{Lu}[\p{L}-]+[^\S\n]+\p{Lu}[\p{L}-]+[^\S\n]*\()(?<bracket>${word})(?=\))`,
    // in a list with another union ("Vårdförbundet och Vision", "Kommunal, Vision")
    String.raw`(?<=${union}(?:,\s*|\s+(?:och|samt)\s+))(?<listed>${word})${ends}`,
    String.raw`(?<before>${word})(?=(?:,\s*|\s+(?:och|samt)\s+)${union}(?![\p{L}]))`,
    // the subject of a sentence, a verb after it ("Kommunal har påtalat hög sjukfrånvaro.", "Vision kräver …")
    String.raw`(?<=(?:^|[.!?]\s+|\n))(?<subject>${word})(?=\s+(?:(?:har|hade)\s+\p{Ll}+ts?|anser|ansåg|menar|kräver|krävde|påtalar|påtalade|framför|framförde|framhåller|yrkar|begär|begärde|välkomnar)[\s,.])`,
    // after a preposition mid-sentence ("förhandling med Kommunal.")
    String.raw`(?<=(?<![\p{L}])(?:med|från|för|till|av|hos|inom|mellan|och|samt)\s+)(?<after>${word})${ends}`,
  ].join('|') + String.raw`)(?![\p{L}\d-])`, 'gu');
  return (commonWords = { pattern, need: new RegExp(word) });
}

/**
 * Organisations whose name is a common word ("Kommunal", "Vision", "Transport"), where the context
 * makes it a name: after a person on a line of its own ("Frida Hagelin, Kommunal", a table's
 * "Anna Ek | Vision"), in brackets after a person ("Eva Berg (Kommunal)"), in a list with another
 * such union or a known one ("Kommunal och Vision", "Vision, Vårdförbundet"), or capitalised after a
 * preposition mid-sentence and ending its phrase ("förhandling med Kommunal."), or a sentence's
 * subject before its verb ("Kommunal har påtalat …"). Not "Kommunal vuxenutbildning", "EDP Vision", "Vision 2030".
 */
export const organisationCommonWord: Rule<Organisation, OrgInput> = {
  id: 'organisation-common-word', field: 'organisations',
  run: (ctx) => {
    const { pattern, need } = commonWordPattern();
    return ctx.plain.flatMap((text, i): Found[] => (!need.test(text) ? [] : [...matchesOf(pattern, text)].map((m) => {
      const o = compile().lookup.get(m[0].toLowerCase())!;
      return { value: { name: o.name, kind: o.kind, evidence: by(organisationCommonWord, evidenceAt(ctx, i, m.index)) }, at: [i, 3, m.index] };
    })));
  },
};

/** The bodies a decision is sent to ("Beslutet skickas till" / "Service Inköp, Service Fastighet"): named without a naming form. */
export const organisationRecipient: Rule<Organisation, OrgInput> = {
  id: 'organisation-recipient', field: 'organisations',
  run: (ctx) => {
    const persons = new Set(ctx.persons.map((p) => p.name.toLowerCase()));
    // A person by the persons found, or by a known first name before one or two capitalised words.
    const isPerson = (name: string) => persons.has(name.toLowerCase()) || (/^\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{L}-]+){1,2}$/u.test(name) && firstNameSet().has(name.split(/\s+/)[0]!));
    return recipientLists(ctx.plain).flatMap(({ list, blockOf }): Found[] => {
      return recipientNames(list, isPerson).map((r) => {
        const known = normaliseOrganisation(r.name);
        // (a list over several blocks: the block that holds the name)
        const at = blockOf(r.name);
        return { value: { name: known?.name ?? r.name, kind: known?.kind ?? 'organisation', evidence: by(organisationRecipient, evidenceAt(ctx, at, ctx.plain[at]!.indexOf(r.name))) }, at: [at, 2, r.offset] };
      });
    });
  },
};

/** The document's own organisation (often only in its page header or letterhead). */
export const ownOrganisation: Rule<Organisation, OrgInput> = {
  id: 'own-organisation', field: 'organisations',
  run: ({ meta }) => {
    const o = meta.organisation ? normaliseOrganisation(meta.organisation) : null;
    return o ? [{ value: { ...o, evidence: by(ownOrganisation, { page: 1, section: null, quote: meta.organisation! }) }, at: [Infinity, 0] }] : [];
  },
};

/**
 * The organisations persons are listed with ("Anna Ek, Region Värmland"); one the lexicon does not
 * know only from an attendance list or block, where it stands in brackets ("Fanny Nilsson (EY)",
 * "Olof Olsson (Svensk nationell datatjänst)").
 */
export const organisationOfPerson: Rule<Organisation, OrgInput> = {
  id: 'organisation-of-person', field: 'organisations',
  run: ({ persons }) => persons.flatMap((p, k): Found[] => {
    const listed = p.evidence?.rule === ATTENDANCE_BLOCK_RULE || p.evidence?.rule === 'attendance-list' || p.evidence?.rule === 'attendance-table';
    const bracketed = listed && !!p.organisation && p.organisation.length >= 2 && p.evidence!.quote.includes(`(${p.organisation})`);
    const o = p.organisation ? normaliseOrganisation(p.organisation) ?? (bracketed ? { name: p.organisation, kind: 'organisation' } : null) : null;
    const own = o ? [{ value: { ...o, evidence: p.evidence && by(organisationOfPerson, p.evidence) }, at: [Infinity, 1, k] }] : [];
    // In an attendance entry every capitalised part after the name is where the person comes from:
    // "Linda Kärrman, Skaraborgs Sjukhus, Västra Götalandsregionen", "Ulf Nyberg (S), Borås Stad, vice ordförande".
    const entry = listed && p.evidence ? entryOrganisations(p.evidence.quote, p.name).filter((n) => n !== o?.name) : [];
    return [...own, ...entry.map((name) => ({ value: { ...(normaliseOrganisation(name) ?? { name, kind: 'organisation' as const }), evidence: by(organisationOfPerson, p.evidence!) }, at: [Infinity, 1, k] }))];
  }),
};

/**
 * The parts of an attendance entry after the person's name and party, up to the first part in lower
 * case (a title, "tjänstgör § 35") or with digits: each capitalised part of at most five words that
 * is no title ("Förbundsdirektör") is an organisation.
 */
export function entryOrganisations(quote: string, name: string): string[] {
  const at = quote.indexOf(name);
  if (at < 0) return [];
  const rest = quote.slice(at + name.length).split('\n')[0]!.replace(/^\s*\(\s*\p{Lu}{1,4}\s*\)/u, '');
  if (!/^\s*,/.test(rest)) return [];
  const out: string[] = [];
  for (const raw of rest.replace(/^\s*,\s*/, '').split(/\s*[,;]\s*/)) {
    const part = raw.replace(/[.]$/, '').trim();
    // (a union written small by a staff representative: "Linda Johansson, vårdförbundet")
    const known = /^\p{Ll}+$/u.test(part) ? normaliseOrganisation(part) : null;
    // (and the entry ends with it: "…, vårdförbundet, Henrik Hansson, kommunal" lists the next person after it)
    if (known?.kind === 'forening') { out.push(known.name); break; }
    if (!/^\p{Lu}/u.test(part) || /\d|§/.test(part) || part.split(/\s+/).length > 5 || !part.split(/\s+/).every((w) => /^(?:\p{Lu}|och$|för$|i$|&$)/u.test(w))) break;
    // ("LIA-student", "IT-chef", "HR-strateg": a title compounded with an acronym)
    // (nor the first name of the next entry: "…, vårdförbundet, Henrik" / "Hansson, kommunal")
    if (TITLE_WORD.test(part.split(/\s+/)[0]!) || /^\p{Lu}+-\p{Ll}/u.test(part) || findNames(part, { anyFirstName: false }).length || firstNameSet().has(part)) break;
    out.push(part);
  }
  return out;
}

const TITLE_WORD = new RegExp(`^(?:${TITLE_HEADS}|ordförande|sekreterare|ledamot|ersättare)$`, 'iu');

export const ORGANISATION_RULES = [organisationLexicon, organisationOrganForm, organisationNamingForm, organisationCommonWord, organisationRecipient, ownOrganisation, organisationOfPerson];

export function extractOrganisations(ctx: OrgInput): Organisation[] {
  const ownBody = ctx.meta.body;
  const found = new Map<string, Organisation>();
  // "Nämnden för Gymnasium och Arbetsmarknad" is "Nämnden för Gymnasium & Arbetsmarknad".
  // (Each name's key once: the same names are compared many times, with each other at the end.)
  const keys = new Map<string, string>();
  const key = (name: string) => {
    let k = keys.get(name);
    // ("Patientnämnden i Halland" is "Patientnämnden Halland")
    if (k === undefined) keys.set(name, (k = name.toLowerCase().replace(/\s+/g, ' ').replace(/ och /g, ' & ').replace(/^(\p{L}+nämnden) i (?=\p{L})/u, '$1 ')));
    return k;
  };
  /** A one-word name without its definite ending: "Individutskottet" → "individutskott", "Kommunalförbundet" → "kommunalförbund". */
  const definiteStem = (name: string) => key(name).replace(/(et|en)$/, '');
  // The document's own organ, however it is inflected ("Valnämnd", "Valnämnden"), is listed once, as the header names it.
  const bodyKey = ownBody ? key(ownBody).replace(/(en|et|n)$/, '') : null;
  // "Kultur & Fritid" alone in the protocol of "Nämnden för Kultur & Fritid" is the body's own field.
  // ("Individutskottet" alone in the protocol of "Socialnämndens individutskott": the body itself, named short)
  const isOwnBody = (name: string) => bodyKey !== null && (key(name).replace(/(en|et|n)$/, '') === bodyKey || key(ownBody!).endsWith(` för ${key(name)}`)
    || (!name.includes(' ') && bodyKey.includes(' ') && bodyKey.split(' ').at(-1) === definiteStem(name)));
  if (ownBody) found.set(key(ownBody), { name: ownBody, kind: 'organ' });
  for (const o of runRules(ORGANISATION_RULES, ctx)) {
    if (GENERIC.test(o.name) || isOwnBody(o.name) || found.has(key(o.name))) continue;
    found.set(key(o.name), o);
  }
  // "Länsstyrelsen" and "Länsstyrelsen Västra Götaland" beside "Länsstyrelsen i Västra Götalands län" are that one, named short.
  const all = [...found.values()];
  const shortOf = (o: Organisation, p: Organisation) => {
    const [head, place] = [key(o.name).split(' ')[0]!, key(o.name).split(' ').slice(1).join(' ')];
    return !!place && !place.startsWith('i ') && (key(p.name) === `${head} i ${place}s län` || key(p.name) === `${head} i ${place} län`);
  };
  // "Kultur & Fritid" alone beside "Nämnden för Kultur & Fritid" or "Förvaltningen för Kultur & Fritid" is that organ, named by its field.
  const fieldOf = (o: Organisation, p: Organisation) => !key(o.name).includes(' för ') && key(p.name).endsWith(` för ${key(o.name)}`);
  // "Närhälsan" found where the text writes "Närhälsan Skaraborg": the longer name, at the same place.
  // "Patientnämnden" beside "Patientnämnden Halland" (its area, a form of its own): that one, named short.
  const partOf = (o: Organisation, p: Organisation) => key(p.name).startsWith(`${key(o.name)} `) && ((!!o.evidence?.quote && o.evidence.quote.includes(p.name)) || AREA_NAME.test(p.name));
  const named = all.filter((o) => !all.some((p) => p !== o && (key(p.name).startsWith(`${key(o.name)} i `) || shortOf(o, p) || fieldOf(o, p) || partOf(o, p))));
  // "Kommunalförbundets lokaler", "Räddningstjänstens huvudstation" in the federation's own protocol: itself, named short.
  const own = ctx.meta.organisation ? key(ctx.meta.organisation).split(' ').at(-1)! : null;
  const ownShort = (o: Organisation) => own !== null && !o.name.includes(' ') && own.length > 6 && own.includes(definiteStem(o.name)) && key(o.name) !== own;
  return withoutDefinedAcronyms(named.filter((o) => !ownShort(o)), ctx.plain, key);
}

/** An acronym in brackets: "(IVO)", "(MFoF)", "(KFR)" (two capitals at least). */
const BRACKETED_ACRONYM = /\((\p{Lu}[\p{L}&-]{1,7})\)/gu;

/**
 * An acronym the text defines after a name ("Myndigheten för samhällsskydd (MSB)", "Kommunala
 * funktionsrättsrådet (KFR)") is that name wherever it is written alone: the organisation is listed
 * once, under the name the text gives it, not also under the acronym or under the lexicon's name
 * for the acronym (unless the text writes that name too). So is a local council's ("Lokala BRÅ"):
 * "BRÅ" alone in the same document is the local one.
 */
function withoutDefinedAcronyms(orgs: Organisation[], plain: string[], key: (name: string) => string): Organisation[] {
  if (orgs.length < 2) return orgs;
  const spelled = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/ och /g, ' & ');
  const definitions: [Organisation, string][] = orgs.filter((o) => o.name.startsWith('Lokala ')).map((o) => [o, o.name.slice('Lokala '.length)]);
  for (const text of plain) {
    if (!text.includes('(')) continue;
    for (const m of matchesOf(BRACKETED_ACRONYM, text)) {
      const acronym = m[1]!;
      if (!ACRONYM.test(acronym) || partyCodes().has(acronym)) continue;
      const before = spelled(text.slice(Math.max(0, m.index - 150), m.index)).trimEnd();
      // The longest name found that the text before the bracket ends with, as a whole word.
      const defined = orgs.filter((o) => key(o.name) !== key(acronym) && before.endsWith(key(o.name)) && !/[\p{L}\d]/u.test(before.at(-key(o.name).length - 1) ?? ' '))
        .sort((a, b) => b.name.length - a.name.length)[0];
      if (defined) definitions.push([defined, acronym]);
    }
  }
  if (!definitions.length) return orgs;
  const drop = new Set<Organisation>();
  let whole: string | undefined;
  for (const [defined, acronym] of definitions) {
    const known = normaliseOrganisation(acronym)?.name;
    for (const o of orgs) {
      if (o === defined || drop.has(o)) continue;
      if (key(o.name) === key(acronym)) drop.add(o);
      else if (known && o.name === known && !(whole ??= spelled(plain.join(' '))).includes(key(o.name))) drop.add(o);
    }
  }
  return drop.size ? orgs.filter((o) => !drop.has(o)) : orgs;
}

function quoteAround(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf('. ', index) + 1);
  const end = text.indexOf('. ', index);
  return text.slice(start, end < 0 ? undefined : end + 1).trim().slice(0, 300);
}
