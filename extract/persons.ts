/**
 * Persons and their attendance. Evidence ranks: an attendance list or table (struck-out rows and
 * "Frånvarande"/"Anmält förhinder" lists are absent) beats a speaker or presenter line (present),
 * which beats a mention in running text (unknown, or present when the person speaks).
 */
import type { Block, Person } from '../lib/schema.ts';
import { matchesOf, plain, sentences, withoutLeadingLookbehind, wrappedLines } from '../lib/text.ts';
import { findNames, parseNameList, splitDescriptor, type ListedPerson, type NameHit } from './person-names.ts';
import { mergePersons, sameName, type PersonMention } from './person-resolution.ts';
import { SECTION_RULES, mergeSections, statedSections, type SectionFinding } from './partial-attendance.ts';
import { labelledParts, labelledText, personLabel, type PersonLabel } from './person-labels.ts';
import { ATTENDANCE_BLOCK_RULE, readAttendanceBlock, type AttendanceBlock } from './attendance-block.ts';
import { normaliseOrganisation } from './organisations.ts';
import { isRecipientHead, recipientList, recipientLists } from './recipients.ts';
import type { DocContext } from './context.ts';
import { ITEM_SUBHEADING } from './protocol-items.ts';
import { firstNameSet, partyCodes } from '../lib/reference-data.ts';
import { ABSENCE_WORDS, TITLE_HEADS, TITLE_HEADS_CAPITALISED } from '../lib/swedish-documents.ts';
import { decompound, isDictionaryWord } from '../lib/swedish-compounds.ts';
import { by, perDocument, runRules, type Finding, type Rule } from './rules.ts';
import { boldLead, boldLine, cellRuns, cellTexts, startsStruck, struckTexts, textOf } from '../lib/blocks.ts';
import type { Inline } from '../lib/schema.ts';

const ABSENT_HEADING = new RegExp(String.raw`^(?:${ABSENCE_WORDS})\b`, 'i');
const PRESENT_HEADING = /^(närvarande|deltagande|ledamöter|beslutande|ersättare|tjänstgörande|tjänstepersoner|tjänstemän|adjungerade|personalföreträdare|övriga närvarande|övriga deltagare|deltagare|inbjudna|i tjänsten|politiker|justerare|vid protokollet|närvarande ledamöter)\b/i;
const SIGNATURE = /^(vid protokollet|vid anteckningarna|justeras|justerat|anteckningar (skrivna|justeras) av|för \p{Lu}|sekreterare|ordförande)(?![\p{L}])/iu;
/** "Närvarande: A (S), ordförande, Hagfors; B (C), Kil", "Närvarande från direktionen: …" — a labelled list in one paragraph. */
const INLINE_LIST = /^\**(närvarande|närvarande ledamöter|deltagande|deltagare|beslutande|övriga närvarande|frånvarande|anmält förhinder|förhinder)(?:(?:\s+(?:från|av|för|i))?\s+\p{Ll}[\p{L}-]*){0,2}\**\s*:\s*\**\s*(.+)$/isu;
/** Verbs of speaking and presenting: the names before one in its sentence are the ones speaking. */
const SPEECH = /(?<![\p{L}])(berättar|berättade|informerar|informerade|konstaterar|konstaterade|poängterar|poängterade|menar|menade|frågar|frågade|redovisar|redovisade|rekommenderar|hälsar|hälsade|föreslår|föreslog|ställer|lyfter|lyfte|kompletterar|kompletterade|uppmanar|uppmanade|tackar|tackade|visar|visade|presenterar|presenterade|introducerar|introducerade|inledde|inleder|redogjorde|redogör|svarar|svarade|betonar|betonade|understryker|påminner|påminde|gick igenom|går igenom|medverkar|medverkade|var processledare|var moderator|yrkar|yrkade|öppnar|öppnade|avslutar|avslutade|ber|bad|föredrar|föredrog|beskriver|beskrev|förklarar|förklarade|sammanfattar|sammanfattade|rapporterar|rapporterade|återrapporterar|återrapporterade|föreläser|föreläste)(?![\p{L}])/iu;
/** A verb right before a name ("berättar Fredric Norlin"). */
const SPEECH_ALL = new RegExp(SPEECH.source, 'giu');
/** The verbs without the word-start look behind (which V8 tries at every position): a sentence without them has none. */
const SPEECH_WORDS = withoutLeadingLookbehind(SPEECH);
const SPEECH_BEFORE = /(berättar|frågar|menar|säger|betonar|konstaterar|svarar|påpekar|kompletterar)\s*$/iu;

type Mode = 'present' | 'absent';
type Found = Omit<PersonMention, 'evidence'>;
type PersonInput = Pick<DocContext, 'blocks' | 'plain' | 'line' | 'blockSection' | 'sectionStarts' | 'sections' | 'isMeeting' | 'notYetHeld'>;

/** What a block is to the person rules: a row of an attendance table, a list of names, a signature, a presenter line, running text. */
type Role =
  | { kind: 'table'; mode: Mode | null; columns: Columns | null }
  | { kind: 'list'; mode: Mode; items: string[] }
  | { kind: 'labelled'; label: PersonLabel; lines: string[] }
  | { kind: 'signature' }
  | { kind: 'presenter'; text: string }
  | { kind: 'prose' };

interface Reading { attendance: AttendanceBlock; roles: Role[][] }

