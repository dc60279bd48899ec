/**
 * A file's own creation date as its metadata writes it: PDF's "D:20241121002956Z", DOCX's and YAML's
 * "2024-11-21T00:29:56Z" or "2024-11-21". Only the calendar date is kept; anything else is no date.
 */
import { isoDate } from '../lib/swedish-dates.ts';

export function metadataDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  return m && Number(m[1]) >= 1900 ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
