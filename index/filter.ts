import { z } from 'zod';
import { DocType } from '../lib/schema.ts';
import { ISO_DATE } from '../lib/swedish-dates.ts';

/** Meilisearch filter expressions built from values: quoted and escaped, never spliced raw. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function inList(field: string, values: string[]): string {
  return `${field} IN [${values.map(quote).join(', ')}]`;
}

/** Joins clauses with AND, each parenthesised; empty clauses are dropped. */
export function and(...clauses: (string | null | undefined)[]): string | undefined {
  const parts = clauses.filter((c): c is string => Boolean(c && c.trim()));
  return parts.length ? parts.map((c) => `(${c})`).join(' AND ') : undefined;
}


const isoDate = z.string().regex(ISO_DATE, 'expected YYYY-MM-DD')
  .refine((d) => { const t = Date.parse(`${d}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d); }, 'not a calendar date');
const values = z.array(z.string().min(1).max(200)).max(50);

/** Structured filters from the CLI and the API: validated, then escaped into Meilisearch syntax. */
export const Filters = z.object({
  year: z.array(z.number().int().min(1900).max(2100)).max(50).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  mandatePeriod: z.array(z.string().regex(/^\d{4}-\d{4}$/, 'expected e.g. 2019-2022')).max(10).optional(),
  body: values.optional(),
  organisation: values.optional(),
  docType: z.array(DocType).optional(),
  theme: values.optional(),
  person: values.optional(),
  party: values.optional(),
}).strict();
export type Filters = z.infer<typeof Filters>;

const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) / 1000;

/** A Meilisearch filter for `filters` (AND across fields, OR within one); user text only ever appears quoted. */
export function buildFilter(filters: Filters): string | undefined {
  const f = Filters.parse(filters);
  const any = (field: string, list: string[] | undefined) => (list?.length ? inList(field, list) : null);
  return and(
    f.year?.length ? `year IN [${f.year.join(', ')}]` : null,
    f.from ? `dateTs >= ${dayStart(f.from)}` : null,
    f.to ? `dateTs <= ${dayStart(f.to)}` : null,
    any('mandatePeriod', f.mandatePeriod),
    // A body by its name alone (every organisation's) or with its organisation (index/records.ts bodyKey).
    f.body?.length ? `${inList('body', f.body)} OR ${inList('bodyKey', f.body)}` : null,
    any('organisation', f.organisation),
    any('docType', f.docType),
    any('themes', f.theme),
    any('persons', f.person),
    any('parties', f.party?.map((p) => p.toUpperCase())),
  );
}