/**
 * The one pass over the blocks that the person rules share: the protocol's first-page block, then
 * for every other block its role. A list heading switches attendance for the rows that follow,
 * until the next heading or prose.
 */
const reading = perDocument((ctx: PersonInput): Reading => {
  // The protocol template's first-page block is read as a whole (its columns are flattened).
  const attendance = readAttendanceBlock(ctx.blocks, ctx.blockSection);
  let listMode: Mode | null = null;
  let columns: Columns | null = null;
  const roles = ctx.blocks.map((block, i): Role[] => {
    if (attendance.blocks.has(i)) return [];
    // A column header ("Namn | Parti | Roll") names the cells of the table rows right under it.
    if (block.kind !== 'table-row') columns = null;
    else { const header = tableColumns(cellTexts(block)); if (header) { columns = header; return []; } }
    const text = block.text;
    const line = ctx.line[i]!;
    const label = line.replace(/[:*]/g, '').trim();
    const inline = block.kind === 'paragraph' ? INLINE_LIST.exec(text.trim()) : null;
    if (inline) {
      // "DELTAGANDE: Stefan Ingves, ordförande" with one name a line after it: the list goes on.
      listMode = ABSENT_HEADING.test(inline[1]!) ? 'absent' : 'present';
      return [{ kind: 'list', mode: listMode, items: inline[2]!.split(/;\s*/) }];
    }
    // A new item ("§ 12 …") and a list of recipients ("Beslutet skickas till") end a list of those present.
    if ((ctx.sectionStarts.has(i) && /^\s*(?:§\s*\d|\d{1,2}[.)]\s)/u.test(line)) || recipientList(text) !== null) listMode = null;
    const labelled = block.kind === 'paragraph' || block.kind === 'list-item' ? labelledText(ctx.plain[i]!) : null;
    const labelledRoles = (labelled?.found ?? []).filter((f) => f.lines.length).map((f): Role => ({ kind: 'labelled', label: f.label, lines: f.lines }));
    // Another label ("Plats:", "Tid:") ends a list.
    if (labelled?.other) listMode = null;
    // "Vid protokollet" / "Erik Norinder": a signature's label alone on its line is the signature rule's.
    else if (labelled?.opens && !(block.kind === 'paragraph' && SIGNATURE.test(line) && isSignatureLine(text) && personLabel(ctx.plain[i]!.split('\n')[0]!.replace(/[\s*_]+/g, ' ')) !== null)) {
      // "Inbjudna:" / "Anna Ek" / "Bo Lund": a label of a list heads the one-name lines after it.
      const last = labelled.found.at(-1)!.label;
      listMode = last.list && last.attendance !== 'unknown' ? last.attendance : null;
      return labelledRoles;
    }
    if (block.kind === 'heading' || (block.kind === 'paragraph' && label.length < 40 && !/[.]$/.test(label))) {
      if (ABSENT_HEADING.test(label)) { listMode = 'absent'; if (block.kind === 'heading' || label.split(' ').length <= 3) return []; }
      else if (PRESENT_HEADING.test(label)) { listMode = 'present'; if (block.kind === 'heading' || label.split(' ').length <= 3) return []; }
      else if (block.kind === 'heading') listMode = null;
    }
    if (block.kind === 'table-row') {
      // A label in a row's first cell, with a colon or alone ("NÄRVARANDE : | Stefan Ingves,
      // ordförande"), heads the names that follow it, in the table and in the one-name lines after
      // it, as a heading would; a column header ("Ledamöter | Ersättare") heads only its column.
      const tab = text.indexOf('\t');
      const cell = tab < 0 ? text : text.slice(0, tab);
      const head = cell.replace(/[:*]/g, '').trim();
      const labels = /:\s*$/.test(cell) || tab < 0 || !text.slice(tab).replace(/\t/g, '').trim();
      if (labels && ABSENT_HEADING.test(head)) listMode = 'absent';
      else if (labels && PRESENT_HEADING.test(head) && head.split(/\s+/).length <= 3) listMode = 'present';
      return [{ kind: 'table', mode: listMode, columns }];
    }
    if (block.kind === 'list-item' && listMode) return [{ kind: 'list', mode: listMode, items: [text] }];
    if (block.kind === 'paragraph' && (SIGNATURE.test(line) && isSignatureLine(text) || rolesUnderNames(ctx.plain[i]!)) || boldNameLine(block)) return [{ kind: 'signature' }];
    // (A sentence ending inside the paragraph makes it text: "Information om Hede station. Föredragande: …".)
    if (listMode && block.kind === 'paragraph' && !/[.!?]$/.test(line) && !/\p{Ll}{2}[.!?]\s/u.test(line) && line.split(/\s+/).length <= 40) return [{ kind: 'list', mode: listMode, items: [text] }];
    listMode = null;
    if (block.kind === 'heading') return [{ kind: 'presenter', text: headingPresenter(line) }];
    const presenter = block.kind === 'paragraph' && i > 0 && isPresenterLine(line, ctx.blocks[i - 1]!, ctx.sectionStarts.has(i - 1));
    return [...labelledRoles, ...(presenter ? [{ kind: 'presenter' as const, text: firstSentence(line) }] : []), { kind: 'prose' }];
  });
  return { attendance, roles };
});

