/** Every explicit date in the document, resolved to ISO with a kind and evidence. */
import type { DateMention } from '../lib/schema.ts';
import { dateKind, findDates } from '../lib/swedish-dates.ts';
import type { DocContext } from './context.ts';

export function extractDates({ blocks, plain, blockSection, meta, isMeeting }: Pick<DocContext, 'blocks' | 'plain' | 'blockSection' | 'meta' | 'isMeeting'>): DateMention[] {
  const ref = meta.documentDate ?? meta.date;
  const meetingDate = isMeeting ? meta.date : null;
  const out: DateMention[] = [];
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    const text = plain[i]!;
    const section = blockSection[i] ?? '';
    for (const d of findDates(text, ref)) {
      // A label may sit on the line above its value ("Justerat den:" / "2020-03-13").
      // or in the block above it ("Datum" / "2022-11-21").
      const context = d.index < 3 && i > 0 ? `${plain[i - 1]} ` : '';
      const before = (context + text.slice(Math.max(0, d.index - 60), d.index)).slice(-60).replace(/\s*\n\s*/g, ' ');
      let kind = dateKind(before, section);
      // The meeting's own date, wherever the header puts it ("Datum", "Tid", the title), is the meeting.
      if ((kind === 'event' || kind === 'document') && d.date === meetingDate && (i < 12 || meta.titleBlocks.includes(i))) kind = 'meeting';
      const key = `${d.date}|${d.endDate ?? ''}|${kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ date: d.date, ...(d.endDate ? { endDate: d.endDate } : {}), text: d.text, kind, evidence: { page: block.page, section: section || null, quote: sentenceAround(text, d.index) } });
    }
  });
  return out;
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index) + 2, text.lastIndexOf('\n', index) + 1, 0);
  const ends = [text.indexOf('. ', index), text.indexOf('\n', index)].filter((e) => e >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) + 1 : undefined).trim().slice(0, 300);
}
