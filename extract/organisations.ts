/**
 * Organisations with a kind: municipalities (all 290, normalised to their official name, so
 * "Karlstad kommun" and "Karlstads kommun" are one), regions, agencies, councils and committees,
 * associations and companies. Names come from data/*.json; committees also by their form.
 */
import type { Block, Organisation, Person } from '../lib/schema.ts';
import { plain } from '../lib/text.ts';
import { knownBodies, knownOrganisations, municipalityList } from '../lib/reference-data.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

interface Gazetteer { pattern: RegExp; lookup: Map<string, { name: string; kind: string }> }

let gazetteer: Gazetteer | undefined;
function compile(): Gazetteer {
  if (gazetteer) return gazetteer;
  const lookup = new Map<string, { name: string; kind: string }>();
  const names: string[] = [];
  const add = (alias: string, name: string, kind: string) => { lookup.set(alias.toLowerCase(), { name, kind }); names.push(alias); };
  for (const o of knownOrganisations()) for (const a of [o.name, ...o.aliases]) add(a, o.name, o.kind);
  for (const b of knownBodies()) for (const a of b.aliases) if (!/^(kommunstyrelsen|kommunfullmäktige|regionstyrelsen|regionfullmäktige|direktionen)$/i.test(a)) add(a, b.name, 'organ');
  const munis = municipalityList().map((m) => escape(m.name)).sort(byLength).join('|');
  const known = names.sort(byLength).map(escape).join('|');
  // One word-start check for all alternatives, and "X kommun"/"X stad" in one alternative: measured
  // on 1 000 generated documents, 669 → 414 ms for the same matches.
  const pattern = new RegExp(String.raw`(?<![\p{L}-])(?:` + [
    String.raw`(?<muni>${munis})s?\s+(?:kommuns?|stad)(?![\p{L}])`,
    String.raw`(?<lst>Länsstyrelsen i [\p{Lu}][\p{L}]+ län)(?![\p{L}])`,
    String.raw`(?<known>${known})(?![\p{L}])`,
    // Committees and councils by their form: "Kollektivtrafiknämnden", "Kommunstyrelsen", "Regionala utvecklingsnämnden".
    String.raw`(?<organ>(?:Regionala\s+|Regional\s+)?[\p{Lu}][\p{Ll}-]*(?:nämnden|nämnd|styrelsen|fullmäktige|beredningen|utskottet))(?![\p{L}])`,
    // Written in lower case mid-sentence: "föreslår kommunfullmäktige", "kollektivtrafiknämnden har fattat beslut".
    String.raw`(?<lower>(?:[Hh]älso-\s+och\s+|[Kk]ultur-\s+och\s+|[Rr]egionala\s+)?(?:kommun|region)?[\p{Ll}]*(?:nämnden|fullmäktige|kommunstyrelsen|regionstyrelsen))(?![\p{L}])`,
  ].join('|') + ')', 'gu');
  return (gazetteer = { pattern, lookup });
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

export function extractOrganisations(blocks: Block[], blockSection: string[], persons: Person[], own: string | null = null): Organisation[] {
  const { pattern, lookup } = compile();
  const found = new Map<string, Organisation>();
  const add = (name: string, kind: string, evidence: Organisation['evidence']) => { if (!found.has(name)) found.set(name, { name, kind, evidence }); };
  blocks.forEach((block, i) => {
    const text = plain(block.text);
    for (const m of text.matchAll(pattern)) {
      const g = m.groups!;
      const evidence = { page: block.page, section: blockSection[i] ?? null, quote: quoteAround(text, m.index) };
      if (g.muni) add(municipality(g.muni) ?? `${g.muni} kommun`, 'kommun', evidence);
      else if (g.lst) add(g.lst, 'myndighet', evidence);
      else if (g.known) { const o = lookup.get(g.known.toLowerCase())!; add(o.name, o.kind, evidence); }
      else if (g.organ) add(g.organ.replace(/\s+/g, ' '), 'organ', evidence);
      else if (g.lower) add(g.lower.replace(/\s+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase()), 'organ', evidence);
    }
  });
  // The document's own organisation (often only in its page header) is one of its organisations.
  const ownOrg = own ? normaliseOrganisation(own) : null;
  if (ownOrg) add(ownOrg.name, ownOrg.kind, undefined);
  for (const p of persons) {
    const o = p.organisation ? normaliseOrganisation(p.organisation) : null;
    if (o) add(o.name, o.kind, p.evidence);
  }
  return [...found.values()];
}

function quoteAround(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf('. ', index) + 1);
  const end = text.indexOf('. ', index);
  return text.slice(start, end < 0 ? undefined : end + 1).trim().slice(0, 300);
}
