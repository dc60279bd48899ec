/** The `minutes` command line: argument parsing and exit codes; the work lives in the stages. */
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, ConfigError, SAMPLE_ARCHIVE, type Config } from '../lib/config.ts';
import { createReporter } from '../lib/log.ts';
import { HYBRID_RATIO, connectMeili, MeiliClient, MeiliSupervisor, MeiliError, MeiliStartError, ArchiveIndex, searchPassages, loadEmbedder, Filters, saveSearch, listSavedSearches, deleteSavedSearch } from '../index/index.ts';
import path from 'node:path';
import { writeJsonAtomic } from '../lib/atomic-file.ts';
import { acquireLock, LockError } from '../lib/lock.ts';
import { mkdirSync } from 'node:fs';
import { formatHits, formatPeople, useColor } from './format-hits.ts';
import type { Mode, ModeResult } from './eval-command.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { diskSpaceProblem } from '../index/meili-server.ts';
import { backupSavedSearches } from '../index/saved-searches.ts';

/** Exit codes (DESIGN.md): 0 all good, 1 some files failed, 2 could not run. */
export const EXIT = { ok: 0, someFailed: 1, cannotRun: 2 } as const;

/** Runs `work` against the archive's indexes, with an embedding model when `embeddings` asks for one. */
async function withIndex<T>(config: Config, quiet: boolean, work: (index: ArchiveIndex) => Promise<T>, embeddings = false): Promise<T> {
  const reporter = createReporter({ quiet });
  const progress = config.embeddings.modelDir ? undefined : downloadProgress(reporter);
  const embedder = embeddings ? await loadEmbedder(config.embeddings, { warn: (m) => reporter.warn(m), progress }) : null;
  const conn = await connectMeili(config, { log: (m) => reporter.info(m) });
  try {
    // A task that waits long on a nearly full disk is not waited out: Meilisearch cannot finish it.
    const diagnose = conn.embedded && !config.meiliUrl ? () => diskSpaceProblem(config.dataDir, 16 * 2 ** 20) : undefined;
    return await work(new ArchiveIndex(new MeiliClient(conn.url, conn.key, { diagnose }), config.indexPrefix, embedder));
  } finally {
    await conn.stop();
  }
}

/** Model downloads report per file, at most every 10 %. */
function downloadProgress(reporter: ReturnType<typeof createReporter>) {
  const shown = new Map<string, number>();
  return (file: string, loaded: number, total: number) => {
    const pct = total ? Math.floor((loaded / total) * 10) * 10 : 0;
    if (pct > (shown.get(file) ?? -1)) { shown.set(file, pct); reporter.info(`downloading model file ${file}: ${pct} %`); }
  };
}

