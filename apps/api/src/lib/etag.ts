import { AppError } from "@nns/domain";

export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * Reads If-Match into the version the client expects. Absent or `*` means "any version"; a value that
 * names no version we could have issued can never match, so it fails like a stale one.
 */
export function expectedVersion(ifMatch: string | undefined): number | null {
  if (!ifMatch || ifMatch.trim() === "*") return null;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(ifMatch);
  if (!match) throw new AppError("precondition_failed", "If-Match must be an ETag this API returned.");
  return Number(match[1]);
}
