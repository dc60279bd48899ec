/**
 * Swedish personal identity numbers (personnummer, and samordningsnummer with day + 60) in
 * "19811218-9876", "811218-9876", "8112189876" or "198112189876" form, recognised by a valid date
 * and Luhn check digit, and masked before anything is indexed or shown.
 */
const CANDIDATE = /(?<![\d-])((?:19|20)?)(\d{2})(\d{2})(\d{2})([-+ ]?)(\d{3})(\d)(?![\d-])/g;
export const MASK = '[personnummer]';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export function isPersonnummer(yy: string, mm: string, dd: string, serial: string, check: string): boolean {
  const month = Number(mm);
  const day = Number(dd) > 60 ? Number(dd) - 60 : Number(dd);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhn(`${yy}${mm}${dd}${serial}${check}`);
}

/** The text with every personnummer replaced, and how many there were. */
export function maskPersonnummer(text: string): { text: string; count: number } {
  let count = 0;
  const masked = text.replace(CANDIDATE, (m, _c: string, yy: string, mm: string, dd: string, sep: string, serial: string, check: string) => {
    // Without a separator, only 10 or 12 digits in a row qualify (not parts of longer numbers).
    if (!sep && m.length !== 10 && m.length !== 12) return m;
    if (!isPersonnummer(yy, mm, dd, serial, check)) return m;
    count++;
    return MASK;
  });
  return { text: masked, count };
}
