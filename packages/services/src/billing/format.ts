import { formatOrganizationNumber, type PostalAddress } from "@nns/domain";

/** How a Swede expects the numbers on an invoice to be written, in the PDF and the email alike. */

/** `56781234` → `5678-1234`, `1234567` → `123-4567`: the last four digits after a hyphen. */
export function formatBankgiro(digits: string): string {
  return `${digits.slice(0, -4)}-${digits.slice(-4)}`;
}

/** `4711236` → `471123-6`: the check digit after a hyphen. */
export function formatPlusgiro(digits: string): string {
  return `${digits.slice(0, -1)}-${digits.slice(-1)}`;
}

/** `11122` → `111 22`, as PostNord writes postal codes. */
export function formatPostalCode(code: string): string {
  return /^\d{5}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** 2500 → `25 %`, 1250 → `12,5 %`. */
export function formatVatRate(basisPoints: number): string {
  return `${String(basisPoints / 100).replace(".", ",")} %`;
}

export function addressLines(address: PostalAddress): string[] {
  return [
    address.street,
    ...(address.additionalStreet ? [address.additionalStreet] : []),
    `${formatPostalCode(address.postalCode)} ${address.city}`,
    ...(address.countryCode === "SE" ? [] : [address.countryCode]),
  ];
}

export function organizationNumberLabel(digits: string): string {
  return `Org.nr ${formatOrganizationNumber(digits)}`;
}
