import { describe, expect, it } from 'vitest';
import { findCaseNumbers, isCaseNumber } from '../extract/case-numbers.ts';

describe('diarienummer forms', () => {
  const found: [string, string[]][] = [
    ['§ 1                        Dnr KFT-2024-00011', ['KFT-2024-00011']],
    ['Dnr KS 2023–00456', ['KS 2023–00456']],
    ['Diarienummer: ABC/220099', ['ABC/220099']],
    ['Dnr KS 2023/214. Dnr KS 2023/214 igen', ['KS 2023/214']],
    ['Diarienummer RS/240542', ['RS/240542']],
    ['Dnr 23RS1234', ['23RS1234']],
    ['Dnr 2024-00123', ['2024-00123']],
  ];
  it.each(found)('finds it in %s', (text, want) => expect(findCaseNumbers(text)).toEqual(want));

  const none = ['Datum 2024-01-24', 'Dnr saknas', 'KF §137 Uppdrag', 'Klockan 17:00-20:00', 'Dnr 2024-01-24'];
  it.each(none)('finds none in %s', (text) => expect(findCaseNumbers(text)).toEqual([]));

  it('knows a bare case number from a date', () => {
    expect(isCaseNumber('2024-00001')).toBe(true);
    expect(isCaseNumber('KS 2023/214')).toBe(true);
    expect(isCaseNumber('2024-01-24')).toBe(false);
    expect(isCaseNumber('Ordförande')).toBe(false);
  });
});
