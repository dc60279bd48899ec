/** ingest: files → cleaned documents. */
export { discoverFiles, type Discovery } from './discover.ts';
export { readDocument, formatOf, type ReadLimits } from './read-document.ts';
export { cleanDocument } from './clean.ts';
export { ReadError } from './read-error.ts';
export type { OcrProgress } from './ocr-pages.ts';
export { hashFile } from './hash-file.ts';
