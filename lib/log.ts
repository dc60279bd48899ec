/**
 * Output for humans on a terminal (a progress bar and plain lines) and JSON lines otherwise
 * (cron mail, log collectors). Messages go to stderr; stdout carries results.
 */
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';

// Loaded when a progress bar is first drawn (an ingest on a terminal), not at every command's start.
const progressLibrary = () => createRequire(import.meta.url)('cli-progress') as typeof cliProgress;

export interface Reporter {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  progressStart(total: number, label: string): void;
  progressTick(detail: string): void;
  /** New detail for the current step without counting a step (OCR pages of a file). */
  progressDetail(detail: string): void;
  progressStop(): void;
}

export function createReporter(opts: { tty?: boolean; quiet?: boolean } = {}): Reporter {
  const tty = opts.tty ?? Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | null = null;
  const line = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (opts.quiet && level === 'info') return;
    if (tty) {
      const text = level === 'info' ? msg : `${level === 'warn' ? 'warning' : 'error'}: ${msg}`;
      if (bar) bar.stop();
      process.stderr.write(`${text}\n`);
      if (bar) bar.start(bar.getTotal(), bar.getProgress() * bar.getTotal());
    } else {
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
    }
  };
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
    progressStart(total, label) {
      if (!tty || opts.quiet || total === 0) return;
      const { SingleBar, Presets } = progressLibrary();
      bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {detail}`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      bar.start(total, 0, { detail: '' });
    },
    progressTick(detail) {
      bar?.increment(1, { detail: shorten(detail) });
    },
    progressDetail(detail) {
      bar?.update({ detail: shorten(detail) });
    },
    progressStop() {
      bar?.stop();
      bar = null;
    },
  };
}

const shorten = (detail: string) => (detail.length > 40 ? `…${detail.slice(-39)}` : detail);
