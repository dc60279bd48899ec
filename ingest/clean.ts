/**
 * Cleaning: Unicode NFC and invisible characters; page headers/footers that repeat on every page
 * removed (kept once as `pageHeader`); lines and paragraphs broken by layout or page breaks joined.
 * Paragraph and heading boundaries are kept.
 */
import type { Block, CleanDocument, RawDocument } from '../lib/schema.ts';
import { maskPersonnummer } from './personnummer.ts';
import { highestPage } from './text-blocks.ts';
import { concatRuns, hasCells, mapRuns, textBlock, withRuns } from '../lib/blocks.ts';
import { ITEM_SUBHEADING_LINE } from '../lib/swedish-documents.ts';

export function cleanDocument(raw: RawDocument, opts: { maskPersonnummer?: boolean } = {}): CleanDocument {
  let masked = 0;
  const mask = (text: string) => {
    if (opts.maskPersonnummer === false) return text;
    const r = maskPersonnummer(text);
    masked += r.count;
    return r.text;
  };
  let blocks = raw.blocks.map((b) => maskBlock(mapRuns(b, (t) => mendParagraphSign(normaliseChars(t))), mask)).filter((b) => b.text.trim() !== '');
  // Text with its own page breaks (form feeds, `<!-- sida N -->`) has its headers at the page
  // margins; guessing pages from repeated runs there would also drop repeated body text
  // ("Beslut", "noterar informationen till protokollet.").
  const pdfLines = blocks.some((b) => b.kind === 'line');
  const explicitPages = !pdfLines && raw.pageCount >= 2;
  const byPosition = removePageMargins(blocks, raw.pageCount, pdfLines ? 4 : 2);
  // A PDF knows its pages too: there a repeated run is a header only where it stands at a page's
  // top or bottom. Elsewhere it is an item's boilerplate ("Beslut" / "Nämnden … noterar informationen
  // till protokollet." / "Sammanfattning av ärendet"), which a protocol repeats on every item's page.
  // A Word document keeps its page header in its own part, never in the body: what repeats there is
  // the items' own text ("Dnr IFN 2024/12" / "Ärendebeskrivning" under every item).
  const byRun = explicitPages || raw.format === 'docx' ? { blocks: byPosition.blocks, header: [] } : removeRepeatedRuns(byPosition.blocks, pdfLines && raw.pageCount >= 2);
  blocks = joinLines(byRun.blocks);
  blocks = joinBrokenParagraphs(blocks);
  const pageHeader = [...byPosition.header, ...byRun.header];
  const pageCount = highestPage(blocks, raw.pageCount);
  const metaTitle = raw.metaTitle === null ? null : mask(raw.metaTitle);
  return { ...raw, metaTitle, blocks, pageHeader, pageCount, personnummerMasked: masked };
}

/**
 * Masks run by run, so the marks stay; a number that a mark splits ("**19811218**-9876") is found
 * in the block's whole text, and then the block loses its marks rather than the number its mask.
 */
function maskBlock(block: Block, mask: (text: string) => string): Block {
  const masked = mapRuns(block, mask);
  if (masked.inlines.length < 2) return masked;
  const whole = mask(masked.text);
  return whole === masked.text ? masked : textBlock(block.kind, whole, block.page, block.level);
}

/** NFC; soft hyphens and zero-width characters dropped; NBSP and odd hyphens made plain. */
const ODD_CHARS = /[\u00ad\u200b\u200c\u200d\ufeff\u2010\u2011\u00a0]/;

