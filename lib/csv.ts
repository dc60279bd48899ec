/** CSV for spreadsheets: UTF-8 with BOM (Excel reads å/ä/ö right), every cell quoted, CRLF. */
export function stringify<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[]): string {
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}
