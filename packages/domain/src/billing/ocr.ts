import { luhnCheckDigit } from "../organization-number.js";

/**
 * Bankgirot's OCR reference with variable length check ("variabel längdkontroll"): digits only, 2–25 of
 * them, the last a Luhn check digit over all before it, the one before that the total length mod 10. The
 * length digit lets Bankgirot reject a payment whose reference the payer typed with a digit too many or
 * too few, which the Luhn digit alone can miss (a dropped or added 0 at the start keeps the Luhn sum).
 */
const MAX_LENGTH = 25;

/**
 * The OCR reference of invoice `year-sequence` (e.g. `2027-0001` → `2027000104`): the year, the sequence
 * zero-padded to at least four digits (as in the invoice number), the length digit and the check digit.
 * The four-digit year has a fixed width and the sequence is written without extra zeros beyond four, so
 * two different invoice numbers never share a reference.
 */
export function ocrReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError("the year must have four digits");
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError("the sequence must be a positive whole number");
  const payload = `${year}${String(sequence).padStart(4, "0")}`;
  // A safe integer has at most 16 digits, so the reference stays within 4 + 16 + 2 = 22 ≤ 25 digits.
  const withLength = `${payload}${(payload.length + 2) % 10}`;
  return `${withLength}${luhnCheckDigit(withLength)}`;
}

/** True for a reference Bankgirot accepts under the variable length check. */
export function isValidOcr(value: string): boolean {
  if (!/^\d+$/.test(value) || value.length < 2 || value.length > MAX_LENGTH) return false;
  if (Number(value[value.length - 2]) !== value.length % 10) return false;
  return luhnCheckDigit(value.slice(0, -1)) === Number(value[value.length - 1]);
}