export function normaliseChars(text: string): string {
  const nfc = text.normalize('NFC');
  // Most runs have none of the characters replaced below.
  if (!ODD_CHARS.test(nfc)) return nfc;
  return nfc
    .replace(/[\u00ad\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u00a0/g, ' ');
}

/** OCR reads an agenda item's § as "$" (escaped "\\$" in converted Markdown): "\\$ 48 Dnr KFT-…", "$49 Dnr …". */
const OCR_PARAGRAPH_SIGN = /^([ \t]*)\\?\$[ \t]*(?=\d{1,3}[a-z]?(?:[ \t]+(?:Dnr|\p{Lu})|[ \t]*$))/gmu;

export function mendParagraphSign(text: string): string {
  return text.includes('$') ? text.replace(OCR_PARAGRAPH_SIGN, '$1§ ') : text;
}

/** Digits vary between pages ("Sida 2 (5)"), so repeated margins are compared with digits masked. */
const marginKey = (text: string, maskDigits = true) => {
  const digits = maskDigits && /\d/.test(text) ? text.replace(/\d+/g, '#') : text;
  // Single spaces are left as they are: only other white space, or more than one, needs folding.
  const spaced = /[^\S ]|  /.test(digits) ? digits.replace(/\s+/g, ' ') : digits;
  return spaced.trim().toLowerCase();
};
/**
 * A margin's key with only its page counter masked ("Sida 2 (5)", "2 (13)", "3/8", a bare number):
 * other digits of a running header are the same on every page, and a line whose other digits differ
 * ("§ 47 Dnr KFT-2026-00107" atop the next item's page) is text, not a margin.
 */
const pageMarginKey = (text: string) => marginKey(text.split('\n').map((line) => line
  .replace(/(?<![\p{L}])(?:sida|page|s\.)\s*\d+(?:\s*(?:\(\d+\)|av\s+\d+|of\s+\d+|\/\s*\d+))?/giu, '#')
  .replace(/(?<![\d/-])\d+\s*(?:\(\s*\d+\s*\)|\/\s*\d+)\s*$/u, '#')
  .replace(/^\s*\d+\s*$/u, '#')).join('\n'), false);

const isPageNumber = (text: string) => /^(sida|page|s\.)?\s*#(\s*(\(#\)|av #|\/ ?#|of #))?$/.test(marginKey(text));

/** "Arvika kommun — Protokoll — Sida 2 (5)" → "Arvika kommun — Protokoll": the header kept once must not say page 1. */
function withoutPageNumber(text: string): string {
  // Line by line: a header block holds its page counter on one line ("… SAMMANTRÄDESPROTOKOLL  2 (16)")
  // and may end in a date ("Datum\n2024-01-24"), whose day is no page number.
  return text.split('\n').map((line) => (/\d{4}-\d{2}-\d{2}$/.test(line.trim()) ? line : line
    .replace(/[\s—–|-]*(sida|page|s\.)?\s*\d+\s*(\(\d+\)|av \d+|\/\s*\d+)?\s*$/i, '')
    .replace(/^(sida|page)\s*\d+\s*(\(\d+\))?[\s—–|-]*/i, '')
    .trim() || line)).join('\n');
}

/**
 * Multi-page files: a block that sits in the top or bottom margin (first/last 4 lines of a page
 * read as lines (PDF), first/last 2 paragraphs of a text page) of most pages is a running header or footer.
 */
function removePageMargins(blocks: Block[], pageCount: number, MARGIN: number): { blocks: Block[]; header: string[] } {
  if (pageCount < 2) return { blocks, header: [] };
  const pages = new Map<number, Block[]>();
  for (const b of blocks) pages.set(b.page, [...(pages.get(b.page) ?? []), b]);
  const seenOn = new Map<string, Set<number>>();
  for (const [page, list] of pages) {
    const margin = [...list.slice(0, MARGIN), ...list.slice(-MARGIN)];
    for (const b of margin) {
      const key = pageMarginKey(b.text);
      seenOn.set(key, (seenOn.get(key) ?? new Set()).add(page));
    }
  }
  const threshold = Math.max(2, Math.ceil(pages.size * 0.6));
  const repeated = new Set([...seenOn].filter(([, p]) => p.size >= threshold).map(([k]) => k));
  if (!repeated.size) return { blocks, header: [] };
  const header: string[] = [];
  const kept: Block[] = [];
  for (const [, list] of pages) {
    const marginIdx = new Set([...list.keys()].filter((i) => i < MARGIN || i >= list.length - MARGIN));
    list.forEach((b, i) => {
      const key = pageMarginKey(b.text);
      // (an item's subheading, "Sammanfattning av ärendet", or its boilerplate sentence near the foot
      // of many short items' pages is the items' text, not a footer)
      if (marginIdx.has(i) && repeated.has(key) && !ITEM_SUBHEADING_LINE.test(b.text.trim()) && !isSentence(b.text)) {
        const text = withoutPageNumber(b.text);
        if (!isPageNumber(b.text) && !header.includes(text)) header.push(text);
      } else kept.push(b);
    });
  }
  return { blocks: kept, header };
}

/**
 * Text exports of PDFs carry the page header as a run of blocks repeated at every page break
 * (seed 003: a three-paragraph block, five times). A run of ≥2 blocks repeated ≥3 times, or of
 * ≥3 blocks repeated twice, is removed everywhere; each removal inside the text is a page break.
 */
function removeRepeatedRuns(blocks: Block[], onlyAtMargins = false): { blocks: Block[]; header: string[] } {
  const atPageEdge = onlyAtMargins ? pageEdges(blocks) : () => true;
  const keys = blocks.map((b) => marginKey(b.text));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const runs: { start: number; length: number; key: string }[] = [];
  for (let i = 0; i < blocks.length;) {
    if ((counts.get(keys[i]!) ?? 0) < 2) { i++; continue; }
    let j = i;
    while (j < blocks.length && (counts.get(keys[j]!) ?? 0) >= 2) j++;
    runs.push({ start: i, length: j - i, key: keys.slice(i, j).join('\u0000') });
    i = j;
  }
  const occurrences = new Map<string, typeof runs>();
  for (const r of runs) occurrences.set(r.key, [...(occurrences.get(r.key) ?? []), r]);
  const drop = new Set<number>();
  let header: string[] = [];
  for (const all of occurrences.values()) {
    const len = all[0]!.length;
    // In a PDF a header or footer is a few lines at a page's edge, the same to the digit: a longer run is the
    // items' own boilerplate, and "§ 5 Dnr KS-2024-00123" differs from page to page (a page counter stands alone).
    const exact = (r: { start: number }) => blocks.slice(r.start, r.start + len).map((b) => b.text).join('\u0000');
    const first = onlyAtMargins && len <= 6 ? exact(all[0]!) : '';
    const list = !onlyAtMargins ? all : len > 6 ? [] : all.filter((r) => atPageEdge(r.start, r.start + len - 1) && exact(r) === first);
    if (!((len >= 2 && list.length >= 3) || (len >= 3 && list.length >= 2))) continue;
    if (!header.length) header = blocks.slice(list[0]!.start, list[0]!.start + len).flatMap((b) => b.text.split('\n').map((l) => l.trim()));
    for (const r of list) for (let k = r.start; k < r.start + r.length; k++) drop.add(k);
  }
  if (!drop.size) return { blocks, header: [] };
  // Renumber pages: a dropped run that follows kept text starts a new page.
  const kept: Block[] = [];
  let pageShift = 0;
  let sawText = false;
  blocks.forEach((b, i) => {
    if (drop.has(i)) { if (sawText && !drop.has(i - 1)) pageShift++; return; }
    sawText = true;
    kept.push({ ...b, page: b.page + pageShift });
  });
  return { blocks: kept, header };
}

/** Whether a run of blocks from `first` to `last` opens its page or closes it. */
function pageEdges(blocks: Block[]): (first: number, last: number) => boolean {
  const start = new Map<number, number>();
  const end = new Map<number, number>();
  blocks.forEach((b, i) => { if (!start.has(b.page)) start.set(b.page, i); end.set(b.page, i); });
  return (first, last) => start.get(blocks[first]!.page) === first || end.get(blocks[last]!.page) === last;
}

const ITEM_START = /^§\s*\d+[a-z]?\s+(?:dnr|\p{Lu})/iu;
const TERMINAL = /[.!?:;…]["”’)]?$/;
const STARTS_LOWER = /^[\p{Ll}]/u;
const LIST_START = /^([-•–*]\s|\d+[.)]\s|§\s*\d)/;
/** A labelled header field starts its own line even after a long one ("Plats och tid: …" / "Dnr KS 2021/388"). */
const FIELD_START = /^(dnr|diarienummer|datum|plats|tid|justerare|sekreterare|närvarande|beslutande|frånvarande|ersättare|övriga närvarande|handläggare)(?![\p{L}])/iu;
/** A line ending in one of these words cannot end a sentence: the next block continues it. */
export const DANGLING = /(?<![\p{L}])(av|och|att|i|på|för|till|med|om|som|den|det|de|en|ett|samt|eller|från|vid|under|inom|mellan|kring|mot|efter|inför|genom|hos|utan|än|när|där|men|så|är|var|har|kan|ska|skall)$/iu;

/** An item's number alone on its line ("6" over "Information om …"), after a sentence: the next item, not the sentence's end. */
const BARE_ITEM_NUMBER = /^\s*\d{1,2}\s*$/;

/** A sentence of running text: five words or more, ending in a full stop, no digits (a footer's address or counter has them). */
const isSentence = (text: string) => /\.$/.test(text.trim()) && !/\d/.test(text) && text.trim().split(/\s+/).length >= 5;

/** PDF `line` blocks → paragraphs. A short line followed by a capital starts a new paragraph. */
function joinLines(blocks: Block[]): Block[] {
  const lengths = blocks.filter((b) => b.kind === 'line').map((b) => b.text.length).sort((a, b) => a - b);
  // A full line of body text on an A4 page holds 60+ characters whatever the sample of lines says.
  const fullLength = Math.max(60, lengths.length ? lengths[Math.floor(lengths.length * 0.8)]! : 0);
  const out: Block[] = [];
  /** Paragraphs built from lines, with the length of the last line joined into each. */
  const lastLine = new Map<Block, number>();
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind !== 'line') { out.push(b); continue; }
    const prevLength = prev ? lastLine.get(prev) : undefined;
    const continues = prev !== undefined && prevLength !== undefined && prev.kind === 'paragraph'
      && !LIST_START.test(b.text) && !FIELD_START.test(b.text) && !hasCells(b)
      && !(TERMINAL.test(prev.text) && (ITEM_SUBHEADING_LINE.test(b.text.trim()) || BARE_ITEM_NUMBER.test(b.text))) && !ITEM_SUBHEADING_LINE.test(prev.text.trim())
      && (prevLength >= fullLength * 0.8 || !/^[\p{Lu}\d§]/u.test(b.text) || DANGLING.test(prev.text));
    if (continues) {
      const joined = joinBlocks(prev, b, '\n');
      out[out.length - 1] = joined;
      lastLine.set(joined, b.text.length);
    } else {
      const kind = hasCells(b) ? 'table-row' : /^[-•–*]\s/.test(b.text) ? 'list-item' : 'paragraph';
      const block: Block = { ...b, kind };
      lastLine.set(block, b.text.length);
      out.push(block);
    }
  }
  return out;
}

