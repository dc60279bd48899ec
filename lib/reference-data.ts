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

let bodies: KnownBody[] | undefined;
export function knownBodies(): KnownBody[] {
  return (bodies ??= load('bodies.json', Bodies).bodies);
}

const Themes = z.object({
  themes: z.array(z.object({ id: z.string().regex(/^[a-z-]+$/), label: z.string(), terms: z.array(z.string().min(2)).min(1) })),
});
export type ThemeDefinition = z.infer<typeof Themes>['themes'][number];

let themes: ThemeDefinition[] | undefined;
export function themeTaxonomy(): ThemeDefinition[] {
  return (themes ??= load('themes.json', Themes).themes);
}

const FirstNames = z.object({ names: z.array(z.string()) });
let firstNames: Set<string> | undefined;
/** Common Swedish first names, for telling a person from a capitalised phrase. */
export function firstNameSet(): Set<string> {
  return (firstNames ??= new Set(load('first-names.json', FirstNames).names));
}

const Parties = z.object({ parties: z.array(z.object({ code: z.string(), name: z.string() })) });
let parties: Map<string, string> | undefined;
/** Party code (upper case) → party name. */
export function partyCodes(): Map<string, string> {
  return (parties ??= new Map(load('parties.json', Parties).parties.map((p) => [p.code, p.name])));
}

const Municipalities = z.object({ municipalities: z.array(z.object({ name: z.string(), county: z.string(), official: z.string() })) });
export type Municipality = z.infer<typeof Municipalities>['municipalities'][number];
let municipalities: Municipality[] | undefined;
/** Sweden's 290 municipalities. */
export function municipalityList(): Municipality[] {
  return (municipalities ??= load('municipalities.json', Municipalities).municipalities);
}

const Organisations = z.object({ organisations: z.array(z.object({ name: z.string(), kind: z.string(), aliases: z.array(z.string()) })) });
export type KnownOrganisation = z.infer<typeof Organisations>['organisations'][number];
let organisations: KnownOrganisation[] | undefined;
/** Regions, agencies, associations and companies other than municipalities and councils. */
export function knownOrganisations(): KnownOrganisation[] {
  return (organisations ??= load('organisations.json', Organisations).organisations);
}

const StopWords = z.object({ stopWords: z.array(z.string()) });
let stopWords: Set<string> | undefined;
/** Swedish function words. */
export function swedishStopWords(): Set<string> {
  return (stopWords ??= new Set(load('stopwords-sv.json', StopWords).stopWords));
}

const Synonyms = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });
/** Synonym groups as Meilisearch wants them: each word → the other words of its groups. */
export function synonymMap(): Record<string, string[]> {
  const map: Record<string, Set<string>> = {};
  for (const group of load('synonyms.json', Synonyms).groups) {
    for (const word of group) for (const other of group) if (other !== word) (map[word] ??= new Set()).add(other);
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v]]));
}
