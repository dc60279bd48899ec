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
