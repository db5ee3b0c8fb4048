/*
 * How the numbers on a Swedish invoice are written, as the PDF writes them (the services' pdf-format,
 * which runs on the server only): the admin shows the same text the förbund reads on paper.
 */

/** `56781234` → `5678-1234`: the last four digits after a hyphen. */
export function formatBankgiro(digits: string): string {
  return /^\d{7,8}$/.test(digits) ? `${digits.slice(0, -4)}-${digits.slice(-4)}` : digits;
}

/** `4711236` → `471123-6`: the check digit after a hyphen. */
export function formatPlusgiro(digits: string): string {
  return /^\d{2,8}$/.test(digits) ? `${digits.slice(0, -1)}-${digits.slice(-1)}` : digits;
}

/** `2220000018` → `222000-0018`. */
export function formatOrganizationNumber(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}
