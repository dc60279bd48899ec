/**
 * Swedish document types, in one place for extraction (recognising a document's type) and for
 * indexing and reports (which types record a held meeting).
 */
import type { DocType } from './schema.ts';

/** How each type names itself, most specific first ("minnesanteckningar" before "anteckningar"). */
export const DOC_TYPE_PATTERNS: [DocType, RegExp][] = [
  ['minnesanteckningar', /\bminnesanteckning(ar)?\b/i],
  ['protokoll', /\b(sammanträdes|justerat\s+)?protokoll(et)?\b/i],
  ['kallelse', /\bkallelse\b/i],
  ['tjansteskrivelse', /\btjänsteskrivelse\b/i],
  ['pm', /\b(PM|promemoria)\b/],
  ['anteckningar', /\b(sammanträdes)?anteckningar\b/i],
];

/** The type as a title word, for composed titles ("Protokoll Valnämnd 2026-02-02"). */
export const DOC_TYPE_LABEL: Record<DocType, string> = {
  protokoll: 'Protokoll', minnesanteckningar: 'Minnesanteckningar', pm: 'PM', anteckningar: 'Anteckningar',
  kallelse: 'Kallelse', tjansteskrivelse: 'Tjänsteskrivelse', other: 'Dokument',
};

/** A line that opens with a type word: a title ("Protokoll till …", "Minnesanteckningar"). */
export const TYPE_FIRST = /^(sammanträdes|justerat\s+)?(minnesanteckningar|protokoll|anteckningar|PM|promemoria|kallelse|tjänsteskrivelse)\b/i;

/** Type words anywhere, to strip them from a title that names the body. */
export const TYPE_WORDS = /(?<![\p{L}])(sammanträdesprotokoll|protokoll|minnesanteckningar|anteckningar|kallelse|PM|promemoria|tjänsteskrivelse)(?![\p{L}])/giu;

/** Words that mark a listed member as not at the meeting: a list's label, a table's note, a mark after the name. */
/**
 * The subheadings of a protocol item standing alone on their line ("Beslut", "Sammanfattning av
 * ärendet", "Beslutsgång" …): in a PDF's text, where lines carry no spacing, such a line after a
 * finished sentence starts a new block, however long the line before it.
 */
export const ITEM_SUBHEADING_LINE = /^(?:Beslut|Beslutet|Beslutsunderlag|Beslutsgång|Beslutsförslag|Sammanfattning(?: av ärendet)?|Ärendet|Ärendebeskrivning|Beskrivning av ärendet|Bakgrund|Motivering|Yrkanden?|Propositionsordning|Omröstning(?:sresultat)?|Reservationer?|Protokollsanteckningar?|Särskilt yttrande|Jäv|Upplysningar|Beslutet skickas till|Expedieras till|Förslag till beslut(?: på sammanträdet)?|Förvaltningens förslag(?: till beslut)?|Arbetsutskottets förslag(?: till beslut)?)\s*:?$/u;

export const ABSENCE_WORDS = String.raw`frånvarande|anmält\s+förhinder|förhinder|ej\s+närvarande`;

/** Types that record a meeting that was held (a kallelse announces one; a PM or tjänsteskrivelse is written, not held). */
export const MEETING_RECORD_TYPES: ReadonlySet<string> = new Set<DocType>(['protokoll', 'minnesanteckningar', 'anteckningar']);

/**
 * Roles of a body's members: ledamöter and ersättare, with the presidium and the justerare chosen
 * among them. Officials (kommundirektör, sekreterare, tjänsteperson) and presenters (föredragande)
 * attend without being members, whatever party they belong to.
 */
const MEMBER_ROLE = /^(?:(?:\d:e |förste |andre |tredje )?vice )?(?:ordförande|ordf\.?)$|^(?:tjänstgörande |ej tjänstgörande )?(?:ledamot|ersättare)\b|^justerare$/iu;

/** Whether a person listed in a meeting record is a member of the body: a member role, or a party without any role. */
export function isBodyMember(p: { role: string | null; party: string | null }): boolean {
  const role = p.role?.trim();
  return role ? MEMBER_ROLE.test(role) : Boolean(p.party);
}

/**
 * The heads of the titles that officials and members are named with, as an alternation of lower-case
 * words: a title is one of them or a compound ending in one ("förvaltningschef", "socialsekreterare",
 * "controller", "bygglovshandläggare", "ordföranden"). For names after a title in running text, for
 * cutting a title off a name, and for telling a person's title from a body in a recipient list.
 */
export const TITLE_HEADS = [
  'chef', 'direktör', 'ledare', 'strateg', 'samordnare', 'utvecklare', 'sekreterare', 'handläggare', 'controller', 'ansvarig',
  'jurist', 'ekonom', 'revisor', 'arkitekt', 'ingenjör', 'inspektör', 'planerare', 'koordinator', 'administratör', 'assistent',
  'specialist', 'analytiker', 'rådgivare', 'konsult', 'pedagog', 'kurator', 'sköterska', 'läkare', 'polis', 'rektor', 'utredare',
  'kommunikatör', 'registrator', 'arkivarie', 'bibliotekarie', 'lantmätare', 'intendent', 'förvaltare', 'kanslist', 'sakkunnig',
  'ombud', 'ordförande', 'ordföranden', 'ledamot', 'ledamoten', 'ersättare', 'ersättaren', 'föredragande', 'kommunalråd',
  'oppositionsråd', 'regionråd',
].join('|');

/** The same heads, each also with a capital first letter ("Controller Eva Ek", "Rektor Per Lind"). */
export const TITLE_HEADS_CAPITALISED = TITLE_HEADS.split('|').map((h) => `[${h[0]!.toUpperCase()}${h[0]}]${h.slice(1)}`).join('|');
