/** Finds archive files under a directory: sorted, hidden entries skipped, symlink loops and unreadable folders reported. */
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from './read-document.ts';

export interface Discovery {
  files: string[];
  /** Entries that could not be visited (file or folder, reason). */
  problems: { file: string; reason: string }[];
}

export async function discoverFiles(root: string): Promise<Discovery> {
  const files: string[] = [];
  const problems: Discovery['problems'] = [];
  const seenDirs = new Set<string>();

  async function visit(dir: string): Promise<void> {
    const real = await realpath(dir);
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
      if (info.isDirectory()) await visit(full);
      else if (info.isFile() && formatOf(full)) files.push(full);
    }
  }

  const top = await stat(root).catch(() => null);
  if (!top) throw new Error(`archive folder not found: ${root}`);
  if (top.isFile()) return { files: formatOf(root) ? [root] : [], problems: formatOf(root) ? [] : [{ file: root, reason: 'unsupported file type' }] };
  await visit(root);
  return { files, problems };
}
