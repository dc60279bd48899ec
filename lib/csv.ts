/**
 * CSV for spreadsheets: UTF-8 with BOM (Excel reads å/ä/ö right), every cell quoted, CRLF. A cell
 * that a spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return) gets
 * a leading single quote, as OWASP recommends against CSV injection: `=HYPERLINK(…)` stays text.
 */
export function stringify<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[], opts: CsvOptions<T> = {}): string {
  const sep = opts.separator ?? ',';
  const cell = (v: unknown) => `"${neutralise(String(v ?? '')).replace(/"/g, '""')}"`;
  const head = columns.map((c) => (opts.headers ? cell(opts.headers[c]) : c)).join(sep);
  return `\uFEFF${[head, ...rows.map((r) => columns.map((c) => cell(r[c])).join(sep))].join('\r\n')}\r\n`;
}

/**
 * `separator` ';' for Excel in Swedish (and other decimal-comma) locales, which splits on the list
 * separator of the system, not on commas; `headers` the column titles shown (else the keys).
 */
export interface CsvOptions<T> { separator?: ',' | ';'; headers?: Partial<Record<keyof T & string, string>> }

/** A value safe from formula evaluation: prefixed with ' when it starts with a formula trigger. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
