/**
 * The first-page block of a Swedish protocol (the municipal template):
 *
 *   Beslutande    Ledamöter                     Tjänstgörande ersättare
 *   Anna Ek (M), Ordförande Bo Lund (S) ersätter
 *   Per Holm (S)                  Eva Berg (S)
 *   Övriga närvarande Ersättare                 Tjänstepersoner
 *   Gert Svensson (S)             Karl Persson, förvaltningschef
 *   Sekreterare   Erik Norinder                 Paragrafer § 1-14
 *   Protokolljusterare Charlotte Wallenstein (M)
 *
 * Text extraction flattens the two columns onto shared lines, so a replacement ("X (S) ersätter
 * Y (S)", also "för", "tjänstgör för") may wrap: the replaced member's first name ends one line and the rest of the
 * name stands after the left column's entry on the next. Everyone under Beslutande and Övriga
 * närvarande is present; a replaced member is absent unless also listed as present (partial
 * attendance counts as present); signature lines name the secretary, chair and justerare.
 *
 * What follows a name up to the next name, on its line and on lines without a name after it, may
 * say for which §§ the person was there ("§§ 253-" / "256", "deltar ej § 276 pga." / "jäv"): for a
 * replacement ("X ersätter Y §§ 12-17") that is the ersättare's. A range left open where the left
 * column wraps ("… §§ 18-" and "23" opening the next line) is completed by the next line's start.
 */
import type { Block } from '../lib/schema.ts';
import { findNames } from './person-names.ts';
import { firstNameSet, partyCodes } from '../lib/reference-data.ts';
import { ABSENCE_WORDS } from '../lib/swedish-documents.ts';
import type { PersonMention } from './person-resolution.ts';
import { statedSections } from './partial-attendance.ts';

const START = /^beslutande(?![\p{L}])/iu;
/** Labels of those present who are not members: "Övriga närvarande", "Övriga deltagare", "Ej tjänstgörande ersättare", a column "Tjänstepersoner" of its own. */
const OTHERS = /^(?:övriga\s+(?:närvarande|deltagare)|övriga(?=\s*:)|ej\s+tjänstgörande\s+ersättare|närvarande\s+ersättare|ersättare|tjänstepersoner|tjänstemän|adjungerade?|insynsplatser?)(?![\p{L}])/iu;
/** A member listed and marked as not there: "Eva Berg (C) frånvarande", "(anmält förhinder)". */
const ABSENT_MARK = new RegExp(String.raw`^[\s,(–-]*(?:${ABSENCE_WORDS})(?![\p{L}])(?![\s,)]*(?:vid\s+|i\s+)?(?:§|ärende|punkt))`, 'iu');
const ABSENT = /^(frånvarande|anmält förhinder|ej närvarande)(?![\p{L}])/iu;
const END = /^(plats och tid för justering|justeringens plats|innehåll|§\s*\d+\s+(?:dnr|\p{Lu}))/iu;
/** Column labels; a line may hold several ("Övriga närvarande Ersättare   Tjänstepersoner"). */
const LABELS = /^(?:beslutande|ledamöter|tjänstgörande ersättare|övriga närvarande|övriga deltagare|ersättare|tjänstepersoner|tjänstemän|personalföreträdare|övriga|närvarande|namn|parti|roll|frånvarande)(?![\p{L}])\s*/iu;
const SIGNATURE = /^(?:underskrifter\s+)?(sekreterare|ordförande|protokolljusterare|justerare|justerande)\s+(\S.*)$/iu;
const PARTY = String.raw`\(\s*([\p{Lu}]{1,4})\s*\)`;
/** "Anna Ek (M)", "Thorbjörn Andersson, (SD)", "Jörgensen (M)" (the rest of a wrapped name). */
const ENTRY = new RegExp(String.raw`((?:[\p{Lu}][\p{L}'’-]*\s+){0,3}[\p{Lu}][\p{L}'’-]*)\s*,?\s*${PARTY}`, 'gu');
const ROLE_WORD = /^(ordförande|vice|ledamot|ersättare|tjänstgörande)$/i;
const REPLACES = /^[\s,]*(?:§§?\s*[\d\s,–-]*)?(?:ersätter|(?:tjänstgör(?:ande)?\s+)?för)\s*(.*)$/iu;
/** The replacement said after the entry's municipality or title: "Viktoria Lund (S), Svenljunga kommun, tjänstgörande ersättare för Henrik". */
const REPLACES_LATER = /(?:,\s*(?:tjänstgörande\s+ersättare|tjänstgör|ersättare)\s+för|\sersätter)\s+(.*)$/iu;

