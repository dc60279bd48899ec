import { describe, expect, it } from 'vitest';
import { findDates, dateKind, mandatePeriod, withoutTrailingDate } from '../lib/swedish-dates.ts';

const dates = (text: string, ref: string | null = null) => findDates(text, ref).map((d) => (d.endDate ? `${d.date}..${d.endDate}` : d.date));

describe('Swedish dates', () => {
  it('reads full dates in words and ISO', () => {
    expect(dates('Minnesanteckningar Ordföranderåd 18 mars 2022')).toEqual(['2022-03-18']);
    expect(dates('Tid: Onsdag 26 februari 2020 kl 9:00 – 12:00')).toEqual(['2020-02-26']);
    expect(dates('Datum 2022-11-21, justerat 2020-03-13')).toEqual(['2022-11-21', '2020-03-13']);
  });

  it('reads ranges with en dash and hyphen, taking the year from the reference', () => {
    expect(dates('Barnrättsdagarna i Karlstad den 24–25 maj', '2022-03-18')).toEqual(['2022-05-24..2022-05-25']);
    expect(dates('studieresan 9-10 februari', '2023-02-20')).toEqual(['2023-02-09..2023-02-10']);
  });

  it('rolls short dates forward into the next year for upcoming meetings', () => {
    expect(dates('31/1 Dialog om kulturplanen. Planen skall upp i Regionledningen 29/12.', '2024-11-18')).toEqual(['2025-01-31', '2024-12-29']);
    expect(dates('klar den 2 november', '2020-02-26')).toEqual(['2020-11-02']);
  });

  it('ignores numbers that are not dates', () => {
    expect(dates('flyktingvågen 2015/16, yrkespaket 400–1600 apl, 100 000 kr/år i 3 år, 1:1-medel', '2022-01-01')).toEqual([]);
    expect(dates('31/2 och 12/13', '2022-01-01')).toEqual([]);
  });

  it('skips yearless dates without a reference', () => {
    expect(dates('8 april kl 13-15')).toEqual([]);
    expect(dates('8 april kl 13-15', '2022-03-18')).toEqual(['2022-04-08']);
  });

  it('tells the kind from the words before', () => {
    expect(dateKind('Justerat den: ')).toBe('adjusted');
    expect(dateKind('Tid: Onsdag ')).toBe('meeting');
    expect(dateKind('Datum ')).toBe('document');
    expect(dateKind('lämna ett remissvar senast ')).toBe('deadline');
    expect(dateKind('Den ', 'Nästa möte')).toBe('next-meeting');
  });

  it('maps dates to mandate periods', () => {
    expect(mandatePeriod('2018-12-31')).toBe('2015-2018');
    expect(mandatePeriod('2019-01-01')).toBe('2019-2022');
    expect(mandatePeriod('2024-11-18')).toBe('2023-2026');
    expect(mandatePeriod(null)).toBeNull();
  });
});

describe('a title without the date it ends with', () => {
  const cases: [string, string][] = [
    ['Strukturella Metadata - Referensgrupp 18 nov', 'Strukturella Metadata - Referensgrupp'],
    ['Kommunstyrelsen 2024-01-24', 'Kommunstyrelsen'],
    ['Ordföranderådet 24–25 maj 2023.', 'Ordföranderådet'],
    ['Möte 18 mars om budgeten', 'Möte 18 mars om budgeten'],
    ['Valnämnd', 'Valnämnd'],
  ];
  it.each(cases)('%s', (title, want) => expect(withoutTrailingDate(title)).toBe(want));
});
