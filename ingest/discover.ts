/**
 * Finds archive files under a directory: sorted, hidden entries skipped, symlink loops and unreadable
 * folders reported. Every path is resolved with realpath: only files whose real path lies inside the
 * archive root (and outside the excluded folders, e.g. the data dir with its master key) are listed;
 * a link pointing elsewhere is reported with its reason.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from './read-document.ts';

export interface Discovery {
  files: string[];
  /** Entries that could not be visited, or were refused (file or folder, reason). */
  problems: { file: string; reason: string }[];
}

export interface DiscoverOptions {
  /** Folders never indexed, even when they lie inside the archive or a link points into them (the data dir). */
  exclude?: string[];
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

async function realOrSelf(p: string): Promise<string> {
  try { return await realpath(p); } catch { return path.resolve(p); }
}

export async function discoverFiles(root: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const files: string[] = [];
  const problems: Discovery['problems'] = [];
  const seenDirs = new Set<string>();
  const top = await stat(root).catch(() => null);
  if (!top) throw new Error(`archive folder not found: ${root}`);
  const realRoot = await realpath(root);
  const excluded = await Promise.all((opts.exclude ?? []).map(realOrSelf));

  /** Why a real path may not be indexed, or null when it may. */
  const refusal = (real: string): string | null => {
    const hit = excluded.find((x) => inside(real, x));
    if (hit) return `refused: resolves into the data folder (${real})`;
    if (!inside(real, top.isFile() ? real : realRoot)) return `refused: symlink points outside the archive (to ${real})`;
    return null;
  };

  async function visit(dir: string, real: string): Promise<void> {
    if (seenDirs.has(real)) { problems.push({ file: dir, reason: 'symlink loop (folder already visited)' }); return; }
    seenDirs.add(real);
    let handle;
    try {
      handle = await opendir(dir);
    } catch (err) {
      problems.push({ file: dir, reason: `cannot open folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      return;
    }
    const entries: string[] = [];
    for await (const entry of handle) if (!entry.name.startsWith('.')) entries.push(entry.name);
    for (const name of entries.sort()) {
      const full = path.join(dir, name);
      const info = await stat(full).catch((err: NodeJS.ErrnoException) => err);
      if (info instanceof Error) { problems.push({ file: full, reason: `cannot open: ${info.code ?? info.message}` }); continue; }
      if (!info.isDirectory() && !info.isFile() && formatOf(full)) { problems.push({ file: full, reason: 'not a regular file (a FIFO, socket or device): skipped, never opened' }); continue; }
      if (!info.isDirectory() && !(info.isFile() && formatOf(full))) continue;
      const realFull = await realpath(full).catch((err: NodeJS.ErrnoException) => err);
      if (realFull instanceof Error) { problems.push({ file: full, reason: `cannot resolve: ${realFull.code ?? realFull.message}` }); continue; }
      const refused = refusal(realFull);
      // A loop back into the archive is reported as a loop, not as a link out.
      if (refused && !(info.isDirectory() && seenDirs.has(realFull))) { problems.push({ file: full, reason: refused }); continue; }
      if (info.isDirectory()) await visit(full, realFull);
      else files.push(full);
    }
  }

  if (top.isFile()) {
    if (!formatOf(root)) return { files: [], problems: [{ file: root, reason: 'unsupported file type' }] };
    const refused = refusal(realRoot);
    return refused ? { files: [], problems: [{ file: root, reason: refused }] } : { files: [root], problems: [] };
  }
  const refusedRoot = excluded.find((x) => inside(realRoot, x));
  if (refusedRoot) throw new Error(`archive folder ${root} lies inside the data folder ${refusedRoot}: choose another folder`);
  await visit(root, realRoot);
  return { files, problems };
}
