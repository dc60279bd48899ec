/**
 * Organisations with a kind: municipalities (all 290, normalised to their official name, so
 * "Karlstad kommun" and "Karlstads kommun" are one), regions, agencies, councils and committees,
 * associations and companies. Names come from data/*.json; committees also by their form.
 */
import type { Organisation } from '../lib/schema.ts';
import type { PersonContext } from './context.ts';
import { by, perDocument, runRules, type Finding, type Rule } from './rules.ts';
import { ATTENDANCE_BLOCK_RULE } from './attendance-block.ts';
import { knownBodies, knownOrganisations, municipalityList } from '../lib/reference-data.ts';
import { organisationsByForm } from './organisation-forms.ts';
import { isLetterChar, wordStartMatches } from '../lib/word-starts.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

/** Which of the lexicon's forms a text can hold at all, from the words they cannot do without. */
interface Forms { muni: boolean; lst: boolean; organ: boolean }
const formsIn = (text: string): Forms => ({
  muni: text.includes('kommun') || text.includes('stad'),
  lst: text.includes('änsstyrelsen'),
  // The committee endings, which the lower-case form's endings contain too.
  organ: /nämnd|styrelsen|fullmäktige|beredningen|utskottet/.test(text),
});

interface Gazetteer {
  /**
   * For a text with these forms: the lexicon's pattern for a name that starts with a character
   * (sticky, so it matches there or not at all), or null when none can.
   */
  at: (forms: Forms) => (first: string) => RegExp | null;
  /** Characters other than letters that a known name starts with. */
  otherStarts: Set<string>;
  lookup: Map<string, { name: string; kind: string }>;
}

