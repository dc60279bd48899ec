/**
 * Strike-through on a scanned page: a struck name on an attendance list is an absent member, and
 * in a scan the line is only dark pixels. A word is struck when one pixel row through the middle of
 * its box is dark almost all the way across — letters leave gaps between and inside them; a line
 * does not. Three rows are looked at together, so a scan turned by a degree still has its line.
 */
import type { OcrWord } from './ocr-blocks.ts';

export interface Grey { width: number; height: number; pixels: Uint8Array }

/** An 8-bit binary PGM (P5), as pdftoppm -gray writes it. Null for anything else. */
export function parsePgm(image: Buffer): Grey | null {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') return null;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = image.subarray(header[0].length);
  return pixels.length >= width * height ? { width, height, pixels } : null;
}

/** A pixel darker than this is ink. */
export const DARK = 110;
/** Share of the word's width a strike-through row must cover. */
const COVER = 0.88;

export function struckWords(grey: Grey | null, words: OcrWord[]): boolean[] {
  return words.map((w) => Boolean(grey) && /\p{L}{2}/u.test(w.text) && crossed(grey!, w));
}

function crossed(g: Grey, w: OcrWord): boolean {
  const x1 = Math.max(0, w.left + 2);
  const x2 = Math.min(g.width - 1, w.left + w.width - 2);
  if (x2 - x1 < 20) return false;
  const dark = (x: number, y: number) => y >= 0 && y < g.height && g.pixels[y * g.width + x]! < DARK;
  // The middle of the letters: below the ascenders, above the descenders.
  for (let y = Math.round(w.top + 0.3 * w.height); y <= Math.round(w.top + 0.75 * w.height); y++) {
    let covered = 0;
    for (let x = x1; x <= x2; x++) if (dark(x, y - 1) || dark(x, y) || dark(x, y + 1)) covered++;
    if (covered >= COVER * (x2 - x1 + 1)) return true;
  }
  return false;
}

/** A dark run at least this long (px at 300 dpi, ~7 mm) on one pixel row is a drawn line, not a letter. */
const RULE_LENGTH = 80;
/** A line is at most this thick (px): rows this far above and below it are light off the letters. */
const RULE_HALF = 4;

/**
 * The page without its thin horizontal lines (strike-throughs, underlines, table rules), for
 * Tesseract: a line through a name makes it misread the name ("Emmabtund" for "Emma Lund"). Only
 * the line's pixels between letters go — where a letter's stroke crosses the line (dark above and
 * below it), the pixel stays. Anything that is not an 8-bit PGM is returned as it is.
 */
export function withoutRules(image: Buffer): Buffer {
  const g = parsePgm(image);
  if (!g) return image;
  const { width, height, pixels } = g;
  const out = Buffer.from(image);
  const offset = image.length - pixels.length;
  const dark = (x: number, y: number) => y >= 0 && y < height && pixels[y * width + x]! < DARK;
  for (let y = 0; y < height; y++) {
    let start = -1;
    let gap = 0;
    for (let x = 0; x <= width; x++) {
      if (x < width && dark(x, y)) { if (start < 0) start = x; gap = 0; continue; }
      // Noise leaves a light pixel or two in a scanned line.
      if (start >= 0 && x < width && ++gap <= 2) continue;
      const end = x - gap;
      if (start >= 0 && end - start >= RULE_LENGTH) {
        for (let i = start; i < end; i++) {
          if (!(dark(i, y - RULE_HALF) && dark(i, y + RULE_HALF))) out[offset + y * width + i] = 255;
        }
      }
      start = -1;
      gap = 0;
    }
  }
  return out;
}
