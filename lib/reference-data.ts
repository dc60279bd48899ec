/** Reference data from data/*.json, validated on load. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './config.ts';

const Bodies = z.object({
  bodies: z.array(z.object({ name: z.string(), aliases: z.array(z.string()).min(1), organisation: z.string().nullable() })),
});
export type KnownBody = z.infer<typeof Bodies>['bodies'][number];

function load<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', file), 'utf8')));
}

/** Each data file is read and validated once, on first use. */
function once<T>(read: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= read());
}

export const knownBodies: () => KnownBody[] = once(() => load('bodies.json', Bodies).bodies);

const Themes = z.object({
  themes: z.array(z.object({ id: z.string().regex(/^[a-z-]+$/), label: z.string(), terms: z.array(z.string().min(2)).min(1) })),
});
export type ThemeDefinition = z.infer<typeof Themes>['themes'][number];

export const themeTaxonomy: () => ThemeDefinition[] = once(() => load('themes.json', Themes).themes);
/** Theme id → the label shown to analysts ("kompetensforsorjning" → "Kompetensförsörjning"). */
export const themeLabels: () => Record<string, string> = once(() => Object.fromEntries(themeTaxonomy().map((t) => [t.id, t.label])));

const FirstNames = z.object({ names: z.array(z.string()) });
/** Common Swedish first names, for telling a person from a capitalised phrase. */
export const firstNameSet: () => Set<string> = once(() => new Set(load('first-names.json', FirstNames).names));

const Parties = z.object({ parties: z.array(z.object({ code: z.string(), name: z.string() })) });
/** Party code (upper case) → party name. */
export const partyCodes: () => Map<string, string> = once(() => new Map(load('parties.json', Parties).parties.map((p) => [p.code, p.name])));

const Municipalities = z.object({ municipalities: z.array(z.object({ name: z.string(), county: z.string(), official: z.string() })) });
export type Municipality = z.infer<typeof Municipalities>['municipalities'][number];
/** Sweden's 290 municipalities. */
export const municipalityList: () => Municipality[] = once(() => load('municipalities.json', Municipalities).municipalities);

/** `commonWord`: the name is also a common word ("Kommunal", "Vision"): read as the name only where the text's context says so. */
const Organisations = z.object({ organisations: z.array(z.object({ name: z.string(), kind: z.string(), aliases: z.array(z.string()), commonWord: z.boolean().optional() })) });
export type KnownOrganisation = z.infer<typeof Organisations>['organisations'][number];
/** Regions, agencies, associations and companies other than municipalities and councils. */
export const knownOrganisations: () => KnownOrganisation[] = once(() => load('organisations.json', Organisations).organisations);

const StopWords = z.object({ stopWords: z.array(z.string()) });
/** Swedish function words. */
export const swedishStopWords: () => Set<string> = once(() => new Set(load('stopwords-sv.json', StopWords).stopWords));

const Synonyms = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });
/** Synonym groups as Meilisearch wants them: each word → the other words of its groups. */
export function synonymMap(): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of load('synonyms.json', Synonyms).groups) {
    for (const word of group) for (const other of group) if (other !== word) (map[word] ??= new Set()).add(other);
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v]]));
}

/**
 * The Swedish thesaurus (data/thesaurus-sv.dat, Viggo Kann's synonym list as LibreOffice ships it;
 * licence in data/thesaurus-sv.NOTICE): each headword with its synonyms, in the file's order.
 */
export const thesaurusEntries: () => { head: string; synonyms: string[] }[] = once(() => {
  const entries: { head: string; synonyms: string[] }[] = [];
  const lines = readFileSync(path.join(PROJECT_ROOT, 'data', 'thesaurus-sv.dat'), 'utf8').split('\n');
  // MyThes format: "headword|N", then N lines "|synonym|synonym…" (the first field, a part of speech, is empty here).
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    if (!line.startsWith('|')) entries.push({ head: line.slice(0, line.indexOf('|')).trim(), synonyms: [] });
    else entries.at(-1)?.synonyms.push(...line.split('|').slice(1).map((w) => w.trim()).filter(Boolean));
  }
  return entries;
});