/** A signature label with its name elsewhere ("Sekreterare", OCR's "Ordförand:«"). */
const BARE_LABEL = /^(?:sekreterare|ordförand\p{L}*|protokolljusterare|justerare|justerande|underskrifter)[^\p{L}]*$/iu;

/**
 * A line that is one person and nothing else: "Alireza Sherzad (S)" (an ersättare), "Karl Persson,
 * förvaltningschef" (a tjänsteperson), "Erik Norinder".
 */
function nameLine(line: string): { name: string; party: string | null; role: string | null }[] {
  const hit = findNames(line, { anyFirstName: true })[0];
  if (!hit || hit.index !== 0) return [];
  const rest = line.slice(hit.end).trim();
  const party = new RegExp(String.raw`^${PARTY}$`, 'u').exec(rest)?.[1] ?? null;
  if (party) return [{ name: hit.name, party, role: 'ersättare' }];
  const title = /^,\s*(\p{Ll}[\p{L}-]*)$/u.exec(rest)?.[1];
  if (title) return [{ name: hit.name, party: null, role: title }];
  return rest ? [] : [{ name: hit.name, party: null, role: null }];
}

interface Entry { name: string; party: string; start: number; end: number }

function entries(line: string): Entry[] {
  return [...line.matchAll(ENTRY)].map((m) => {
    let words = m[1]!.split(/\s+/);
    while (words.length > 1 && ROLE_WORD.test(words[0]!)) words.shift();
    // A cell's entries run together: the previous member's municipality is no part of the name ("Borås Stad Tommy Fransson (C)").
    let place = -1;
    words.forEach((w, k) => { if (k < words.length - 2 && /^(?:Stad|Kommun|Region|Regionen)$/.test(w)) place = k; });
    if (place >= 0) words = words.slice(place + 1 + (words[place] === 'Region' ? 1 : 0));
    return { name: words.join(' '), party: m[2]!, start: m.index + m[0].indexOf(words[0]!), end: m.index + m[0].length };
  }).filter((e) => !ROLE_WORD.test(e.name));
}

const stripLabels = (line: string) => { let l = line.trim(); for (let m = LABELS.exec(l); m && m[0]; m = LABELS.exec(l)) l = l.slice(m[0].length); return l; };

/** "Jan-" + "Christer Jansson" = "Jan-Christer Jansson"; "Anders" + "Eriksson" = "Anders Eriksson". */
const complete = (partial: string, rest: string) => (partial.endsWith('-') ? partial + rest : `${partial} ${rest}`).trim();

export const ATTENDANCE_BLOCK_RULE = 'protocol-attendance-block';

export interface AttendanceBlock { mentions: PersonMention[]; blocks: Set<number> }

