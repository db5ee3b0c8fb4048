/**
 * Participants are pseudonymous: no names, no personnummer. Free text that reaches progression data
 * (comments, a förbund's own labels) is refused when it holds something shaped like a personnummer or a
 * samordningsnummer, with or without century, separator or a valid check digit: a mistyped number is as
 * identifying as a correct one, and a ten-digit number with a real date in it is rarely anything else here.
 */

// YYMMDD or YYYYMMDD, then an optional - or +, then four digits; not inside a longer run of digits.
const SHAPE = /(?<!\d)(?:(?:18|19|20)\d{2}|\d{2})(\d{2})(\d{2})\s?[-+]?\s?\d{4}(?!\d)/g;

function isPlausibleDate(month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  // Samordningsnummer add 60 to the day.
  const d = day > 60 ? day - 60 : day;
  return d >= 1 && d <= 31;
}

export function containsPersonalIdentityNumber(text: string): boolean {
  for (const match of text.matchAll(SHAPE)) {
    if (isPlausibleDate(Number(match[1]), Number(match[2]))) return true;
  }
  return false;
}

/** Alphabet of participant codes: no 0/O, 1/I/L, so a code read aloud or copied by hand survives. */
export const PARTICIPANT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const PARTICIPANT_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

/** A code such as `K7QM-3XWA` from eight random values (0–255 each); the caller supplies randomness. */
export function participantCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error("eight random bytes are needed");
  const chars = Array.from(
    random.subarray(0, 8),
    (b) => PARTICIPANT_CODE_ALPHABET[b % PARTICIPANT_CODE_ALPHABET.length],
  );
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}
