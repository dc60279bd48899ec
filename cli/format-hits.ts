/** Human-readable search results: title, date, body and type, the section, the highlighted passage and the file. */
import path from 'node:path';
import type { SearchResult } from '../index/index.ts';
import type { PersonRecord } from '../lib/schema.ts';

export function formatHits(result: SearchResult & { offset?: number }, color: boolean): string {
  const offset = result.offset ?? 0;
  if (!result.hits.length) return noHits(result, offset);
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const shown = `${offset + 1}–${offset + result.hits.length} av ${result.total}`;
  const lines = [`${shown} träffar för "${result.query}" (${result.processingTimeMs} ms)`, ''];
  if (result.unknownWords?.length) lines.splice(1, 0, `Finns inte i arkivet: ${result.unknownWords.join(', ')}`);
  result.hits.forEach((h, i) => {
    const meta = [h.date ?? 'odaterat', h.body, h.docType].filter(Boolean).join(' · ');
    lines.push(`${offset + i + 1}. ${bold(h.title)}  ${dim(meta)}`);
    lines.push(`   ${h.sectionNumber && !h.heading.startsWith(h.sectionNumber) ? `${h.sectionNumber} ` : ''}${h.heading} (s. ${h.page}${h.ocrConfidence === undefined ? '' : `, OCR ${Math.round(h.ocrConfidence)} %`})`);
    lines.push(`   ${snippetText(h.snippet, bold)}`);
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

function snippetText(snippet: string, bold: (s: string) => string): string {
  return snippet
    .replace(/<mark>(.*?)<\/mark>/g, (_, m: string) => bold(m))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const ATTENDANCE: Record<string, string> = { present: 'närvarande', absent: 'frånvarande', unknown: 'omnämnd' };

/** A person per block: name, other spellings, parties, counts, then one line per meeting. */
export function formatPeople(people: PersonRecord[]): string {
  if (!people.length) return 'Inga personer hittades.\n';
  return `${people.map((p) => [
    `${p.name}${p.parties.length ? ` (${p.parties.join(', ')})` : ''}${p.aliases.length ? ` — även: ${p.aliases.join(', ')}` : ''}`,
    `  ${p.present} närvarande, ${p.absent} frånvarande, ${p.mentioned} omnämnd${p.organisations.length ? ` · ${p.organisations.join(', ')}` : ''}${p.roles.length ? ` · ${p.roles.join(', ')}` : ''}`,
    ...p.meetings.map((m) => `  ${m.date ?? 'odaterat'}  ${ATTENDANCE[m.attendance]}  ${m.title}${m.nameInDocument !== p.name ? ` (som ${m.nameInDocument})` : ''}`),
  ].join('\n')).join('\n\n')}\n`;
}
