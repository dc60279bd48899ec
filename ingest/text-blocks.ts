/**
 * Plain text / Markdown → blocks. Headings, list items and tables (tab-separated or Markdown
 * pipes) become block kinds; bold and strike-through (`**x**`, `~~x~~`, `<del>`, `<s>`) become
 * marked runs, and emphasis and link syntax are dropped, so no markup is left in the text.
 */
import { layoutTables } from './text-table.ts';
import { ITEM_SUBHEADING_LINE } from '../lib/swedish-documents.ts';
import type { Block, Inline } from '../lib/schema.ts';
import { makeBlock, run } from '../lib/blocks.ts';

const HEADING = /^(#{1,6})\s+(.*)$/;
// Bullets only: numbered lines ("5. Uppföljning …") are agenda items the sectioner reads.
const LIST_ITEM = /^\s*[-*•]\s+/;

/** `<!-- sida 3 -->`, `<!-- page 3 -->`: a page marker written by a PDF-to-text conversion. */
const PAGE_MARKER = /^\s*<!--\s*(?:sida|page|s\.)\s*(\d+)\s*-->\s*$/i;

/** YAML front matter ("---\ntitle: …\n---") at the very start: metadata, not text. */
export function frontMatter(text: string): { fields: Record<string, string>; rest: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { fields: {}, rest: text };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([\w-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.replace(/^["']|["']$/g, '');
  }
  // Keep the line count so that nothing after it moves: blank lines where the metadata stood.
  return { fields, rest: '\n'.repeat(m[0].split('\n').length - 1) + text.slice(m[0].length) };
}

/**
 * `layoutTables`: read tables laid out by spaces (a text export of a PDF); not for Markdown, whose
 * tables are pipe tables and whose layout columns (a protocol's first page) the attendance reader reads.
 */
export function textToBlocks(input: string, opts: { layoutTables?: boolean } = {}): Block[] {
  const blocks: Block[] = [];
  const text = frontMatter(input).rest;
  let page = 1;
  let inComment = false;
  // Form feeds separate pages in text exports (pdftotext and old archives use them); page markers
  // in converted Markdown name the page outright.
  text.split('\f').forEach((pageText, pageIndex) => {
    if (pageIndex > 0) page++;
    let para: string[] = [];
    const flush = () => {
      // (a text export of a PDF has no blank line between an item's parts: its "§ 31 …" line and its
      // subheadings "Beslut", "Sammanfattning av ärendet" start blocks of their own, as in a PDF)
      for (const part of opts.layoutTables ? itemParts(para) : [para]) if (part.length) blocks.push(makeBlock('paragraph', markdownRuns(part.join('\n')), page));
      para = [];
    };
    const pageLines = pageText.split(/\r\n|\r|\n/);
    const tables = opts.layoutTables ? layoutTables(pageLines) : null;
    for (const [lineIndex, sourceLine] of pageLines.entries()) {
      const table = tables?.get(lineIndex);
      if (table) { flush(); for (const runs of table) blocks.push(makeBlock('table-row', runs, page)); continue; }
      if (table === null) continue;
      const marker = PAGE_MARKER.exec(sourceLine);
      if (marker) { flush(); page = Number(marker[1]); continue; }
      // HTML comments are not text, also when they span lines.
      let rawLine = sourceLine;
      if (inComment) {
        const end = rawLine.indexOf('-->');
        if (end < 0) continue;
        rawLine = rawLine.slice(end + 3);
        inComment = false;
      }
      // (Most lines hold no comment: the replacement is tried only on those that do.)
      if (rawLine.includes('<!--')) rawLine = rawLine.replace(/<!--[\s\S]*?-->/g, '');
      const open = rawLine.indexOf('<!--');
      if (open >= 0) { rawLine = rawLine.slice(0, open); inComment = true; }
      // A line that held only a comment is no blank line: it does not end a paragraph.
      if (!rawLine.trim() && sourceLine.trim()) continue;
      // trimEnd removes what /\s+$/ does (white space and line terminators), without a regular expression.
      const line = rawLine.trimEnd();
      if (!line.trim()) { flush(); continue; }
      const heading = HEADING.exec(line);
      // A Markdown table row ("| 1. | Val av justerare | 2024-00001 |"): its cells, as in tab tables;
      // the separator row ("| --- | --- |") is no text.
      if (line.includes('|') && /^\s*\|.*\|\s*$/.test(line)) {
        flush();
        if (!/^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line)) {
          const cells = line.trim().slice(1, -1).split('|').map((c) => c.replace(/<br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim());
          blocks.push(makeBlock('table-row', splitCells(markdownRuns(cells.join('\t'))), page));
        }
        continue;
      }
      if (heading) {
        flush();
        blocks.push(makeBlock('heading', markdownRuns(heading[2]!.trim()), page, heading[1]!.length));
      } else if (line.includes('\t')) {
        flush();
        blocks.push(makeBlock('table-row', splitCells(markdownRuns(line.trim())), page));
      } else if (LIST_ITEM.test(line)) {
        flush();
        blocks.push(makeBlock('list-item', markdownRuns(line.trim()), page));
      } else {
        para.push(line.trim());
      }
    }
    flush();
  });
  return blocks;
}


/**
 * A paragraph's lines split where an item ("§ 31 …", "Ärende 4 …") or an item subheading ("Beslut") starts;
 * a subheading and a "Dnr …" line are blocks of their own. An item's heading goes on over a wrapped line
 * ("… efter tillsyn av" / "barnavårdsutredningar") but not into the sentence under it ("Jonas Ek (SD) anmäler jäv").
 */
function itemParts(lines: string[]): string[][] {
  const parts: string[][] = [[]];
  let inHeading = false;
  for (const line of lines) {
    const sub = ITEM_SUBHEADING_LINE.test(line) || CASE_LINE.test(line);
    const item = ITEM_LINE.test(line);
    const previous = parts.at(-1)!;
    const endsHeading: boolean = inHeading && !sub && !item && !continuesHeading(previous.at(-1)!, line);
    if ((sub || item || endsHeading) && previous.length) parts.push([]);
    parts.at(-1)!.push(line);
    inHeading = item || (inHeading && !sub && !endsHeading);
    if (sub) parts.push([]);
  }
  return parts;
}

const ITEM_LINE = /^(?:§\s*|(?:Ärende|Punkt)\s+)\d+[a-z]?\.?\s/;
const CASE_LINE = /^(?:Dnr|Diarienummer|Diarienr)\.?:?\s+\S.*\d/;
/** A title wraps mid-phrase: the next line starts small (or with a number or bracket), or the line ends on a word that cannot end a title. */
const continuesHeading = (line: string, next: string) =>
  /^[\p{Ll}\d(]/u.test(next) || /(?:^|\s)(?:av|för|med|och|samt|i|till|om|på|från|inom|vid|mot|enligt|efter|under|över|inför|gällande|avseende|kring|[–,-])$/i.test(line.trimEnd());

/** The highest page a block starts on (at least `atLeast`); a loop, since a long document has more blocks than a call takes arguments. */
export function highestPage(blocks: Block[], atLeast = 1): number {
  let page = atLeast;
  for (const b of blocks) if (b.page > page) page = b.page;
  return page;
}

const MARK = /<del>|<\/del>|\*\*/g;
/** `*x*` emphasis: the asterisks go, the words stay. */
const EMPHASIS = /(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,;:!?]|$)/g;

/**
 * Inline Markdown → runs: `**x**` strong (pairs from the left; a lone `**` is dropped), `~~x~~`,
 * `<s>`, `<strike>` and `<del>` struck, `*x*` and links (`[text](url)`) reduced to their words.
 */
export function markdownRuns(source: string): Inline[] {
  // Most lines carry no inline markup at all.
  if (!/[*~<[]/.test(source)) return [run(source)];
  const text = source
    .replace(/~~(.+?)~~/g, '<del>$1</del>')
    .replace(/<(s|strike)>(.*?)<\/\1>/gi, '<del>$2</del>')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  const pairs = Math.floor((text.match(/\*\*/g) ?? []).length / 2) * 2;
  const out: Inline[] = [];
  let strong = false;
  let struck = false;
  let stars = 0;
  let last = 0;
  const push = (t: string) => { if (t) out.push(run(t.replace(EMPHASIS, '$1$2'), { strong, struck })); };
  for (const m of text.matchAll(MARK)) {
    push(text.slice(last, m.index));
    if (m[0] === '**') { if (++stars <= pairs) strong = !strong; }
    else struck = m[0] === '<del>';
    last = m.index + m[0].length;
  }
  push(text.slice(last));
  return out;
}

/** The runs of a tab-separated row, each tab starting the next cell. */
export function splitCells(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  let cell = 0;
  for (const r of runs) {
    r.text.split('\t').forEach((part, i) => {
      if (i > 0) cell++;
      out.push(run(part, { ...r, cell }));
    });
  }
  return out;
}
