/**
 * Extraction rules: each a small module `{ id, field, run(ctx) }` that returns what it finds with
 * its evidence (the rule's id goes into `evidence.rule`, which `npm run score` counts per rule).
 * A field's extractor runs its rules, puts the findings in document order and resolves overlaps.
 */
import type { Evidence } from '../lib/schema.ts';

export interface Finding<T> {
  value: T;
  /** Where the finding stands (block or section index, then position), for document order. */
  at: number[];
}

export interface Rule<T, C> {
  id: string;
  field: 'persons' | 'organisations' | 'decisions' | 'actions' | 'sections';
  run(ctx: C): Finding<T>[];
}

const before = (a: number[], b: number[]) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** Every rule's findings, in document order; at the same place, in the order the rules are listed. */
export function runRules<T, C>(rules: Rule<T, C>[], ctx: C): T[] {
  const found: Finding<T>[] = [];
  for (const r of rules) for (const f of r.run(ctx)) found.push(f);
  return found.sort((a, b) => before(a.at, b.at)).map((f) => f.value);
}

/** Evidence named for the rule that found it. */
export const by = (rule: { id: string }, evidence: Omit<Evidence, 'rule'>): Evidence => ({ ...evidence, rule: rule.id });

/** A computation several rules share, done once per document context. */
export function perDocument<C extends object, R>(compute: (ctx: C) => R): (ctx: C) => R {
  const cache = new WeakMap<C, R>();
  return (ctx) => { let r = cache.get(ctx); if (r === undefined) { r = compute(ctx); cache.set(ctx, r); } return r; };
}