/** Joins two pieces of one sentence, mending a word hyphenated at the line end; `lineBreak` between lines of one paragraph. */
function joinBlocks(a: Block, b: Block, lineBreak = ' '): Block {
  const hyphen = /(\p{L})-$/u.exec(a.text);
  if (hyphen && STARTS_LOWER.test(b.text)) {
    // "hälso-" + "och sjukvård" keeps its hyphen and space; "EU-" + "nivå" keeps the hyphen; "organisa-" + "tion" joins.
    if (/^(och|eller|samt|till|som)\b/.test(b.text)) return withRuns(a, concatRuns(a.inlines, ' ', b.inlines));
    if (/\p{Lu}-$/u.test(a.text)) return withRuns(a, concatRuns(a.inlines, '', b.inlines));
    const cut = a.inlines.map((r) => ({ ...r }));
    cut.at(-1)!.text = cut.at(-1)!.text.slice(0, -1);
    return withRuns(a, concatRuns(cut, '', b.inlines));
  }
  // (a PDF's lines keep their break, as a text file's do: a protocol's flattened columns are read line by line)
  return withRuns(a, concatRuns(a.inlines, lineBreak, b.inlines));
}

/** A paragraph cut by a blank line or page break ("granskar så att det inte" / "strider mot …") is one sentence. */
function joinBrokenParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const mid = prev && prev.kind === 'paragraph' && b.kind === 'paragraph'
      && !TERMINAL.test(prev.text) && !hasCells(prev)
      // An agenda item ("§ 23   Dnr FG-2025-00004") starts afresh whatever the page before ended with.
      && !ITEM_START.test(b.text)
      && (STARTS_LOWER.test(b.text) || (DANGLING.test(prev.text) && prev.text.length > 40));
    if (mid) out[out.length - 1] = joinBlocks(prev, b);
    else out.push({ ...b });
  }
  return out;
}
