/**
 * List bullets on a scanned page. Tesseract drops a bullet (a dot, not a letter), and a decision's
 * points ("Direktionen beslutade" • om … • att …) then read as loose lines. A line starts with a
 * bullet when, left of its first word, the image holds one compact dark blob about the size of a
 * small letter and nothing else.
 */
import type { OcrWord } from './ocr-blocks.ts';
import { DARK, type Grey } from './image-strike.ts';

/** The Tesseract lines (their `line` keys) that have a bullet before their first word. */
export function bulletLines(g: Grey | null, words: OcrWord[]): Set<string> {
  const found = new Set<string>();
  if (!g) return found;
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  for (const [key, line] of lines) {
    const first = line.reduce((a, b) => (b.left < a.left ? b : a));
    const h = [...line.map((w) => w.height)].sort((a, b) => a - b)[Math.floor(line.length / 2)]!;
    const top = Math.min(...line.map((w) => w.top));
    const bottom = Math.max(...line.map((w) => w.top + w.height));
    const x1 = Math.max(0, Math.round(first.left - 3.5 * h));
    const x2 = first.left - 3;
    // Another word in the way (a column to the left): not a bullet's place.
    if (x2 - x1 < h || words.some((w) => w.left + w.width > x1 && w.left < x2 && w.top < bottom && w.top + w.height > top)) continue;
    if (isBullet(g, x1, x2, top, bottom, h)) found.add(key);
  }
  return found;
}

/** The region's dark pixels form one blob, 0.2–0.9 of a letter high, about as wide as high, mostly filled. */
function isBullet(g: Grey, x1: number, x2: number, y1: number, y2: number, h: number): boolean {
  let minX = Infinity; let maxX = -1; let minY = Infinity; let maxY = -1; let dark = 0;
  for (let y = Math.max(0, y1); y < Math.min(g.height, y2); y++) {
    for (let x = x1; x < x2; x++) {
      if (g.pixels[y * g.width + x]! >= DARK) continue;
      dark++;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
  }
  if (!dark) return false;
  const w = maxX - minX + 1;
  const ht = maxY - minY + 1;
  return ht >= 0.2 * h && ht <= 0.9 * h && w >= 0.6 * ht && w <= 1.6 * ht && dark >= 0.5 * w * ht;
}
