/**
 * CSV for spreadsheets: UTF-8 with BOM (Excel reads å/ä/ö right), every cell quoted, CRLF. A cell
 * that a spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return) gets
 * a leading single quote, as OWASP recommends against CSV injection: `=HYPERLINK(…)` stays text.
 */
export function stringify<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[]): string {
  const cell = (v: unknown) => `"${neutralise(String(v ?? '')).replace(/"/g, '""')}"`;
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}

/** A value safe from formula evaluation: prefixed with ' when it starts with a formula trigger. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
