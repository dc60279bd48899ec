/**
 * The few zip operations a DOCX needs, on the bytes already in memory: the central directory
 * (read before anything is inflated, so a zip bomb is refused unpacked) and one entry inflated.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry { name: string; method: number; compressedSize: number; size: number; localHeader: number }

/** The central directory's entries, or null when there is none (not a zip, or truncated). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 65_557); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const count = view.getUint16(eocd + 10, true);
    let p = view.getUint32(eocd + 16, true);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count && p + 46 <= bytes.length; i++) {
      if (view.getUint32(p, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(p + 28, true);
      entries.push({
        name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
        method: view.getUint16(p + 10, true),
        compressedSize: view.getUint32(p + 20, true),
        size: view.getUint32(p + 24, true),
        localHeader: view.getUint32(p + 42, true),
      });
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return entries;
  }
  return null;
}

/**
 * The total unpacked size the central directory declares. ZIP64 sizes (0xFFFFFFFF) count as
 * unbounded: a DOCX never needs them.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const entries = zipEntries(bytes);
  return entries && entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Number.POSITIVE_INFINITY : e.size), 0);
}

/** One entry's content as text (UTF-8), or null when the zip has no such entry. */
export function readZipText(bytes: Uint8Array, entries: ZipEntry[], name: string): string | null {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeader;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== 0x04034b50) throw new Error(`zip entry ${name}: local header missing`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error(`zip entry ${name} is truncated`);
  if (entry.method === 0) return Buffer.from(data).toString('utf8');
  if (entry.method !== 8) throw new Error(`zip entry ${name}: unsupported compression method ${entry.method}`);
  // The inflated size is capped at what the directory declared (already checked against the limit).
  return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) }).toString('utf8');
}
