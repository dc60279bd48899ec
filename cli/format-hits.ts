/** Human-readable search results: title, date, body and type, the section, the highlighted passage and the file. */
import path from 'node:path';
import type { SearchResult } from '../index/index.ts';
import type { PersonRecord } from '../lib/schema.ts';
import { sectionsText } from '../lib/protocol-text.ts';

/**
 * Colour and bold on a terminal, plain text when piped. NO_COLOR (set, not empty) turns them off
 * (no-color.org); FORCE_COLOR (set, not 0) turns them on also when piped, e.g. into `less -R`.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && !['0', 'false'].includes(env.FORCE_COLOR)) return true;
  return Boolean(stream.isTTY);
}

interface Styles { bold: (s: string) => string; dim: (s: string) => string; match: (s: string) => string }
const styles = (color: boolean): Styles => ({
  bold: (s) => (color ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s) => (color ? `\x1b[2m${s}\x1b[22m` : s),
  // A match stands out from the bold title: bold and yellow.
  match: (s) => (color ? `\x1b[1;33m${s}\x1b[39;22m` : s),
});

export function formatHits(result: SearchResult & { offset?: number }, color: boolean): string {
  const offset = result.offset ?? 0;
  if (!result.hits.length) return noHits(result, offset);
  const { bold, dim, match } = styles(color);
  const shown = `${offset + 1}–${offset + result.hits.length} av ${result.total}`;
  const lines = result.correctedQuery
    ? [`Inga träffar för "${result.query}". Visar ${shown} träffar för "${result.correctedQuery}" (${result.processingTimeMs} ms)`, '']
    : [`${shown} träffar för "${result.query}" (${result.processingTimeMs} ms)`, ''];
  if (result.unknownWords?.length) lines.splice(1, 0, `Finns inte i arkivet: ${result.unknownWords.join(', ')}`);
  if (result.alsoSearched?.length) lines.splice(1, 0, `Sökte också efter synonymer: ${result.alsoSearched.join(', ')}`);
  result.hits.forEach((h, i) => {
    const meta = [h.date ?? 'odaterat', h.body, h.docType].filter(Boolean).join(' · ');
    lines.push(`${offset + i + 1}. ${bold(h.title)}  ${dim(meta)}`);
    lines.push(`   ${h.sectionNumber && !h.heading.startsWith(h.sectionNumber) ? `${h.sectionNumber} ` : ''}${h.heading} (s. ${h.page}${h.ocrConfidence === undefined ? '' : `, OCR ${Math.round(h.ocrConfidence)} %`})`);
    lines.push(`   ${snippetText(h.snippet, match)}`);
    lines.push(`   ${dim(path.relative(process.cwd(), h.source) || h.source)}  ${dim(`score ${h.score}`)}`, '');
  });
  return `${lines.join('\n')}\n`;
}

function noHits(result: SearchResult, offset: number): string {
  if (offset > 0 && result.total > 0) return `Inga fler träffar: "${result.query}" har ${result.total} (sidan börjar vid ${offset + 1}).\n`;
  const unknown = result.unknownWords?.length ? ` Orden finns inte i arkivet: ${result.unknownWords.join(', ')}.` : '';
  const suggestion = result.suggestion ? ` Menade du "${result.suggestion}"?` : '';
  return `Inga träffar för "${result.query}".${unknown}${suggestion}\n`;
}

function snippetText(snippet: string, match: (s: string) => string): string {
  return snippet
    .replace(/<mark>(.*?)<\/mark>/g, (_, m: string) => match(m))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const ATTENDANCE: Record<string, string> = { present: 'närvarande', absent: 'frånvarande', unknown: 'omnämnd' };

/** One page of persons: how many of how many, then a person per block (name, other spellings, parties, counts, one line per meeting). */
export function formatPeople(page: { people: PersonRecord[]; total: number; offset: number; query: string }, color: boolean): string {
  const { people, total, offset } = page;
  const forQuery = page.query ? ` för "${page.query}"` : '';
  if (!people.length) return total ? `Inga fler personer${forQuery}: ${total} finns (sidan börjar vid ${offset + 1}).\n` : `Inga personer hittades${forQuery}.\n`;
  const { bold, dim } = styles(color);
  const shown = offset + people.length;
  const more = shown < total ? ` — fler med --page ${Math.floor(offset / people.length) + 2}` : '';
  const head = `${offset + 1}–${shown} av ${total} personer${forQuery}${dim(more)}\n\n`;
  return `${head}${people.map((p) => [
    `${bold(p.name)}${p.parties.length ? ` (${p.parties.join(', ')})` : ''}${p.aliases.length ? ` — även: ${p.aliases.join(', ')}` : ''}`,
    `  ${p.present} närvarande, ${p.absent} frånvarande, ${p.mentioned} omnämnd${p.organisations.length ? ` · ${p.organisations.join(', ')}` : ''}${p.roles.length ? ` · ${p.roles.join(', ')}` : ''}`,
    ...p.meetings.map((m) => `  ${m.date ?? 'odaterat'}  ${ATTENDANCE[m.attendance]}${m.sections ? ` ${sectionsText(m.sections)}` : ''}  ${m.title}${m.nameInDocument !== p.name ? ` (som ${m.nameInDocument})` : ''}`),
  ].join('\n')).join('\n\n')}\n`;
}