function program(config: () => Config, setExit: (code: number) => void): Command {
  const cmd = new Command('minutes')
    .description('Searchable archive of Swedish meeting documents (minnesanteckningar, protokoll, PM, anteckningar)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cmd.command('ingest')
    .description('ingest an archive folder into the search index (default: the bundled sample archive)')
    .argument('[dir]', 'archive folder', SAMPLE_ARCHIVE)
    .option('--full', 're-extract every file, ignoring content hashes', false)
    .option('--quiet', 'only warnings and the summary', false)
    .option('--eval <queries>', 'after indexing, run these evaluation queries, keep the history and flag a drop')
    .option('--report-json <file>', 'also write the run summary as JSON to this file')
    .action(async (dir: string, opts: { full: boolean; quiet: boolean; eval?: string; reportJson?: string }) => {
      const [{ runIngest, formatSummary }, { loadQueries }] = await Promise.all([import('./ingest-job.ts'), import('./eval-command.ts')]);
      const reporter = createReporter({ quiet: opts.quiet });
      if (opts.eval) loadQueries(opts.eval);
      mkdirSync(config().dataDir, { recursive: true });
      const release = acquireLock(path.join(config().dataDir, 'ingest.lock'), (m) => reporter.warn(m));
      const summary = await withIndex(config(), opts.quiet, async (index) => {
        const s = await runIngest(dir, { full: opts.full, config: config(), index, reporter, evalQueries: opts.eval });
        // A copy of the saved searches beside the database, for `minutes repair`.
        backupSavedSearches(config().dataDir, await listSavedSearches(index.client, index.names));
        return s;
      }, true);
      // The last run's summary stays in the data dir for schedulers and the page (written whole, then renamed).
      writeJsonAtomic(path.join(config().dataDir, 'last-run.json'), summary);
      if (opts.reportJson) writeJsonAtomic(path.resolve(opts.reportJson), summary);
      release();
      process.stdout.write(`${formatSummary(summary)}\n`);
      setExit(summary.failed.length ? EXIT.someFailed : EXIT.ok);
    });

  cmd.command('extract')
    .description('print the extraction of each file (no indexing)')
    .argument('<files...>', 'PDF, DOCX, text or Markdown files')
    .option('--json', 'one JSON object per file (JSON Lines)', false)
    .action(async (files: string[], opts: { json: boolean }) => {
      const { runExtract } = await import('./extract-command.ts');
      setExit(await runExtract(files, { json: opts.json, config: config() }));
    });

  cmd.command('search')
    .description('search the archive; one hit per document (its best passage) unless --all-passages')
    .argument('<query>', 'search words (Swedish)')
    .addOption(new Option('--mode <mode>', 'keyword, semantic or hybrid').choices(['keyword', 'semantic', 'hybrid']).default('keyword'))
    .option('--ratio <r>', 'hybrid: share of the semantic ranking, 0–1', (v) => Number.parseFloat(v), HYBRID_RATIO)
    .option('--year <years>', 'year(s), comma-separated', (v) => v.split(',').map((y) => Number.parseInt(y, 10)))
    .option('--from <date>', 'meetings on or after YYYY-MM-DD')
    .option('--to <date>', 'meetings on or before YYYY-MM-DD')
    .option('--period <periods>', 'mandate period(s), e.g. 2019-2022', list)
    .option('--body <names>', 'council or committee, e.g. Värmlandsrådet', list)
    .option('--organisation <names>', 'owning organisation, e.g. "Region Värmland"', list)
    .option('--type <types>', 'document type(s): protokoll, minnesanteckningar, pm, anteckningar, kallelse, tjansteskrivelse', list)
    .option('--theme <ids>', 'theme id(s), e.g. ukraina,kompetensforsorjning', list)
    .option('--person <names>', 'person named in the document', list)
    .option('--party <codes>', 'party code(s), e.g. S,M', list)
    .option('--filter <expr>', 'raw Meilisearch filter (combined with the options above), e.g. \'year = 2022 AND body = "Värmlandsrådet"\'')
    .option('--limit <n>', `number of hits (at most ${MAX_LIMIT})`, (v) => Number.parseInt(v, 10), 10)
    .option('--page <n>', 'page of --limit hits, from 1', (v) => Number.parseInt(v, 10))
    .option('--offset <n>', 'hits to skip (instead of --page)', (v) => Number.parseInt(v, 10))
    .option('--all-passages', 'every matching passage, not one per document', false)
    .option('--json', 'JSON output', false)
    .action(async (query: string, opts: SearchOptions) => {
      const filters = searchFilters(opts);
      const { limit, offset } = paging(opts);
      const result = await withIndex(config(), true, (index) =>
        searchPassages(index.client, index.names, { q: query, filter: opts.filter, filters, limit, offset, mode: opts.mode, ratio: opts.ratio, perDocument: !opts.allPassages }, index.embedder),
      opts.mode !== 'keyword');
      process.stdout.write(opts.json ? `${JSON.stringify({ ...result, offset, limit }, null, 2)}\n` : formatHits({ ...result, offset }, useColor(process.stdout)));
      setExit(EXIT.ok);
    });
  cmd.command('eval')
    .description('run judged evaluation queries (nDCG@k, MRR, Recall@k, P@5 per mode), or export the top hits of a plain query list')
    .argument('<queries>', 'JSON file [{"id", "q", "relevant": {"<file name>": grade}}]; or a .txt/.csv/.json list of queries without judgements')
    .addOption(new Option('--mode <mode>', 'keyword, semantic, hybrid or all').choices(['keyword', 'semantic', 'hybrid', 'all']).default('keyword'))
    .option('--k <n>', 'cut-off', (v) => Number.parseInt(v, 10), 10)
    .option('--json', 'JSON output', false)
    .option('--out <file>', 'also write the result table (Markdown) to this file')
    .option('--baseline <file>', 'compare with an earlier --json result: per-query gains and losses')
    .option('--export <file>', 'query list: write the top hits of every query to this .csv or .json file')
    .action(async (file: string, opts: { mode: Mode | 'all'; k: number; json: boolean; out?: string; baseline?: string; export?: string }) => {
      const { compareWithBaseline, exportHits, formatEval, loadQueries, loadQueryList, runEval } = await import('./eval-command.ts');
      const modes: Mode[] = opts.mode === 'all' ? ['keyword', 'semantic', 'hybrid'] : [opts.mode];
      const wantsModel = modes.some((m) => m !== 'keyword');
      if (opts.export) {
        const list = loadQueryList(file);
        const format = opts.export.endsWith('.json') ? 'json' : 'csv';
        const out = await withIndex(config(), true, (index) => exportHits(index, list, opts.k, format, modes[0]!), wantsModel);
        writeFileSync(opts.export, out);
        process.stdout.write(`${list.length} frågor, träffar skrivna till ${opts.export}\n`);
        setExit(EXIT.ok);
        return;
      }
      const queries = loadQueries(file);
      const results = await withIndex(config(), true, (index) => runEval(index, queries, modes, opts.k), wantsModel);
      const table = formatEval(results, opts.k);
      process.stdout.write(opts.json ? `${JSON.stringify(results, null, 2)}\n` : table);
      if (opts.baseline) process.stdout.write(`\n${compareWithBaseline(results, JSON.parse(readFileSync(opts.baseline, 'utf8')) as ModeResult[])}`);
      if (opts.out) writeFileSync(opts.out, table);
      setExit(EXIT.ok);
    });

  cmd.command('report')
    .description('mandate-period review: HTML and Markdown with meetings, attendance, decisions, themes per year, organisations and persons')
    .requiredOption('--period <period>', 'mandate period, e.g. 2019-2022')
    .option('--body <name>', 'only this council or committee')
    .option('--out <dir>', 'output folder', 'rapport')
    .option('--queries <file>', 'also run these evaluation queries and include the results')
    .action(async (opts: { period: string; body?: string; out: string; queries?: string }) => {
      if (!/^\d{4}-\d{4}$/.test(opts.period)) throw new ConfigError('invalid --period: expected e.g. 2019-2022');
      const [{ writeReport }, { loadQueries, runEval }] = await Promise.all([import('./report-command.ts'), import('./eval-command.ts')]);
      const queries = opts.queries ? loadQueries(opts.queries) : null;
      const written = await withIndex(config(), true, async (index) => writeReport(index, {
        period: opts.period, body: opts.body ?? null, out: opts.out,
        evalResults: queries ? await runEval(index, queries, ['keyword', 'semantic', 'hybrid'], 10) : null,
      }), Boolean(queries));
      process.stdout.write(`${written.data.documents} dokument; rapport: ${written.html}\n          ${written.markdown}\n`);
      setExit(EXIT.ok);
    });

  cmd.command('serve')
    .description('the search page and its API (Ctrl-C stops)')
    .option('--port <n>', 'port (0: any free one)', (v) => Number.parseInt(v, 10), 8080)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--allow-anonymous', 'serve beyond 127.0.0.1 without a login (MINUTES_UI_USER/MINUTES_UI_PASSWORD)', false)
    .action(async (opts: { port: number; host: string; allowAnonymous: boolean }) => {
      const reporter = createReporter({});
      const cfg = config();
      const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(opts.host);
      if (!loopback && !cfg.uiAuth && !opts.allowAnonymous) {
        throw new ConfigError(`serving on ${opts.host} without a login would open the archive to the network: set MINUTES_UI_USER and MINUTES_UI_PASSWORD, or pass --allow-anonymous`);
      }
      if (!loopback && !cfg.uiAuth) reporter.warn(`serving on ${opts.host} without a login (--allow-anonymous)`);
      const { startServer } = await import('../search-ui/index.ts');
      const embedder = await loadEmbedder(cfg.embeddings, { warn: (m) => reporter.warn(m) });
      // serve runs for days: its Meilisearch is watched and restarted or reconnected when lost.
      const { supervisor, client } = await MeiliSupervisor.start(cfg, (conn) => new MeiliClient(conn.url, conn.key, { retries: 2 }), { log: (m) => reporter.info(m) });
      const index = new ArchiveIndex(client, cfg.indexPrefix, embedder);
      const server = await startServer({
        port: opts.port, host: opts.host, index, dataDir: cfg.dataDir, auth: cfg.uiAuth, allowedHosts: cfg.allowedHosts,
        meiliStatus: () => supervisor.status(), log: (m) => reporter.warn(m),
      });
      process.stdout.write(`Sökgränssnittet: ${server.url}/  (Ctrl-C avslutar)\n`);
      // Runs until interrupted; the Meilisearch connection handles SIGINT/SIGTERM and exits.
      await new Promise(() => undefined);
    });

  cmd.command('repair')
    .description('recover a damaged embedded database: keeps the saved searches, moves the old database aside; then run minutes ingest')
    .action(async () => {
      const reporter = createReporter({});
      const cfg = config();
      mkdirSync(cfg.dataDir, { recursive: true });
      const release = acquireLock(path.join(cfg.dataDir, 'ingest.lock'), (m) => reporter.warn(m));
      const { repair } = await import('./repair-command.ts');
      try {
        const r = await repair(cfg, (m) => reporter.info(m));
        process.stdout.write(`${[
          `repaired: ${r.movedTo ? `the old database is in ${r.movedTo} (delete it when all is well)` : 'there was no database'}${r.versionFixed ? '; its VERSION file had been damaged' : ''}`,
          `${r.saved} saved search(es) kept (${r.savedFrom === 'database' ? 'read from the old database' : r.savedFrom === 'backup' ? `from ${path.join(cfg.dataDir, 'saved-searches.json')}` : 'none found'})`,
          `now index the archive again: ${r.roots.length ? r.roots.map((x) => `minutes ingest ${JSON.stringify(x)}`).join(' ; ') : 'minutes ingest DIR'}`,
        ].join('\n')}\n`);
      } finally {
        release();
      }
      setExit(EXIT.ok);
    });

  const saved = cmd.command('saved').description('saved searches (bevakningar): each ingest lists their new documents; minutes serve has an Atom feed per search');
  saved.command('add')
    .argument('<name>', 'a name for the search')
    .argument('[query]', 'search words', '')
    .option('--body <names>', 'council or committee', list)
    .option('--type <types>', 'document type(s)', list)
    .option('--theme <ids>', 'theme id(s)', list)
    .option('--person <names>', 'person(s)', list)
    .option('--party <codes>', 'party code(s)', list)
    .action(async (name: string, q: string, o: { body?: string[]; type?: string[]; theme?: string[]; person?: string[]; party?: string[] }) => {
      const filters = searchFilters(o);
      const s = await withIndex(config(), true, async (index) => {
        const made = await saveSearch(index.client, index.names, { name, q, filters });
        backupSavedSearches(config().dataDir, await listSavedSearches(index.client, index.names));
        return made;
      });
      process.stdout.write(`sparad: ${s.id} "${s.name}"\n`);
      setExit(EXIT.ok);
    });
  saved.command('list').option('--json', 'JSON output', false).action(async (o: { json: boolean }) => {
    const all = await withIndex(config(), true, (index) => listSavedSearches(index.client, index.names));
    process.stdout.write(o.json ? `${JSON.stringify(all, null, 2)}\n` : all.map((s) => `${s.id}  ${s.name}  "${s.q}" ${JSON.stringify(s.filters)}`).join('\n') + (all.length ? '\n' : 'Inga sparade sökningar.\n'));
    setExit(EXIT.ok);
  });
  saved.command('rm').argument('<id>').action(async (id: string) => {
    await withIndex(config(), true, async (index) => {
      await deleteSavedSearch(index.client, index.names, id);
      backupSavedSearches(config().dataDir, await listSavedSearches(index.client, index.names));
    });
    setExit(EXIT.ok);
  });

  cmd.command('status')
    .description('files whose last processing failed (with the reason), from the ingest state')
    .argument('[dir]', 'only this archive folder')
    .option('--json', 'JSON output', false)
    .action(async (dir: string | undefined, o: { json: boolean }) => {
      const failed = await withIndex(config(), true, (index) => index.failedFiles(dir ? path.resolve(dir) : undefined));
      process.stdout.write(o.json ? `${JSON.stringify(failed, null, 2)}\n` : failed.length ? `${failed.map((f) => `FAILED ${f.source}: ${f.reason} (${f.lastRunAt})`).join('\n')}\n` : 'Inga filer har misslyckats.\n');
      setExit(EXIT.ok);
    });

  cmd.command('people')
    .description("persons resolved across the archive: spellings, parties, and each meeting with attendance")
    .argument('[query]', 'name or part of one (all persons when left out)', '')
    .option('--limit <n>', `persons per page (at most ${MAX_LIMIT})`, (v) => Number.parseInt(v, 10), 10)
    .option('--page <n>', 'page of --limit persons, from 1', (v) => Number.parseInt(v, 10))
    .option('--json', 'JSON output', false)
    .action(async (query: string, opts: { limit: number; page?: number; json: boolean }) => {
      const { limit, offset } = paging(opts);
      const found = await withIndex(config(), true, (index) => index.searchPeople(query, limit, offset / limit + 1));
      process.stdout.write(opts.json ? `${JSON.stringify({ ...found, offset, limit }, null, 2)}\n` : formatPeople({ ...found, offset, query }, useColor(process.stdout)));
      setExit(EXIT.ok);
    });
  return cmd;
}

const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

interface SearchOptions {
  mode: 'keyword' | 'semantic' | 'hybrid'; ratio: number; filter?: string; limit: number; page?: number; offset?: number; allPassages: boolean; json: boolean;
  year?: number[]; from?: string; to?: string; period?: string[]; body?: string[]; organisation?: string[]; type?: string[]; theme?: string[]; person?: string[]; party?: string[];
}

/** The search API's largest page. */
const MAX_LIMIT = 200;

/** --limit, --page and --offset checked: a value out of range is a one-line error saying what is allowed. */
function paging(o: Pick<SearchOptions, 'limit' | 'page'> & { offset?: number }): { limit: number; offset: number } {
  if (!Number.isInteger(o.limit) || o.limit < 1 || o.limit > MAX_LIMIT) throw new ConfigError(`invalid --limit: give 1–${MAX_LIMIT} hits per page (use --page or --offset for more)`);
  if (o.page !== undefined && o.offset !== undefined) throw new ConfigError('give --page or --offset, not both');
  if (o.page !== undefined && (!Number.isInteger(o.page) || o.page < 1)) throw new ConfigError('invalid --page: pages count from 1');
  if (o.offset !== undefined && (!Number.isInteger(o.offset) || o.offset < 0)) throw new ConfigError('invalid --offset: a number of hits to skip, 0 or more');
  return { limit: o.limit, offset: o.offset ?? ((o.page ?? 1) - 1) * o.limit };
}

/** The filter options, validated (a bad value is a one-line error naming the option). */
function searchFilters(o: Pick<SearchOptions, 'year' | 'from' | 'to' | 'period' | 'body' | 'organisation' | 'type' | 'theme' | 'person' | 'party'>): Filters {
  const parsed = Filters.safeParse(Object.fromEntries(Object.entries({
    year: o.year, from: o.from, to: o.to, mandatePeriod: o.period, body: o.body, organisation: o.organisation, docType: o.type, theme: o.theme, person: o.person, party: o.party,
  }).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`invalid --${({ mandatePeriod: 'period', docType: 'type' } as Record<string, string>)[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}

/** Runs the command line; returns the exit code. Known failures are one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  let exit: number = EXIT.ok;
  let config: Config | undefined;
  const getConfig = () => (config ??= loadConfig());
  try {
    await program(getConfig, (c) => { exit = c; }).parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.cannotRun;
    process.stderr.write(`minutes: ${describeError(err, config)}\n`);
    return EXIT.cannotRun;
  }
}

/** When the embedded Meilisearch's disk is (nearly) full: how much is left, and where. */
function diskFull(config: Config | undefined): string | null {
  return config && !config.meiliUrl ? diskSpaceProblem(config.dataDir, 64 * 2 ** 20) : null;
}

/** The last distinct ERROR lines of Meilisearch's log. */
function meiliLogErrors(file: string): string[] {
  try {
    const lines = readFileSync(file, 'utf8').slice(-200_000).split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter((l) => / ERROR /.test(l));
    const distinct = [...new Set(lines.map((l) => l.replace(/^\S+\s+ERROR\s+/, '')))];
    const database = distinct.filter((l) => /invalid state|corrupt|damaged|database|MDB_/i.test(l));
    return (database.length ? database : distinct).slice(-3);
  } catch {
    return [];
  }
}

function describeError(err: unknown, config?: Config): string {
  if (err instanceof MeiliError && err.code === 'index_not_found') return 'nothing is indexed yet: run `minutes ingest [DIR]` first';
  if (err instanceof MeiliError && /filter/i.test(err.code ?? '')) return `invalid --filter: ${err.message.split('\n')[0]}`;
  // Meilisearch on a full disk says "payload malformed" or "Input/output error": say what it is.
  const full = err instanceof MeiliError || err instanceof MeiliStartError ? diskFull(config) : null;
  // (its "payload malformed" is the full disk's doing: a payload it could not store whole; no use showing it)
  const symptom = err instanceof MeiliError && (err.code === 'disk_full' || err.code === 'malformed_payload' || /payload provided is malformed/i.test(err.message));
  if (full) return `${full}; free some space, then run the command again (an ingest finishes its job)${symptom ? '' : `. Meilisearch said: ${(err as Error).message.split('\n')[0]}`}`;
  if (err instanceof MeiliError && err.code === 'queue_stuck') {
    const log = config && !config.meiliUrl ? path.join(config.dataDir, 'meili', 'meilisearch.log') : null;
    const errors = log ? meiliLogErrors(log) : [];
    return `${err.message}${errors.length ? `; Meilisearch's log says:\n${errors.map((l) => `  | ${l}`).join('\n')}` : ''}\n  recovery: stop minutes serve, run \`minutes repair\` (keeps saved searches), then \`minutes ingest DIR\` (README: When something breaks)`;
  }
  if (err instanceof ConfigError || err instanceof MeiliStartError || err instanceof MeiliError || err instanceof LockError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
