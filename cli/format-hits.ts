/** Human-readable search results: title, date, body and type, the section, the highlighted passage and the file. */
import path from 'node:path';
import type { SearchResult } from '../index/index.ts';

export function formatHits(result: SearchResult, color: boolean): string {
  if (!result.hits.length) return `Inga träffar för "${result.query}".\n`;
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const lines = [`${result.total} träffar för "${result.query}" (${result.processingTimeMs} ms)`, ''];
  result.hits.forEach((h, i) => {
    const meta = [h.date ?? 'odaterat', h.body, h.docType].filter(Boolean).join(' · ');
    lines.push(`${i + 1}. ${bold(h.title)}  ${dim(meta)}`);
    lines.push(`   ${h.sectionNumber && !h.heading.startsWith(h.sectionNumber) ? `${h.sectionNumber} ` : ''}${h.heading} (s. ${h.page})`);
    lines.push(`   ${snippetText(h.snippet, bold)}`);
    lines.push(`   ${dim(path.relative(process.cwd(), h.source) || h.source)}  ${dim(`score ${h.score}`)}`, '');
  });
  return `${lines.join('\n')}\n`;
}

function snippetText(snippet: string, bold: (s: string) => string): string {
  return snippet
    .replace(/<mark>(.*?)<\/mark>/g, (_, m: string) => bold(m))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
