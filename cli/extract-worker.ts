/** A worker thread of the extraction pool: file in, extraction (or the reason it failed) out. */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile, type ExtractSettings } from './extract-file.ts';

const settings = workerData as ExtractSettings;
parentPort!.on('message', async ({ id, file }: { id: number; file: string }) => {
  const progress = (done: number, total: number) => parentPort!.postMessage({ id, progress: [done, total] });
  parentPort!.postMessage({ id, result: await extractFile(file, settings, progress) });
});
