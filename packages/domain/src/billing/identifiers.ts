import type { FieldError } from "../errors.js";
import { isValidOrganizationNumber, normalizeOrganizationNumber } from "../organization-number.js";

/** Mod 10 over every digit, weights 1, 2, 1, … from the right: the check Bankgirot and PlusGirot use. */
function mod10Valid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Digits only: people write `5678-1234`, `5678 1234` or `44 52 67-7`; the document prints the digits. */
function giroDigits(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d+$/.test(digits) ? digits : null;
}

/** A bankgironummer: seven or eight digits, the last a mod 10 check digit. Returns the digits or null. */
export function normalizeBankgiro(input: string): string | null {
  const digits = giroDigits(input);
  return digits && /^\d{7,8}$/.test(digits) && mod10Valid(digits) ? digits : null;
}

/** A plusgironummer: two to eight digits, the last a mod 10 check digit. Returns the digits or null. */
export function normalizePlusgiro(input: string): string | null {
  const digits = giroDigits(input);
  return digits && /^\d{2,8}$/.test(digits) && mod10Valid(digits) ? digits : null;
}

/**
 * An organisationsnummer as given (with or without the hyphen) to ten digits, or a field error saying the
 * rule; `field` names where it came from.
 */
export function organizationNumberOrError(
  input: string,
  field: string,
): { value: string; error: null } | { value: null; error: FieldError } {
  const digits = normalizeOrganizationNumber(input);
  if (digits && isValidOrganizationNumber(digits)) return { value: digits, error: null };
  return {
    value: null,
    error: {
      field,
      rule: "organization_number",
      message: "Organisationsnumret ska ha tio siffror med en korrekt kontrollsiffra (Luhn).",
    },
  };
}
