/**
 * Luhn (mod 10) check digit for any string of digits: weights 2, 1, 2, … from the rightmost digit, as in
 * a Swedish organisationsnummer (over its first nine digits) and Bankgirot's OCR references.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Accepts `NNNNNN-NNNN` or ten digits; returns ten digits or null. */
export function normalizeOrganizationNumber(input: string): string | null {
  const compact = input.trim().replace(/^(\d{6})-(\d{4})$/, "$1$2");
  if (!/^\d{10}$/.test(compact)) return null;
  return compact;
}

export function isValidOrganizationNumber(input: string): boolean {
  const digits = normalizeOrganizationNumber(input);
  if (!digits) return false;
  // The third digit of an organisationsnummer is at least 2, which tells it apart from a personnummer.
  if (Number(digits[2]) < 2) return false;
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

export function formatOrganizationNumber(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Swedish VAT number: SE + organisationsnummer + 01. */
export function vatNumberFor(organizationNumber: string): string {
  const digits = normalizeOrganizationNumber(organizationNumber);
  if (!digits || !isValidOrganizationNumber(digits)) throw new RangeError("Not a valid organisationsnummer");
  return `SE${digits}01`;
}
