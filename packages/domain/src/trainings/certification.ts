/** Dates here are calendar dates as `YYYY-MM-DD` strings, which compare correctly as text. */
export interface CertificationPeriod {
  certifiedOn: string;
  validUntil: string | null;
  revokedAt?: Date | null;
}

export type CertificationStatus = "valid" | "expiring" | "expired" | "not_yet_valid" | "revoked";

/** How many days before its end a certification is listed as about to expire. */
export const CERTIFICATION_WARNING_DAYS = 90;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function certificationStatus(
  certification: CertificationPeriod,
  today: string,
  warningDays = CERTIFICATION_WARNING_DAYS,
): CertificationStatus {
  if (certification.revokedAt) return "revoked";
  if (certification.certifiedOn > today) return "not_yet_valid";
  if (certification.validUntil === null) return "valid";
  if (certification.validUntil < today) return "expired";
  return certification.validUntil <= addDays(today, warningDays) ? "expiring" : "valid";
}

/** A certification covers a training when it is valid on every one of its dates (first to last). */
export function coversPeriod(certification: CertificationPeriod, from: string, to: string): boolean {
  if (certification.revokedAt) return false;
  if (certification.certifiedOn > from) return false;
  return certification.validUntil === null || certification.validUntil >= to;
}

export function isCertifiedFor(
  certifications: readonly CertificationPeriod[],
  from: string,
  to: string,
): boolean {
  return certifications.some((c) => coversPeriod(c, from, to));
}
