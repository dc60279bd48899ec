/**
 * Parsing and extraction on worker threads, so an ingest uses every core the machine gives it
 * (PDF parsing and the extraction rules are CPU-bound; hashing and Meilisearch writes stay on the
 * main thread). One worker means no threads: the work runs inline.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { extractFile, type ExtractResult, type ExtractSettings } from './extract-file.ts';
import { COMPILED, PROJECT_ROOT } from '../lib/config.ts';

/** The compiled worker beside the compiled CLI; from the sources, a wrapper that registers tsx in the thread. */
const WORKER = path.join(PROJECT_ROOT, COMPILED ? 'build' : '', 'cli', 'extract-worker.js');
import type { OcrProgress } from '../ingest/index.ts';

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly dead = new Set<Worker>();
  private readonly pending = new Map<number, (r: ExtractResult) => void>();
  private readonly progress = new Map<number, OcrProgress>();
  private next = 0;
  private closing = false;
  private seq = 0;

  constructor(size: number, private readonly settings: ExtractSettings) {
    for (let i = 0; i < (size > 1 ? size : 0); i++) {
      const w = new Worker(WORKER, { workerData: settings });
      w.on('message', ({ id, result, progress }: { id: number; result?: ExtractResult; progress?: [number, number] }) => {
        if (progress) return this.progress.get(id)?.(...progress);
        this.pending.get(id)?.(result!);
        this.pending.delete(id);
        this.progress.delete(id);
      });
      // A crashed worker fails its tasks with the reason; the ingest reports those files and goes on.
      const fail = (why: string) => {
        this.dead.add(w);
        for (const [id, done] of this.pending) { done({ ok: false, reason: `worker failed: ${why}` }); this.pending.delete(id); }
      };
      w.on('error', (err) => fail(err.message));
      w.on('exit', (code) => { if (code !== 0 && !this.closing) fail(`exit code ${code}`); });
      this.workers.push(w);
    }
  }

  get size(): number { return Math.max(1, this.workers.length); }

  run(file: string, ocrProgress?: OcrProgress): Promise<ExtractResult> {
    const alive = this.workers.filter((w) => !this.dead.has(w));
    if (!alive.length) return extractFile(file, this.settings, ocrProgress);
    const id = this.seq++;
    const worker = alive[this.next++ % alive.length]!;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (ocrProgress) this.progress.set(id, ocrProgress);
      worker.postMessage({ id, file });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
