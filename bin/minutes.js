#!/usr/bin/env node
// The `minutes` command. `npm ci` compiles it into build/ (the `prepare` script): while that build is
// newer than every source it was made from, it runs as is, without compiling anything at start.
// Otherwise (no build, or a checkout edited since) the TypeScript sources run through tsx, with a
// note; MINUTES_FROM_SOURCE=1 runs the sources always (development).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** 'fresh', or why the build cannot be used. */
function buildState() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'build', 'inputs.json'), 'utf8'));
  } catch {
    return 'missing';
  }
  for (const file of manifest.inputs) {
    let modified;
    try { modified = statSync(path.join(root, file)).mtimeMs; } catch { return 'older than the sources'; }
    if (modified > manifest.builtAt) return 'older than the sources';
  }
  return 'fresh';
}

/** One line on stderr, as the commands write theirs: plain on a terminal, a JSON log line otherwise. */
function note(msg) {
  process.stderr.write(process.stderr.isTTY ? `minutes: ${msg}\n` : `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg })}\n`);
}

let main;
const state = process.env.MINUTES_FROM_SOURCE === '1' ? 'skipped' : buildState();
if (state === 'fresh') {
  ({ main } = await import('../build/cli/main.js'));
} else {
  if (state !== 'skipped') note(`the compiled CLI (build/) is ${state}: running the TypeScript sources through tsx (slower start); \`npm run build:cli\` compiles it`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
