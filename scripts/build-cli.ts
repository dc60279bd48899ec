/**
 * Compiles the command line once (`npm run build:cli`, part of `prepare`): TypeScript → one ESM
 * bundle per entry in build/ (gitignored), npm packages left as imports, each lazily imported module
 * its own chunk; and the parsed Swedish word list the compound splitter reads (build/lexicon.txt).
 * bin/minutes.js runs the build while it is newer than every source it was made from
 * (build/inputs.json); otherwise it runs the sources through tsx.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT as root } from '../lib/config.ts';
import { LEXICON_FILE, lexiconFileText } from '../lib/swedish-compounds.ts';

const out = path.join(root, 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ['cli/main.ts', 'cli/extract-worker.ts'],
  outdir: 'build',
  outbase: '.',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
writeFileSync(LEXICON_FILE, lexiconFileText());
writeFileSync(path.join(out, 'inputs.json'), `${JSON.stringify({ builtAt: started, inputs }, null, 1)}\n`);
process.stdout.write(`build/: the CLI compiled from ${inputs.length} sources in ${Date.now() - started} ms\n`);
