import { describe, expect, it } from 'vitest';
import { buildFilter } from '../index/filter.ts';

describe('structured filters', () => {
  it('builds an AND of fields with OR inside one, dates as timestamps', () => {
    expect(buildFilter({ year: [2021, 2023], docType: ['protokoll'], from: '2021-01-01', party: ['s'] })).toBe(
      '(year IN [2021, 2023]) AND (dateTs >= 1609459200) AND (docType IN ["protokoll"]) AND (parties IN ["S"])',
    );
    expect(buildFilter({})).toBeUndefined();
  });

  it('quotes user text so it can never become filter syntax', () => {
    const f = buildFilter({ body: ['Värmlandsrådet" OR year > 0 OR body = "x'], person: ['Anna \\ Berg'] })!;
    expect(f).toBe('(body IN ["Värmlandsrådet\\" OR year > 0 OR body = \\"x"] OR bodyKey IN ["Värmlandsrådet\\" OR year > 0 OR body = \\"x"]) AND (persons IN ["Anna \\\\ Berg"])');
  });

  it('rejects values of the wrong shape', () => {
    expect(() => buildFilter({ from: '2022-13-01' })).toThrow(/not a calendar date/);
    expect(() => buildFilter({ mandatePeriod: ['2019'] })).toThrow(/2019-2022/);
    expect(() => buildFilter({ docType: ['nonsense' as 'pm'] })).toThrow();
    expect(() => buildFilter({ extra: 1 } as never)).toThrow();
  });
});