/** A rule over the blocks of one role: each block's findings with the block's evidence. */
function roleRule<K extends Role['kind']>(id: string, kind: K, find: (role: Extract<Role, { kind: K }>, i: number, ctx: PersonInput) => Found[]): Rule<PersonMention, PersonInput> {
  const rule: Rule<PersonMention, PersonInput> = {
    id, field: 'persons',
    // Loops rather than a filter and flat maps for each of the rules over every block: the same findings in the same order.
    run: (ctx) => {
      const out: Finding<PersonMention>[] = [];
      reading(ctx).roles.forEach((roles, i) => {
        for (const role of roles) {
          if (role.kind !== kind) continue;
          const found = find(role as Extract<Role, { kind: K }>, i, ctx);
          if (!found.length) continue;
          const evidence = by(rule, { page: ctx.blocks[i]!.page, section: ctx.blockSection[i] ?? null, quote: ctx.line[i]!.slice(0, 300) });
          for (const p of found) out.push({ value: { ...p, evidence }, at: [i] });
        }
      });
      return out;
    },
  };
  return rule;
}

/** The protocol template's first-page block ("Beslutande", "Tjänstgörande ersättare", "ersätter", signatures). */
export const protocolAttendanceBlock: Rule<PersonMention, PersonInput> = {
  id: ATTENDANCE_BLOCK_RULE, field: 'persons',
  run: (ctx) => reading(ctx).attendance.mentions.map((m) => ({ value: m, at: [-1] })),
};
/** Attendance tables: a struck first cell or an absent list is absent. */
export const attendanceTable = roleRule('attendance-table', 'table', (role, i, ctx) => (role.columns ? columnRow(ctx.blocks[i]!, role.columns, role.mode) : tableRow(ctx.blocks[i]!, role.mode, ctx.isMeeting)));
/** Lists under "Närvarande", "Frånvarande" … (labelled inline, bulleted, or a name a line). */
export const attendanceList = roleRule('attendance-list', 'list', (role, i, ctx) => role.items.flatMap((item) => listRow(item, role.mode, ctx.blocks[i]!.inlines)));
/** Persons after a label ("Inbjudna: Anna Ek, enhetschef", "Protokollförare: Bo Lund", "Handläggare: Eva Berg", "Protokollet justeras av …"). */
export const labelledPersons = roleRule('person-label', 'labelled', (role, i, ctx) => role.lines.flatMap((line) => labelRow(line, role.label, ctx.blocks[i]!.inlines, ctx.isMeeting)));
/** Signature lines ("Vid protokollet", "**Anna Elverskog**" / "Sekreterare"). */
export const signatureLine = roleRule('signature-line', 'signature', (_, i, ctx) => (rolesUnderNames(ctx.plain[i]!) ? sideBySide : signature)(ctx.plain[i]!, ctx.isMeeting && !ctx.notYetHeld));
/** Who presents an agenda item: named in its heading or on the line right under it. */
export const presenterLine = roleRule('presenter-line', 'presenter', (role) => presenters(role.text));
/** Authors cited by initial and surname before a year ("se A. Breman och B. Lagerwall (2024)"): only mentioned. */
export const citedAuthor = roleRule('cited-author', 'prose', (_, i, ctx) => citedAuthors(ctx.plain[i]!));
/** Names in running text: present when they speak, else mentioned. */
export const nameInText = roleRule('name-in-text', 'prose', (_, i, ctx) => prose(ctx.plain[i]!));

/**
 * Persons a decision is sent to ("Beslutet skickas till" / "Anna Ek, HR" / "Service Fastighet"):
 * only named (unknown). The list mixes bodies and persons, so a name whose first word no list knows
 * needs a party code, a title after it ("Tord Kvist, ekonom") or a word no dictionary has.
 */
export const recipientPersons: Rule<PersonMention, PersonInput> = {
  id: 'recipient-person', field: 'persons',
  run: (ctx) => {
    const out: Finding<PersonMention>[] = [];
    for (const { list, first: at } of recipientLists(ctx.plain)) {
      const evidence = by(recipientPersons, { page: ctx.blocks[at]!.page, section: ctx.blockSection[at] ?? null, quote: ctx.line[at]!.slice(0, 300) });
      for (const p of recipientNamesOfPersons(list)) out.push({ value: { name: p.name, party: p.party, organisation: null, role: p.role, attendance: 'unknown', rank: 0, evidence }, at: [at] });
    }
    return out;
  },
};

/** A title heading what follows a name: "ekonom", "biträdande rektor", "enhetschef HR". */
const TITLE_AFTER = new RegExp(String.raw`^(?:\p{Ll}+\s+)?\p{Ll}*(?:${TITLE_HEADS})(?![\p{L}])`, 'u');

