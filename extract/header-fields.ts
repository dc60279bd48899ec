/**
 * Labelled header fields ("Datum 2023-02-20", "Plats: …", "Diarienummer\nRS/240542",
 * "Plats<TAB>…") from the top of a document and its page header.
 */
import type { Block } from '../lib/schema.ts';
import { plain } from '../lib/text.ts';
import { cellTexts } from '../lib/blocks.ts';

/** Labels glue onto the previous value in some exports ("Sofia NordströmDatum"): split them off. */
const GLUED_LABEL = /(\S)(Handläggare|Datum|Diarienummer|Dnr|Tjänsteställe|Sekreterare)\b/g;

/** A line that is a header field label (with or without its value). */
export const HEADER_FIELD = /^(datum|handläggare|diarienummer|dnr|tjänsteställe|sekreterare|plats|tid|närvarande|sida|sekretariatet)\b/i;

/** True when any line of a block's plain text is a header field ("Datum", "Handläggare …", also glued ones). */
export function hasHeaderField(plainText: string): boolean {
  return plainText.replace(GLUED_LABEL, '$1\n$2').split('\n').some((l) => HEADER_FIELD.test(l.trim()));
}

/** The lines of the first `limit` blocks plus the page header, one field per line (a table cell is a line). */
export function headerLines(text: { blocks: Block[] }, pageHeader: string[], limit = 40): string[] {
  const lines: string[] = [];
  // The page header is kept as laid out: its columns stand apart by tabs.
  const pieces = [...pageHeader.map((h) => h.split('\t')), ...text.blocks.slice(0, limit).map(cellTexts)];
  for (const cells of pieces) {
    for (const line of plain(cells.join('\n')).replace(GLUED_LABEL, '$1\n$2').split('\n')) {
      const t = line.trim();
      if (t) lines.push(t);
    }
  }
  return lines;
}

/**
 * The value of the first field whose label matches: on the same line after the label
 * ("Plats: X", "DATUM: X") or on the next line when the label stands alone ("Datum" / "2022-11-21").
 * `accept` rejects values of the wrong shape (a title after an empty "Diarienummer").
 */
export function fieldValue(lines: string[], labels: RegExp, accept: (v: string) => boolean = () => true): string | null {
  const sameLine = new RegExp(`^(?:${labels.source})\\s*[:.]?\\s+(.+)$`, 'i');
  const alone = new RegExp(`^(?:${labels.source})\\s*:?$`, 'i');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = sameLine.exec(line);
    if (m && accept(m[1]!.trim())) return m[1]!.trim();
    const next = lines[i + 1];
    if (alone.test(line) && next && accept(next)) return next;
  }
  return null;
}