let gazetteer: Gazetteer | undefined;
function compile(): Gazetteer {
  if (gazetteer) return gazetteer;
  const lookup = new Map<string, { name: string; kind: string }>();
  const names: string[] = [];
  const add = (alias: string, name: string, kind: string) => { lookup.set(alias.toLowerCase(), { name, kind }); names.push(alias); };
  for (const o of knownOrganisations()) for (const a of [o.name, ...o.aliases]) add(a, o.name, o.kind);
  for (const b of knownBodies()) for (const a of b.aliases) if (!/^(kommunstyrelsen|kommunfullmäktige|regionstyrelsen|regionfullmäktige|direktionen)$/i.test(a)) add(a, b.name, 'organ');
  // Longest first (municipalities by their escaped length, as the one pattern had them).
  const munis = municipalityList().map((m) => m.name).sort((a, b) => escape(b).length - escape(a).length);
  const known = names.sort(byLength);
  // A word's first character rules out the names that begin with another, and a text without the
  // words a form needs ("kommun", "nämnd" …) rules out that form: each character and set of forms
  // gets the pattern with only what can match there (the same alternatives in the same order, the
  // others never matching, so the same match), built when first needed. Measured on the 1 526
  // generated documents: 0.66 → 0.2 ms a document.
  const starting = (list: string[], first: string) => list.filter((n) => n.startsWith(first)).map(escape).join('|');
  const NEVER = '(?!)';
  const patternFor = (first: string, forms: Forms): RegExp | null => {
    const muniNames = forms.muni ? starting(munis, first) : '';
    const knownNames = starting(known, first);
    const lst = forms.lst && (first === 'L' || first === 'l');
    const organ = forms.organ && /\p{Lu}/u.test(first);
    const lower = forms.organ && (/\p{Ll}/u.test(first) || 'HKR'.includes(first));
    if (!muniNames && !knownNames && !lst && !organ && !lower) return null;
    return new RegExp(String.raw`(?<![\p{L}-])(?:` + [
      String.raw`(?<muni>${muniNames || NEVER})s?\s+(?:kommuns?|stad)(?![\p{L}])`,
      lst ? String.raw`(?<lst>[Ll]änsstyrelsen\s+i\s+(?:[\p{Lu}][\p{L}]+\s+){1,2}län)(?![\p{L}])` : `(?<lst>${NEVER})`,
      String.raw`(?<known>${knownNames || NEVER})(?![\p{L}])`,
      // Committees and councils by their form: "Kollektivtrafiknämnden", "Kommunstyrelsen", "Regionala utvecklingsnämnden".
      organ ? String.raw`(?<organ>(?:Regionala\s+|Regional\s+)?[\p{Lu}][\p{Ll}-]*(?:nämnden|nämnd|styrelsen|fullmäktige|beredningen|utskottet))(?![\p{L}])` : `(?<organ>${NEVER})`,
      // Written in lower case mid-sentence: "föreslår kommunfullmäktige", "kollektivtrafiknämnden har fattat beslut".
      lower ? String.raw`(?<lower>(?:[Hh]älso-\s+och\s+|[Kk]ultur-\s+och\s+|[Rr]egionala\s+)?(?:kommun|region)?[\p{Ll}]*(?:nämnden|fullmäktige|kommunstyrelsen|regionstyrelsen))(?![\p{L}])` : `(?<lower>${NEVER})`,
    ].join('|') + ')', 'uy');
  };
  // One table of patterns by first character for each set of forms (eight sets).
  const tables = new Map<number, (first: string) => RegExp | null>();
  const at = (forms: Forms) => {
    const set = +forms.muni | (+forms.lst << 1) | (+forms.organ << 2);
    let table = tables.get(set);
    if (!table) {
      const byFirst = new Map<string, RegExp | null>();
      table = (first) => { let re = byFirst.get(first); if (re === undefined) byFirst.set(first, (re = patternFor(first, forms))); return re; };
      tables.set(set, table);
    }
    return table;
  };
  const otherStarts = new Set([...munis, ...known].map((n) => String.fromCodePoint(n.codePointAt(0)!)).filter((c) => !isLetterChar(c)));
  return (gazetteer = { at, otherStarts, lookup });
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
const lexiconHits = perDocument((ctx: Pick<OrgInput, 'plain'>) => {
  const { at, otherStarts } = compile();
  return ctx.plain.map((text) => wordStartMatches(text, at(formsIn(text)), otherStarts));
});

const evidenceAt = (ctx: Pick<OrgInput, 'blocks' | 'plain' | 'blockSection'>, i: number, index: number) =>
  ({ page: ctx.blocks[i]!.page, section: ctx.blockSection[i] ?? null, quote: quoteAround(ctx.plain[i]!, index) });

/** Names the lexicon knows (data/organisations.json, bodies, the 290 municipalities, "Länsstyrelsen i … län"), in their known form. */
export const organisationLexicon: Rule<Organisation, OrgInput> = {
  id: 'organisation-lexicon', field: 'organisations',
  run: (ctx) => lexiconHits(ctx).flatMap((hits, i) => hits.flatMap((m): Found[] => {
    const g = m.groups!;
    const evidence = by(organisationLexicon, evidenceAt(ctx, i, m.index));
    const at = [i, 0, m.index];
    if (g.muni) return [{ value: { name: municipality(g.muni) ?? `${g.muni} kommun`, kind: 'kommun', evidence }, at }];
    if (g.lst) return [{ value: { name: g.lst.replace(/\s+/g, ' '), kind: 'myndighet', evidence }, at }];
    if (g.known) { const o = compile().lookup.get(g.known.toLowerCase())!; return [{ value: { name: o.name, kind: o.kind, evidence }, at }]; }
    return [];
  })),
};

/** Committees and councils by their form ("Kollektivtrafiknämnden", "föreslår kommunfullmäktige"). */
export const organisationOrganForm: Rule<Organisation, OrgInput> = {
  id: 'organisation-organ-form', field: 'organisations',
  run: (ctx) => lexiconHits(ctx).flatMap((hits, i) => hits.flatMap((m): Found[] => {
    const g = m.groups!;
    const name = g.organ ? g.organ.replace(/\s+/g, ' ') : g.lower ? g.lower.replace(/\s+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : null;
    return name ? [{ value: { name, kind: 'organ', evidence: by(organisationOrganForm, evidenceAt(ctx, i, m.index)) }, at: [i, 0, m.index] }] : [];
  })),
};

/** Names by their Swedish and Norwegian naming forms (organisation-forms.ts), where the lexicon matched nothing at the same place. */
export const organisationNamingForm: Rule<Organisation, OrgInput> = {
  id: 'organisation-naming-form', field: 'organisations',
  run: (ctx) => lexiconHits(ctx).flatMap((hits, i) => organisationsByForm(ctx.plain[i]!)
    // A name the lexicon matched at the same place is already there, in its known form.
    .filter((h) => !hits.some((m) => h.index >= m.index && h.index < m.index + m[0].length))
    .map((h): Found => {
      const known = normaliseOrganisation(h.name);
      return { value: { name: known?.name ?? h.name, kind: known?.kind ?? h.kind, evidence: by(organisationNamingForm, evidenceAt(ctx, i, h.index)) }, at: [i, 1, h.index] };
    })),
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
 * know only from the protocol's attendance block, where it stands in brackets ("Fanny Nilsson (EY)").
 */
export const organisationOfPerson: Rule<Organisation, OrgInput> = {
  id: 'organisation-of-person', field: 'organisations',
  run: ({ persons }) => persons.flatMap((p, k): Found[] => {
    const bracketed = p.evidence?.rule === ATTENDANCE_BLOCK_RULE && !!p.organisation && p.organisation.length >= 2 && p.evidence.quote.includes(`(${p.organisation})`);
    const o = p.organisation ? normaliseOrganisation(p.organisation) ?? (bracketed ? { name: p.organisation, kind: 'organisation' } : null) : null;
    return o ? [{ value: { ...o, evidence: p.evidence && by(organisationOfPerson, p.evidence) }, at: [Infinity, 1, k] }] : [];
  }),
};

export const ORGANISATION_RULES = [organisationLexicon, organisationOrganForm, organisationNamingForm, ownOrganisation, organisationOfPerson];

export function extractOrganisations(ctx: OrgInput): Organisation[] {
  const ownBody = ctx.meta.body;
  const found = new Map<string, Organisation>();
  // "Nämnden för Gymnasium och Arbetsmarknad" is "Nämnden för Gymnasium & Arbetsmarknad".
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').replace(/ och /g, ' & ');
  // The document's own organ, however it is inflected ("Valnämnd", "Valnämnden"), is listed once, as the header names it.
  const bodyKey = ownBody ? key(ownBody).replace(/(en|et|n)$/, '') : null;
  // "Kultur & Fritid" alone in the protocol of "Nämnden för Kultur & Fritid" is the body's own field.
  const ownKey = ownBody ? key(ownBody) : null;
  const isOwnBody = (k: string) => bodyKey !== null && (k.replace(/(en|et|n)$/, '') === bodyKey || ownKey!.endsWith(` för ${k}`));
  if (ownBody) found.set(ownKey!, { name: ownBody, kind: 'organ' });
  for (const o of runRules(ORGANISATION_RULES, ctx)) {
    if (GENERIC.test(o.name)) continue;
    const k = key(o.name);
    if (isOwnBody(k) || found.has(k)) continue;
    found.set(k, o);
  }
  // "Länsstyrelsen" after "Länsstyrelsen i Värmlands län" is that one, named short.
  // Each name's key computed once (it is the one the name is stored under), not for every pair.
  const all = [...found].map(([k, o]) => ({ o, k }));
  return all.filter(({ o, k }) => !all.some((p) => p.o !== o && p.k.startsWith(`${k} i `))).map(({ o }) => o);
}

function quoteAround(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf('. ', index) + 1);
  const end = text.indexOf('. ', index);
  return text.slice(start, end < 0 ? undefined : end + 1).trim().slice(0, 300);
}