/** An entry of a recipient list that is a person: the name is the whole entry, up to a comma, bracket or "och". */
function recipientNamesOfPersons(list: string): { name: string; party: string | null; role: string | null }[] {
  const first = firstNameSet();
  return list.split('\n').flatMap((line) => parseNameList(line, { anyFirstName: true }).filter((p) => {
    const before = line.slice(0, p.index).trim();
    if (before && !/(?:[,;:]|\s(?:och|samt))$/u.test(` ${before}`)) return false;
    if (!/^\s*(?:$|[,;(]|(?:och|samt)\s)/u.test(p.after)) return false;
    const words = p.name.split(' ');
    const titled = /^\s*,\s*\p{Ll}/u.test(p.after) && TITLE_AFTER.test(p.descriptor);
    return first.has(words[0]!) || p.party !== null || titled || (words[0]!.length > 2 && !isCompoundNoun(words[0]!) && !words.every(isDictionaryWord));
  }).map((p) => ({ name: p.name, party: p.party, role: splitDescriptor(p.descriptor).role })));
}

export const PERSON_RULES = [protocolAttendanceBlock, attendanceTable, attendanceList, labelledPersons, signatureLine, presenterLine, recipientPersons, citedAuthor, nameInText];

export function extractPersons(ctx: PersonInput): Person[] {
  const persons = mergePersons(runRules(PERSON_RULES, ctx)).map((p) => ({
    ...p,
    organisation: p.organisation ? normaliseOrganisation(p.organisation)?.name ?? p.organisation : null,
    // A kallelse announces a meeting that has not been held: whoever it names has not attended yet.
    ...(ctx.notYetHeld ? { attendance: 'unknown' as const } : {}),
  }));
  // Nobody has taken part in part of a meeting not yet held.
  return ctx.notYetHeld ? persons.map(({ sections: _s, sectionsEvidence: _e, ...p }) => p) : withItemSections(persons, runRules(SECTION_RULES, ctx));
}

/** The items' statements of partial attendance, added to the persons they name (a name no person has is passed over). */
function withItemSections(persons: Person[], found: SectionFinding[]): Person[] {
  for (const f of found) {
    const k = persons.findIndex((p) => [p.name, ...(p.aliases ?? [])].some((n) => sameName(n, f.name)));
    if (k < 0) continue;
    const p = persons[k]!;
    persons[k] = { ...p, sections: mergeSections(p.sections, f.sections), sectionsEvidence: [...(p.sectionsEvidence ?? []), f.evidence] };
  }
  return persons;
}

/** Which cell of a row under a column header holds what; `replaces` is a column of replaced members ("Ersätter"). */
interface Columns { name: number; party: number | null; role: number | null; notes: number[]; replaces: number | null; presence: number | null; substitute: number | null }

const NAME_COLUMN = /^(?:namn|ledamot|ledamöter|ledamot\/ersättare|deltagare|förtroendevalda?)$/i;
const PARTY_COLUMN = /^(?:parti|partibeteckning)$/i;
const ROLE_COLUMN = /^(?:roll|funktion|uppdrag|befattning|titel)$/i;
const REPLACES_COLUMN = /^(?:ersätter|tjänstgör för|i stället för)$/i;
const NOTE_COLUMN = /^(?:kommentar|kommentarer|anmärkning|anmärkningar|anteckning|notering|noteringar|närvaro|övrigt|status|tjänstgör|tjänstgörande|tjänstgörande\s*\/\s*ej\s+tjänstgörande|tjänstgöring)$/i;
/** A column of marks ("X") for who was there: an empty cell, where other rows are marked, is a member not there. */
const PRESENCE_COLUMN = /^(?:närvarande|närv\.?|närvarande ledamot)$/i;
/** A column naming who served in the row's member's place ("Tjänstgörande ersättare" | "Lina Berglund (C)"): that person was there, the member not. */
const SUBSTITUTE_COLUMN = /^(?:tjänstgörande ersättare|ersatt av|ersättare som tjänstgör)$/i;
/** A vote's columns, which say nothing of attendance: "Votering § 44", "Ja", "Nej", "Avstår". */
const VOTE_COLUMN = /^(?:votering|omröstning)(?:\s.*)?$|^(?:ja|nej|avstår|avstod)$/i;
/** A note that the member was not there. */
const ABSENT_NOTE = new RegExp(`^(?:${ABSENCE_WORDS})$`, 'i');
/** "Tjänstgör för Anna Svensson", "Tjänstgörande ersättare för …", "Ersätter …": the member a substitute stood in for. */
const REPLACED_NOTE = /(?<![\p{L}])(?:tjänstgör(?:ande)?(?:\s+ersättare)?\s+för|ersätter|i\s*stället\s+för)\s+(.+)$/iu;

/** A header row of column labels that names a column of names and at least one other, or null. */
function tableColumns(cells: string[]): Columns | null {
  const labels = cells.map((c) => c.replace(/[:*]/g, '').trim());
  if (labels.some((l) => l && ![NAME_COLUMN, PARTY_COLUMN, ROLE_COLUMN, REPLACES_COLUMN, NOTE_COLUMN, PRESENCE_COLUMN, SUBSTITUTE_COLUMN, VOTE_COLUMN].some((re) => re.test(l)))) return null;
  const find = (re: RegExp) => { const k = labels.findIndex((l) => re.test(l)); return k < 0 ? null : k; };
  const name = find(NAME_COLUMN);
  if (name === null || labels.filter(Boolean).length < 2) return null;
  return {
    name, party: find(PARTY_COLUMN), role: find(ROLE_COLUMN), notes: labels.flatMap((l, k) => (NOTE_COLUMN.test(l) ? [k] : [])), replaces: find(REPLACES_COLUMN),
    presence: find(PRESENCE_COLUMN), substitute: find(SUBSTITUTE_COLUMN),
  };
}

/**
 * A row under a column header: the person of the name cell with the party and role of their
 * columns; absent when the name is struck, the list is of absentees or a note says so. A member
 * someone stands in for ("Tjänstgör för Anna Svensson" in a note, or a column "Ersätter") is absent.
 */
function columnRow(block: Block, columns: Columns, mode: Mode | null): Found[] {
  const cells = cellRuns(block);
  const text = (k: number | null) => (k === null ? '' : plain(textOf(cells[k] ?? [])).trim());
  // "Anna -Karin": a hyphen set off from the first part of a name by layout.
  const nameText = text(columns.name).replace(/(\p{L}) -(\p{Lu})/gu, '$1-$2');
  const people = parseNameList(nameText, { anyFirstName: true });
  if (people.length !== 1 || nameText.length > people[0]!.name.length + 8) return [];
  const p = people[0]!;
  const code = text(columns.party).replace(/[()]/g, '').trim();
  const roleText = text(columns.role);
  // (a substitute column may say "Frånvarande" instead of naming someone)
  const substitute = text(columns.substitute);
  const noSubstitute = ABSENT_NOTE.test(substitute);
  const notes = [...columns.notes.map(text), ...(noSubstitute ? [substitute] : [])].filter(Boolean);
  // A presence column left empty, or someone serving in the member's place.
  const unmarked = columns.presence !== null && !text(columns.presence);
  const substitutes = substitute && !noSubstitute ? parseNameList(substitute, { anyFirstName: true }) : [];
  const absent = mode === 'absent' || startsStruck(cells[columns.name] ?? []) || notes.some((n) => ABSENT_NOTE.test(n)) || unmarked || substitutes.length > 0;
  // A remark column may say for which §§ ("§§ 112–115", "Lämnar sammanträdet efter § 116").
  const sections = absent ? null : statedSections([p.after, ...notes, text(columns.presence)].join(' '));
  const person: Found = {
    name: p.name, party: partyCodes().has(code) ? code : p.party, organisation: null,
    role: roleText ? splitDescriptor(roleText).role ?? roleText.toLowerCase() : splitDescriptor(p.descriptor).role,
    attendance: absent ? 'absent' : 'present', rank: 3, ...(sections ? { sections } : {}),
  };
  const replacedText = [text(columns.replaces), ...notes.map((n) => REPLACED_NOTE.exec(n)?.[1] ?? '')].filter(Boolean).join('; ');
  const replaced = absent ? [] : parseNameList(replacedText, { anyFirstName: true });
  const serving = substitutes.map((r): Found => ({ name: r.name, party: r.party, organisation: null, role: 'tjänstgörande ersättare', attendance: 'present', rank: 3 }));
  return [person, ...serving, ...replaced.map((r): Found => ({ name: r.name, party: r.party, organisation: null, role: 'ledamot', attendance: 'absent', rank: 3 }))];
}

/** "Name (Party) | Organisation" (a struck first cell is absent), "Label | Name, Org Name, Org …". */
function tableRow(block: Block, mode: Mode | null, isMeeting: boolean): Found[] {
  const cells = cellRuns(block);
  const first = plain(textOf(cells[0] ?? []));
  const others = cells.slice(1).flat();
  const rest = cells.slice(1).map(textOf).join(', ');
  const firstPeople = parseNameList(first, { anyFirstName: true });
  if (firstPeople.length === 1 && first.trim().length <= firstPeople[0]!.name.length + 8) {
    const p = firstPeople[0]!;
    const { role, organisation } = splitDescriptor(plain(rest));
    const absent = startsStruck(cells[0] ?? []) || mode === 'absent';
    const sections = absent ? null : statedSections(`${p.after} ${rest}`);
    return [{ name: p.name, party: p.party, organisation, role, attendance: absent ? 'absent' : 'present', rank: 3, ...(sections ? { sections } : {}) }];
  }
  // A label cell ("Politiker", "Inbjudna", "Närvarande") followed by names run together.
  const labelled = ABSENT_HEADING.test(first) || PRESENT_HEADING.test(first);
  // "Gäster: | Anna Ek, Region Halland", "Handläggare | Eva Berg": a label of persons that says how they took part.
  const label = labelled || cells.length < 2 ? null : personLabel(first.replace(/[:*]/g, ''));
  if (label) return labelRow(rest, label, others, isMeeting);
  if (/^(plats|tid|datum|lokal)\b/i.test(first)) return [];
  if (mode !== null || labelled) return listRow(rest, ABSENT_HEADING.test(first) ? 'absent' : mode ?? 'present', others, others.some((r) => r.struck));
  // Outside an attendance list a row's cells are text: a case title, a proposal, a line of prose
  // that the PDF's gaps cut into cells ("Omorganisation Fastighet", "Semantic Style Guide på hög nivå").
  if (cells.length < 2) return [];
  const titled = splitDescriptor(first).role !== null;
  return cells.slice(1).flatMap((cell) => textCell(textOf(cell), cell, titled, isMeeting));
}

/** Where a cell of text says that names follow: an agenda item's time slot ("13.00–14.00 Christina Hermansson"); labels ("Föredragande:") are read before. */
const PRESENTERS_FOLLOW = /(?<![\d.:])\d{1,2}[.:]\d{2}\s*[–-]\s*\d{1,2}[.:]\d{2}(?![\d])/u;

/**
 * The persons of a table cell outside an attendance list. A name there needs more than its shape:
 * a known first name or a party code ("Initiativ från Stefan Jägnert (SD) om …", "väljer Karin
 * Green (C) som justerare"), or it stands where names stand: after a presenter's label or time
 * slot, or alone in its cell beside a title ("Handläggare | Kasra Hassirian").
 */
function textCell(text: string, runs: Inline[], titled: boolean, isMeeting: boolean): Found[] {
  // "Föredragande: Tina Carlson, verksamhetschef", "Handläggare: Eva Berg" inside the cell: each label's persons.
  const { before, parts } = labelledParts(text);
  if (parts.length) return [...textCell(before, runs, titled, isMeeting), ...parts.flatMap((p) => labelRow(p.text, p.label, runs, isMeeting))];
  const marker = PRESENTERS_FOLLOW.exec(text);
  const head = marker ? text.slice(0, marker.index) : text;
  const named = listRow(head, 'present', runs, false, false);
  const alone = titled && named.length === 1 && head.trim().length <= named[0]!.name.length + 8 && !isCompoundNoun(named[0]!.name.split(' ')[0]!);
  const shown = alone ? named : named.filter((p) => p.party !== null || firstNameSet().has(p.name.split(' ')[0]!));
  return [...shown, ...(marker ? listRow(text.slice(marker.index + marker[0].length), 'present', runs, false, false) : [])];
}

/** An unknown first word that is a Swedish compound ("servitut|avtal") is a thing, not a first name. */
const isCompoundNoun = (word: string) => !firstNameSet().has(word) && decompound(word.toLowerCase()) !== null;

/** A list of names; a name inside a struck run is absent, and so is every name of a row whose cells are struck without a struck name. */
function listRow(text: string, mode: Mode, runs: Inline[] = [], struckCells = false, attendance = true): Found[] {
  const struckNames = new Set(struckTexts(runs).flatMap((t) => findNames(plain(t), { anyFirstName: true }).map((h) => h.name)));
  // A bullet is one entry: its person, then what describes them ("- Cecilia Öst Karlsson, Närhälsan
  // Skaraborg, processledare"); a later name counts only with a known first name or a party code.
  const bullet = /^-\s+/.test(text);
  const listed = parseNameList(plain(text.replace(/^-\s+/, '')), { anyFirstName: true })
    .filter((p, k) => !bullet || k === 0 || p.party !== null || firstNameSet().has(p.name.split(' ')[0]!));
  return withSharedDescriptors(listed).map((p) => {
    const { role, organisation } = splitDescriptor(p.descriptor);
    const absent = mode === 'absent' || struckNames.has(p.name) || (struckCells && struckNames.size === 0);
    // "Lena Strömberg (§ 1-3A)", "Karl Persson, controller §§ 1-10": there for those §§ only.
    const sections = absent || !attendance ? null : statedSections(p.after);
    return { name: p.name, party: p.party, organisation: organisation ?? organisationInBracket(p.bracket), role, attendance: absent ? 'absent' : 'present', rank: 3, ...(sections ? { sections } : {}) };
  });
}

/**
 * The persons of one entry after a label, with the label's attendance (a meeting not held or a
 * document that records none has nobody present) and its role when the entry names none. After a
 * label of officials ("Handläggare:", "Ansvarig:") a unit may stand ("Service Fastighet"): a name
 * whose first word no list knows needs a word no dictionary has.
 */
function labelRow(line: string, label: PersonLabel, runs: Inline[], isMeeting: boolean): Found[] {
  const attendance = label.attendance === 'present' && !isMeeting ? 'unknown' : label.attendance;
  const first = firstNameSet();
  return listRow(line, attendance === 'absent' ? 'absent' : 'present', runs)
    .filter((p) => {
      const words = p.name.split(' ');
      if (first.has(words[0]!) || p.party) return true;
      return !isCompoundNoun(words[0]!) && (label.attendance !== 'unknown' || !words.every(isDictionaryWord));
    })
    .map((p) => ({ ...p, role: p.role ?? label.role, attendance: p.attendance === 'absent' ? 'absent' : attendance, rank: attendance === 'unknown' ? 0 : 3 }));
}

/** How one takes part, not who one comes from: "(Teams)", "(på distans)", "(§ 1–5)", "(ersättare)". */
const NOT_AN_ORGANISATION = /^(teams|zoom|skype|digitalt|distans|på distans|via |deltar |ej |från |till |tjänstgör|ersätter|punkt|§|kl\.?)|\d/i;

/**
 * A bracket after a name in an attendance list names the person's organisation ("Olof Olsson
 * (Svensk nationell datatjänst)", "Patrik Wahlgren (SCB)") when it is a name: capitalised words, no
 * role, no way of taking part, no party written out.
 */
function organisationInBracket(bracket: string | null): string | null {
  if (!bracket || NOT_AN_ORGANISATION.test(bracket) || splitDescriptor(bracket).role) return null;
  if (normaliseOrganisation(bracket)) return bracket;
  if ([...partyCodes().values()].some((p) => p.toLowerCase() === bracket.toLowerCase())) return null;
  return /^\p{Lu}[\p{L}&.-]*(?:\s+(?:\p{Lu}[\p{L}&.-]*|\p{Ll}+))*$/u.test(bracket) && bracket.split(/\s+/).length <= 6 ? bracket : null;
}

/** A signature under a role opens with a short line ("Ordförande Lisa Andersson"), not with a sentence ("Ordförande Lisa Andersson (M) rapporterar från …"). */
const isSignatureLine = (text: string) => !/^(ordförande|sekreterare)/i.test(text.trim()) || text.split('\n')[0]!.trim().split(/\s+/).length <= 6;

/** Signatures side by side: "Fredrik Hansson (C)      Namita Magnusson" over "ordförande      sekreterare". */
const SIGNING_ROLE = /(?:vice\s+)?(?:ordförande|sekreterare|justerare|protokollförare|kommunsekreterare|nämndsekreterare)/giu;
const rolesUnderNames = (text: string) => { const nl = text.indexOf('\n'); return nl > 0 && !text.includes('\n', nl + 1) && !text.slice(nl + 1).replace(SIGNING_ROLE, '').trim(); };

/** "**Anna Elverskog**" with the role on the next line: a signature. */
function boldNameLine(block: Block): boolean {
  const lead = boldLead(block);
  return !!lead && !lead.strong.includes('*') && /^\n\p{Lu}/u.test(lead.after);
}

/** "Stina Höök och Malin Wikner, Region Värmland": names without a descriptor share the next one's. */
function withSharedDescriptors(list: ListedPerson[]): ListedPerson[] {
  const out = [...list];
  for (let i = out.length - 2; i >= 0; i--) {
    if (!out[i]!.descriptor && out[i + 1]!.descriptor) out[i] = { ...out[i]!, descriptor: out[i + 1]!.descriptor };
  }
  return out;
}

/** A short line right after an agenda heading that starts with a name: the item's presenters. */
function isPresenterLine(line: string, prev: Block, prevStartsSection: boolean): boolean {
  // Also under an item's subheading: "Sammanfattning av ärendet" / "Marie Persson, verksamhetschef …, uppdaterar nämnden …".
  // (not under "Beslutet skickas till": those are recipients)
  return (prevStartsSection || prev.kind === 'heading' || boldLine(prev) || ITEM_SUBHEADING.test(prev.text.trim())) && line.split(/\s+/).length <= 40 && findNames(line).some((h) => h.index === 0)
    && !CASE_PARTY.test(firstSentence(line)) && !isRecipientHead(prev.text.trim());
}

/** What the person a case concerns does ("Johanna Berg (M) har begärt att bli entledigad", "… ansöker om bygglov"): no presenter. */
const CASE_PARTY = /(?<![\p{L}])(?:har\s+\p{Ll}+ts?|begärt|begär|begärde|ansöker|ansökt|ansökte|avsäger|avsagt|avsade|motionerar|inkom|väcker|väckt|väckte|överklagar|överklagat|överklagade|avlidit|avled|yrkar|yrkade|föreslår|föreslog|lämnade\s+in)(?![\p{L}])/iu;

function firstSentence(line: string): string {
  return line.split(/(?<=[.!?])\s+/)[0]!.replace(/[.!?]$/, '');
}

/** "4. Information om revidering av Värmlandsstrategin, Malin Vikner" and "9. … Örebro län. Maria S Hallberg". */
function headingPresenter(heading: string): string {
  const m = /(?:,|\.)\s+((?:\p{Lu}[\p{L}-]*\s?){2,4}(?:\s+och\s+(?:\p{Lu}[\p{L}-]*\s?){2,4})?)$/u.exec(heading);
  return m ? m[1]! : '';
}

function presenters(text: string): Found[] {
  return withSharedDescriptors(parseNameList(text, { anyFirstName: false })).map((p) => {
    const { role, organisation } = splitDescriptor(p.descriptor);
    return { name: p.name, party: p.party, organisation, role: role ?? 'föredragande', attendance: 'present', rank: 2 };
  });
}

/** Names over their roles, column by column: the k-th name signs in the k-th role. */
function sideBySide(plainText: string, docIsMeeting: boolean): Found[] {
  const [names, roles] = plainText.split('\n') as [string, string];
  const signing = roles.match(SIGNING_ROLE) ?? [];
  return parseNameList(names, { anyFirstName: true }).map((p, k): Found => ({
    name: p.name, party: p.party, organisation: null, role: signing[k]?.toLowerCase().replace(/\s+/g, ' ') ?? null, attendance: docIsMeeting ? 'present' : 'unknown', rank: 2,
  }));
}

/** Signature blocks: "**Anna Elverskog**\nSekreterare", "Anteckningar justeras av\nFredrik Larsson, ordf. Värmlandsrådet". */
function signature(plainText: string, docIsMeeting: boolean): Found[] {
  const lines = plainText.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.flatMap((l, i) => findNames(l, { anyFirstName: i > 0 || lines.length === 2 }).map((h): Found => {
    const after = l.slice(h.end).replace(/^[\s,]+/, '');
    const { role, organisation } = splitDescriptor(after || lines[i + 1] || '');
    return { name: h.name, party: null, organisation, role, attendance: docIsMeeting ? 'present' : 'unknown', rank: 2 };
  }));
}

/** A party code in brackets right after: "Shabnam Zamani (S), Per Gunnarsson (S) och …". */
const PARTY_AFTER = /^\s*\(([A-Za-zÅÄÖåäö]{1,4})\)/;
/** A title right before: "valsamordnare Sabina Blomqvist", "kommunjurist Linnéa Princis", "enligt ordförande Thure Sandén", "Controller Eva Ek". */
const TITLE_BEFORE = new RegExp(String.raw`(?:^|[\s,(])\p{L}*?(?:${TITLE_HEADS_CAPITALISED})\s+$`, 'u');

/** Either cue in a sentence at all: most sentences have none, and this test is far cheaper than reading their names. */
const CONTEXT_CUE = new RegExp(String.raw`\([A-Za-zÅÄÖåäö]{1,4}\)|(?:${TITLE_HEADS_CAPITALISED})\s+\p{Lu}`, 'u');

/**
 * Names whose first name no list knows, where the sentence says a person stands there: a party
 * code after the name or a title before it (the first-name list holds the common names only).
 */
function namesByContext(sentence: string): NameHit[] {
  if (!CONTEXT_CUE.test(sentence)) return [];
  const first = firstNameSet();
  return findNames(sentence, { anyFirstName: true }).filter((h) => {
    if (first.has(h.name.split(' ')[0]!)) return false;
    const party = PARTY_AFTER.exec(sentence.slice(h.end));
    if (party && partyCodes().has(party[1]!.toUpperCase())) return true;
    // After a title a unit may stand instead ("förvaltningschef Service Fastighet", "Verksamhetschef Po Centrum"): its words are
    // all dictionary words or it opens with an abbreviation, a person's name seldom does.
    const words = h.name.split(' ');
    return TITLE_BEFORE.test(sentence.slice(Math.max(0, h.index - 40), h.index)) && words[0]!.length > 2 && !words.every(isDictionaryWord);
  });
}

/** An author as a reference gives one: initials, then the surname ("S. Stancheva", "J. H. Stock", "K. af Jochnick"). */
const AUTHOR = String.raw`(?:\p{Lu}\.\s?){1,3}(?:(?:de|af|von|van|der)\s+)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
/** One to a few authors before a year in brackets: "A. Breman och B. Lagerwall (2024)", "J. Stock m.fl. (2019)". */
const CITATION = new RegExp(String.raw`(?<![\p{L}.])(${AUTHOR}(?:\s*(?:,|och|and|&)\s*${AUTHOR}){0,4})(?:\s+(?:m\.\s?fl|et\s+al)\.?)?\s*\((?:19|20)\d{2}[a-z]?\)`, 'gu');
const AUTHOR_ALL = new RegExp(AUTHOR, 'gu');

function citedAuthors(text: string): Found[] {
  if (!text.includes('. ') || !/\((?:19|20)\d{2}/.test(text)) return [];
  return [...text.matchAll(CITATION)].flatMap((m) => [...m[1]!.matchAll(AUTHOR_ALL)].map((a): Found => ({
    name: a[0].replace(/\.\s?(?=\p{Lu}\.)/gu, '. ').replace(/\s+/g, ' '), party: null, organisation: null, role: null, attendance: 'unknown', rank: 0,
  })));
}

/**
 * What every name the name pattern finds holds: a capitalised word's last (lower-case) letter, space,
 * then the next part's capital or particle ("Anna Nilsson", "Karin de Vries"). Joining a paragraph's
 * lines and splitting it into sentences makes no such place, so a block without one has no names,
 * and most blocks are spared the sentence split.
 */
const MAY_HOLD_NAME = /\p{Ll}\s+(?:\p{Lu}|(?:de|af|von|van|der|la)\s)/u;

/**
 * Names in running text, sentence by sentence: present when they speak — named before the
 * sentence's first verb of speaking ("Lars Nilsson, Kommunstyrelsens ordförande och Martin Willén,
 * Kommundirektör, Kristinehamns kommun, redovisade …") or right after one ("berättar Fredric
 * Norlin") — else only mentioned (unknown).
 */
function prose(text: string): Found[] {
  const out: Found[] = [];
  if (!MAY_HOLD_NAME.test(text)) return out;
  // A line break inside a paragraph is layout: "Patrik Jervne" / "Henestam (V)" is one name.
  for (const sentence of wrappedLines(text).flatMap(sentences)) {
    const known = findNames(sentence);
    const names = [...known, ...namesByContext(sentence).filter((h) => !known.some((k) => k.index < h.end && h.index < k.end))].sort((a, b) => a.index - b.index);
    if (!names.length) continue;
    // Where the sentence's verbs of speaking are: a name before one of them is its subject.
    let lastVerb = -1;
    if (SPEECH_WORDS.test(sentence)) for (const m of matchesOf(SPEECH_ALL, sentence)) lastVerb = m.index;
    for (const h of names) {
      const after = sentence.slice(h.end);
      const speaks = h.index < lastVerb || SPEECH_BEFORE.test(sentence.slice(Math.max(0, h.index - 20), h.index));
      const org = /^,\s*((?:\p{Lu}[\p{L}-]*)(?:\s+(?:\p{Lu}[\p{L}-]*|kommun|län))*)\s*,/u.exec(after);
      const valdes = /^\s+valdes till (justerare|ordförande|sekreterare)/i.exec(after);
      const party = /^\s*\(([A-Za-zÅÄÖåäö]{1,3})\)/.exec(after)?.[1]?.toUpperCase() ?? null;
      const present = speaks || valdes !== null;
      out.push({ name: h.name, party, organisation: org?.[1] ?? null, role: valdes ? valdes[1]!.toLowerCase() : null, attendance: present ? 'present' : 'unknown', rank: present ? 1 : 0 });
    }
  }
  return out;
}
