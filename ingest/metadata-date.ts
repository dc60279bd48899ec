/**
 * A file's own creation date as its metadata writes it: PDF's "D:20241121002956Z", DOCX's and YAML's
 * "2024-11-21T00:29:56Z" or "2024-11-21". Only the calendar date is kept; anything else is no date.
 */
export function metadataDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
