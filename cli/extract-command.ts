/** `minutes extract FILE… [--json]`: the extraction of each file, without indexing. */
import type { Config } from '../lib/config.ts';
import { extractFile } from './extract-file.ts';

export async function runExtract(files: string[], opts: { json: boolean; config: Config }): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const result = await extractFile(file, { limits: opts.config.limits, chunkWords: opts.config.chunkWords, maskPersonnummer: opts.config.maskPersonnummer });
    if (!result.ok) {
      failed++;
      process.stderr.write(`minutes: ${file}: ${result.reason}\n`);
      continue;
    }
    const e = result.extracted.extraction;
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(e)}\n`);
    } else {
      process.stdout.write([
        `${file}`,
        `  ${e.title}`,
        `  typ: ${e.docType} · datum: ${e.date ?? '–'} (${e.mandatePeriod ?? '–'}) · organ: ${e.body ?? '–'} · organisation: ${e.organisation ?? '–'}`,
        `  plats: ${e.location ?? '–'} · diarienummer: ${e.diarienummer ?? '–'} · ${e.pageCount} sidor${e.ocr ? ` (${e.ocr.pages.length} lästa med OCR, ${Math.round(e.ocr.confidence)} %)` : ''}, ${e.sections.length} avsnitt, ${result.extracted.chunks.length} passager`,
        ...e.sections.map((s) => `    - ${s.heading}`),
        '',
      ].join('\n'));
    }
  }
  return failed ? 1 : 0;
}
