/**
 * All configuration, read from the environment and validated in one place.
 * Anything invalid is a one-line error naming the variable.
 */
import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project root (where package.json and data/ live), wherever the command is run from: the
 * nearest folder with a package.json above this module, which is lib/ in the sources and a chunk
 * of build/ in the compiled CLI.
 */
export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
/** True when this is the compiled CLI (build/, see scripts/build-cli.mjs), false when run from the TypeScript sources. */
export const COMPILED = !import.meta.url.endsWith('.ts');

function projectRoot(dir: string): string {
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
export const SAMPLE_ARCHIVE = path.join(PROJECT_ROOT, 'data', 'sample');

const EnvSchema = z.object({
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MINUTES_DATA_DIR: z.string().min(1).default('.minutes'),
  MINUTES_MEILI_BINARY: z.string().min(1).optional(),
  MINUTES_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]*$/).default(''),
  MINUTES_MAX_FILE_MB: z.coerce.number().positive().default(100),
  MINUTES_MAX_PAGES: z.coerce.number().int().positive().default(2000),
  MINUTES_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  MINUTES_MAX_UNZIPPED_MB: z.coerce.number().positive().default(200),
  // Extraction and indexing take ~0.3 GB plus ~42 MB per million characters of a file's text
  // (BENCHMARKS.md, long DOCX): 12 keeps any single file under 1 GB.
  MINUTES_MAX_TEXT_MB: z.coerce.number().positive().default(12),
  MINUTES_MASK_PERSONNUMMER: z.enum(['true', 'false', '1', '0']).default('true'),
  MINUTES_CHUNK_WORDS: z.coerce.number().int().min(50).max(2000).default(250),
  MINUTES_UI_USER: z.string().min(1).optional(),
  MINUTES_UI_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  MINUTES_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  MINUTES_BATCH_DOCS: z.coerce.number().int().min(1).max(10_000).default(100),
  MINUTES_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MINUTES_MODEL_DIR: z.string().min(1).optional(),
  MINUTES_EMBEDDINGS: z.enum(['auto', 'off']).default('auto'),
  MINUTES_EMBED_BATCH: z.coerce.number().int().min(1).max(512).default(32),
  MINUTES_OCR_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  MINUTES_OCR_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  MINUTES_TESSERACT: z.string().min(1).default('tesseract'),
  MINUTES_ALLOWED_HOSTS: z.string().regex(/^[a-zA-Z0-9.:\[\]\-_, ]*$/, 'host names separated by commas').optional(),
});

/** How scanned PDF pages are read by OCR (ingest/ocr-pages.ts). */
export interface OcrSettings {
  /** Tesseract binary (a name on PATH or a path). */
  tesseract: string;
  /** pdftoppm binary. */
  pdftoppm: string;
  /** Pages read at the same time (one Tesseract process each). */
  workers: number;
  /** A page that takes longer is killed and its file reported. */
  pageTimeoutMs: number;
  /** Where OCR results are kept by page-image hash; null: not kept. */
  cacheDir: string | null;
}

export interface Config {
  meiliUrl: string | null;
  meiliKey: string | null;
  dataDir: string;
  meiliBinary: string | null;
  indexPrefix: string;
  limits: { maxFileBytes: number; maxPages: number; parseTimeoutMs: number; maxUnzippedBytes: number; maxTextChars: number; ocr: OcrSettings };
  chunkWords: number;
  /** Basic auth for `minutes serve` (deployments beyond one workstation); null: open on 127.0.0.1. */
  uiAuth: { user: string; password: string } | null;
  /** Host names `minutes serve` accepts in the Host header besides loopback and --host. */
  allowedHosts: string[];
  /** Threads that parse and extract during an ingest (1: no worker threads). */
  workers: number;
  /** Documents written to Meilisearch per batch (each batch is a few tasks). */
  batchDocs: number;
  /** Mask Swedish personal identity numbers before indexing (on by default). */
  maskPersonnummer: boolean;
  embeddings: {
    /** Off: keyword search only, no model is loaded. */
    enabled: boolean;
    /** Hugging Face model id, or a folder name under `modelDir`. */
    model: string;
    /** Offline model folder (models as subfolders); when set, nothing is downloaded. */
    modelDir: string | null;
    /** Where downloaded models are cached. */
    cacheDir: string;
    batchSize: number;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in the environment mean "unset" (a common shell idiom: MEILI_URL= minutes …).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`invalid ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  // A login with only one half set would silently be no login.
  // (Both empty is both unset, as for every variable.)
  if (Boolean(e.MINUTES_UI_USER) !== Boolean(e.MINUTES_UI_PASSWORD)) {
    throw new ConfigError('invalid MINUTES_UI_USER/MINUTES_UI_PASSWORD: set both (the password at least 8 characters), or neither');
  }
  return {
    meiliUrl: e.MEILI_URL ? e.MEILI_URL.replace(/\/+$/, '') : null,
    meiliKey: e.MEILI_MASTER_KEY ?? null,
    dataDir: path.resolve(e.MINUTES_DATA_DIR),
    meiliBinary: e.MINUTES_MEILI_BINARY ?? null,
    indexPrefix: e.MINUTES_INDEX_PREFIX,
    limits: {
      maxFileBytes: Math.round(e.MINUTES_MAX_FILE_MB * 1024 * 1024),
      maxPages: e.MINUTES_MAX_PAGES,
      parseTimeoutMs: e.MINUTES_PARSE_TIMEOUT_MS,
      maxUnzippedBytes: Math.round(e.MINUTES_MAX_UNZIPPED_MB * 1024 * 1024),
      maxTextChars: Math.round(e.MINUTES_MAX_TEXT_MB * 1_000_000),
      ocr: {
        tesseract: e.MINUTES_TESSERACT,
        pdftoppm: 'pdftoppm',
        // Tesseract is single-threaded per page here: one process per core keeps every core busy.
        workers: e.MINUTES_OCR_WORKERS ?? os.availableParallelism(),
        pageTimeoutMs: e.MINUTES_OCR_TIMEOUT_MS,
        cacheDir: path.join(path.resolve(e.MINUTES_DATA_DIR), 'ocr-cache'),
      },
    },
    chunkWords: e.MINUTES_CHUNK_WORDS,
    allowedHosts: (e.MINUTES_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    batchDocs: e.MINUTES_BATCH_DOCS,
    // Measured on 2 cores (1 000 documents): 2 workers 17.7 s vs 19.2 s inline, but peak RSS 1.7 GB
    // vs 0.73 GB (each thread loads the dictionaries and pdf.js) — so one, unless asked.
    workers: e.MINUTES_WORKERS ?? 1,
    uiAuth: e.MINUTES_UI_USER && e.MINUTES_UI_PASSWORD ? { user: e.MINUTES_UI_USER, password: e.MINUTES_UI_PASSWORD } : null,
    maskPersonnummer: e.MINUTES_MASK_PERSONNUMMER === 'true' || e.MINUTES_MASK_PERSONNUMMER === '1',
    embeddings: {
      enabled: e.MINUTES_EMBEDDINGS === 'auto',
      model: e.MINUTES_MODEL,
      modelDir: e.MINUTES_MODEL_DIR ? path.resolve(e.MINUTES_MODEL_DIR) : null,
      cacheDir: path.join(path.resolve(e.MINUTES_DATA_DIR), 'models'),
      batchSize: e.MINUTES_EMBED_BATCH,
    },
  };
}
