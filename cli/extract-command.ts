/** `minutes extract FILE… [--json]`: the extraction of each file, without indexing. */
import type { Config } from '../lib/config.ts';
import { readDocument, cleanDocument, ReadError } from '../ingest/index.ts';
import { extractDocument } from '../extract/index.ts';

export async function runExtract(files: string[], opts: { json: boolean; config: Config }): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const doc = cleanDocument(await readDocument(file, opts.config.limits), { maskPersonnummer: opts.config.maskPersonnummer });
      const { extraction: e, chunks } = extractDocument(doc, { chunkWords: opts.config.chunkWords });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(e)}\n`);
      } else {
        process.stdout.write([
          `${file}`,
          `  ${e.title}`,
          `  typ: ${e.docType} · datum: ${e.date ?? '–'} (${e.mandatePeriod ?? '–'}) · organ: ${e.body ?? '–'} · organisation: ${e.organisation ?? '–'}`,
          `  plats: ${e.location ?? '–'} · diarienummer: ${e.diarienummer ?? '–'} · ${e.pageCount} sidor, ${e.sections.length} avsnitt, ${chunks.length} passager`,
          ...e.sections.map((s) => `    - ${s.heading}`),
          '',
        ].join('\n'));
      }
    } catch (err) {
      failed++;
      const reason = err instanceof ReadError ? err.reason : err instanceof Error ? err.message : String(err);
      process.stderr.write(`minutes: ${file}: ${reason}\n`);
    }
  }
  return failed ? 1 : 0;
}