export function readAttendanceBlock(blocks: Block[], blockSection: string[] = []): AttendanceBlock {
  const lines: { text: string; block: number }[] = [];
  // "Anna -Karin": a hyphen set off from the first part of a name by layout.
  // (the first page's blocks: a PDF may give every line of a long list a block of its own)
  // A table of three or more columns ("Namn | Parti | Uppdrag | Tjänstgörande | Ersätter") kept its
  // structure: the column rules in persons.ts read it, not this.
  const structured = (b: Block) => b.kind === 'table-row' && b.inlines.filter((r) => r.text.trim() && r.cell !== undefined).length >= 3;
  // (running lines wrap a name at the line's end: "…, vice ordförande, Yasmin" / "Osman (S), …" — the first name goes with it)
  // (also in a list without parties, a known first name: "Linda Johansson, vårdförbundet, Henrik" / "Hansson, kommunal")
  const unwrap = (text: string) => (text.includes('\n') ? text.replace(/,[^\S\n]*(\p{Lu}[\p{Ll}-]+)\n(?=\p{Lu}[\p{L}'’-]*(\s*\(\p{Lu}{1,4}\)|,))/gu, (all, first: string, party: string) => (party.includes('(') || firstNameSet().has(first) ? `,\n${first} ` : all)) : text);
  blocks.slice(0, 60).forEach((b, i) => { if (!structured(b)) for (const text of unwrap(b.text).split('\n')) lines.push({ text: text.includes(' -') ? text.replace(/(\p{L}) -(\p{Lu})/gu, '$1-$2') : text, block: i }); });
  // Where the reader kept the structure ("Beslutande" a heading, one member a paragraph, struck
  // rows marked), the list rules in persons.ts read it; this reads the flattened layout text.
  const start = lines.findIndex((l) => START.test(l.text.trim()) && blocks[l.block]!.kind !== 'heading');
  if (start < 0) return { mentions: [], blocks: new Set() };
  const present = new Map<string, PersonMention>();
  const replaced = new Map<string, PersonMention>();
  const used = new Set<number>();
  let zone: 'members' | 'others' | 'absent' | 'signatures' = 'members';
  let pending: { partial: string; by: string } | null = null;
  // The text after each person's name (what it says of the §§), the person the next line's lead
  // continues, and the one whose § range is left unfinished at the end of a line.
  const tails = new Map<string, string>();
  let last: string | null = null;
  let open: string | null = null;
  const stopTails = () => { last = null; open = null; };
  let bareLabels = false;
  const page = blocks[lines[start]!.block]!.page;
  // "Fanny Nilsson (EY)", "Nina Wiklander (Wikom)": what stands in brackets is a party only when it is a party code, else the person's organisation.
  const mention = (name: string, code: string | null, role: string | null, attendance: PersonMention['attendance'], line: { text: string; block: number }): PersonMention => ({
    name, party: code && partyCodes().has(code) ? code : null, organisation: code && code.length >= 2 && !partyCodes().has(code) ? code : null, role, attendance, rank: 4,
    evidence: { page, section: blockSection[line.block] ?? null, quote: line.text.replace(/\s+/g, ' ').trim().slice(0, 300), rule: ATTENDANCE_BLOCK_RULE },
  });
  const addPresent = (m: PersonMention) => { const old = present.get(m.name); if (!old || (!old.role && m.role)) present.set(m.name, { ...m, party: m.party ?? old?.party ?? null }); };

  // The page header the template repeats on every page ("KOMMUN  SAMMANTRÄDESPROTOKOLL  2 (33)", the body, the date).
  const header = new Set(lines.slice(0, start).map((l) => pageHeaderKey(l.text)).filter(Boolean));
  let onPage = page;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const raw = line.text.trim();
    const linePage = blocks[line.block]!.page;
    if (linePage !== onPage) {
      // A long block goes on over the next page (ersättare, tjänstepersoner, signatures): under the
      // page's repeated header it must open with a label or a person, else the block ended at the page's foot.
      if (zone === 'signatures' || linePage !== page + 1 || onPage !== page) break;
      let k = i;
      while (k < lines.length && blocks[lines[k]!.block]!.page === linePage && (!pageHeaderKey(lines[k]!.text) || header.has(pageHeaderKey(lines[k]!.text)))) k++;
      const next = lines[k]?.text.trim() ?? '';
      if (k >= lines.length || blocks[lines[k]!.block]!.kind === 'heading' || !(LABELS.test(next) || SIGNATURE.test(next) || entries(next).length || nameLine(next).length)) break;
      onPage = linePage;
      i = k - 1;
      continue;
    }
    if (blocks[line.block]!.kind === 'heading') break;
    if (ABSENT.test(raw)) zone = 'absent';
    if (i > start && END.test(raw)) { if (zone === 'signatures') break; zone = 'signatures'; stopTails(); used.add(line.block); continue; }
    used.add(line.block);
    const signature = SIGNATURE.exec(raw);
    if (signature && (zone === 'signatures' || i > start)) {
      // "Sekreterare   Erik Norinder        Paragrafer § 1-14": the name is the cell after the label.
      const cell = signature[2]!.split(/\s{2,}/)[0]!;
      // Two justerare may share the label: "Protokolljusterare Anna Ek (M) och Bo Lund (S)".
      const role = signature[1]!.toLowerCase().replace(/^(protokolljusterare|justerande)$/, 'justerare');
      for (const hit of findNames(cell, { anyFirstName: true })) {
        const party = new RegExp(String.raw`^\s*,?\s*${PARTY}`, 'u').exec(cell.slice(hit.end))?.[1] ?? null;
        addPresent(mention(hit.name, party, role, 'present', line));
      }
      stopTails();
      continue;
    }
    if (zone === 'signatures') {
      // OCR may read the signature labels as a column of their own, the block's remaining names after them.
      if (BARE_LABEL.test(raw)) bareLabels = true;
      else if (bareLabels) for (const p of nameLine(raw)) addPresent(mention(p.name, p.party, p.role, 'present', line));
      continue;
    }
    if (OTHERS.test(raw)) { zone = 'others'; pending = null; stopTails(); }
    else if (zone === 'absent' && LABELS.test(raw) && !ABSENT.test(raw)) zone = 'members';
    const text = stripLabels(raw);
    if (!text) continue;
    // Who the text after each name on this line belongs to (filled in below).
    const owners: { owner: string; start: number; end: number }[] = [];
    if (zone === 'absent') {
      stopTails();
      for (const h of findNames(text, { anyFirstName: true })) replaced.set(h.name, mention(h.name, new RegExp(PARTY, 'u').exec(text.slice(h.end))?.[1] ?? null, 'ledamot', 'absent', line));
      continue;
    }
    if (zone === 'others') {
      const found = entries(text);
      for (const e of found) { addPresent(mention(e.name, e.party, 'ersättare', 'present', line)); owners.push({ owner: e.name, start: e.start, end: e.end }); }
      for (const h of findNames(text, { anyFirstName: true })) {
        const bracket = /^\s*\((\p{Lu}[\p{L}&.\s-]{1,39})\)/u.exec(text.slice(h.end))?.[1] ?? null;
        if (!found.some((e) => e.name === h.name)) { addPresent(mention(h.name, bracket, 'tjänsteperson', 'present', line)); owners.push({ owner: h.name, start: h.index, end: h.end + (bracket ? text.slice(h.end).indexOf(')') + 1 : 0) }); }
      }
      ({ last, open } = readTails(text, owners, tails, last, open));
      continue;
    }
    const list = entries(text);
    let completed = false;
    list.forEach((e, k) => {
      // The rest of a name wrapped from the line before: a surname alone, or the entry standing in
      // the right-hand column.
      if (pending && !completed && (!e.name.includes(' ') || (k === list.length - 1 && list.length >= 2 && (!pending.partial || pending.partial.endsWith('-'))))) {
        const name = e.name.includes(' ') || !pending.partial ? complete(pending.partial, e.name) : complete(pending.partial, e.name);
        replaced.set(name, mention(name, e.party, 'ledamot', 'absent', line));
        owners.push({ owner: pending.by, start: e.start, end: e.end });
        pending = null; completed = true;
        return;
      }
      const after = text.slice(e.end, list[k + 1]?.start ?? text.length);
      const rep = REPLACES.exec(after) ?? REPLACES_LATER.exec(after);
      if (ABSENT_MARK.test(after)) { replaced.set(e.name, mention(e.name, e.party, 'ledamot', 'absent', line)); return; }
      addPresent(mention(e.name, e.party, rep ? 'tjänstgörande ersättare' : 'ledamot', 'present', line));
      owners.push({ owner: e.name, start: e.start, end: e.end });
      if (rep) {
        const next = list[k + 1];
        // "X (S) ersätter Y (S)" on one line: the next entry is the replaced member.
        if (next && !rep[1]!.replace(/\s/g, '').length) { replaced.set(next.name, mention(next.name, next.party, 'ledamot', 'absent', line)); owners.push({ owner: e.name, start: next.start, end: next.end }); list.splice(k + 1, 1); }
        else if (!next) pending = { partial: rep[1]!.replace(/\(.*$/, '').trim(), by: e.name };
      }
    });
    ({ last, open } = readTails(text, owners, tails, last, open));
  }
  for (const [name, tail] of tails) {
    const sections = statedSections(tail);
    const m = present.get(name);
    if (sections && m) present.set(name, { ...m, sections });
  }
  // A member replaced for some items but present for others was at the meeting.
  const mentions = [...present.values(), ...[...replaced.values()].filter((r) => !present.has(r.name))];
  return { mentions, blocks: used };
}

/** A line of the page header with its page number and date taken out, to know it again on the next page. */
const pageHeaderKey = (text: string) => text.replace(/[\d()\-–/.]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** A § list not finished at the end of a line: "§§", "§§ 253-", "§§ 17,". */
const UNFINISHED = /(?:§|[-–,])\s*$/u;

/**
 * Adds a line's text to the tails of the persons it names: the text after each name (up to the
 * next) to its owner, the text before the first name to the person the previous line ended with,
 * or to the one whose range that line left open when the text starts with a number.
 */
function readTails(text: string, owners: { owner: string; start: number; end: number }[], tails: Map<string, string>, last: string | null, open: string | null): { last: string | null; open: string | null } {
  const add = (who: string, piece: string) => { if (piece.trim()) tails.set(who, `${tails.get(who) ?? ''} ${piece.trim()}`); };
  owners.sort((a, b) => a.start - b.start);
  const lead = text.slice(0, owners[0]?.start ?? text.length);
  const target = open && /^\s*\d/.test(lead) ? open : last;
  if (target) add(target, lead);
  let unfinished = target && UNFINISHED.test(tails.get(target) ?? '') ? target : null;
  owners.forEach((o, k) => {
    const piece = text.slice(o.end, owners[k + 1]?.start ?? text.length);
    // (the right column's wrapped title after a wide gap, "Ingela Hansson (S)      förvaltningschef, § 76", is the line above's last person's)
    if (k === owners.length - 1 && last && last !== o.owner && /^\s{3,}\p{Ll}/u.test(piece)) { add(last, piece); return; }
    add(o.owner, piece);
    if (UNFINISHED.test(piece)) unfinished = o.owner;
  });
  return { last: owners.at(-1)?.owner ?? last, open: unfinished };
}
