import { newsletterSubscribers } from "@nns/db";
import { AppError, fieldError } from "@nns/domain";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { csvDelimiterOf } from "../csv.js";
import {
  isSuppressed,
  normalizeEmail,
  queueConfirmation,
  type SubscriberRow,
  withSubscriberList,
} from "./subscriber-records.js";
import { signingKey } from "./tokens.js";

export type ImportOutcome = "created" | "updated" | "skipped";
export type ImportSkipReason =
  | "invalid_email"
  | "duplicate"
  | "suppressed"
  | "exists"
  | "unsubscribed"
  | "blocklisted";

export interface ImportRowReport {
  /** The line in the file, the header being line 1 when there is one. */
  row: number;
  email: string;
  outcome: ImportOutcome;
  reason: ImportSkipReason | null;
  message: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  skipped: number;
  rows: ImportRowReport[];
}

export interface ImportOptions {
  /** The consent the people in the file gave, word for word; recorded on every new row. */
  consentText: string;
  /** The importer vouches for that consent: the rows are confirmed, with the importer recorded. */
  attestConsent: boolean;
}

const EMAIL_HEADERS = new Set(["email", "e-mail", "e-post", "epost", "e-postadress", "mail"]);
const NAME_HEADERS = new Set(["name", "namn", "fullständigt namn"]);

interface Line {
  row: number;
  email: string;
  name: string | null;
}

/**
 * The address and name columns by their header (email/e-post, name/namn, any case); a file without a
 * header has the address first and the name second.
 */
function readLines(csv: string): Line[] {
  let records: string[][];
  try {
    records = parse(csv, {
      delimiter: csvDelimiterOf(csv),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    throw fieldError("body", "csv_syntax", `Filen kan inte läsas som CSV: ${(error as Error).message}`);
  }
  const head = (records[0] ?? []).map((cell) => cell.toLowerCase());
  const emailColumn = head.findIndex((cell) => EMAIL_HEADERS.has(cell));
  const hasHeader = emailColumn >= 0;
  if (!hasHeader && records[0] && !normalizeEmail(records[0][0] ?? ""))
    throw fieldError(
      "body",
      "email_column_required",
      "Hittar ingen kolumn med e-postadresser: ge den rubriken email eller e-post.",
    );
  const nameColumn = hasHeader ? head.findIndex((cell) => NAME_HEADERS.has(cell)) : 1;
  const email = hasHeader ? emailColumn : 0;
  return records.slice(hasHeader ? 1 : 0).map((cells, index) => ({
    row: index + (hasHeader ? 2 : 1),
    email: cells[email] ?? "",
    name: nameColumn >= 0 ? cells[nameColumn] || null : null,
  }));
}

const MESSAGES: Record<ImportSkipReason, string> = {
  invalid_email: "Ogiltig e-postadress.",
  duplicate: "Adressen finns redan tidigare i filen.",
  suppressed: "Adressen har raderats eller anmält utskicken som skräppost och importeras inte igen.",
  exists: "Adressen finns redan i listan; inget ändrades.",
  unsubscribed: "Personen har avregistrerat sig och läggs inte till igen genom import.",
  blocklisted: "Adressen är spärrad efter studsar.",
};

/**
 * Imports a CSV of addresses with a report per line. All or nothing: the file is read and every line
 * decided in one transaction, so a failure leaves no partial import; importing the same file again
 * changes nothing. Without an attestation new addresses stay unconfirmed and get the double opt-in email;
 * unsubscribed, blocklisted and erased addresses are never brought back by an import.
 */
export async function importSubscribers(
  ctx: OrgContext,
  publicationId: string,
  csv: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const consentText = options.consentText.trim();
  if (!consentText)
    throw fieldError("query.consentText", "required", "Ange vilket samtycke personerna har gett.");
  const lines = readLines(csv);
  const attestedBy = options.attestConsent && ctx.actor.type === "user" ? ctx.actor.userId : null;
  const key = await signingKey(ctx.deps.db);
  return withSubscriberList(ctx, publicationId, async (tx, publication) => {
    const report: ImportReport = { created: 0, updated: 0, skipped: 0, rows: [] };
    const seen = new Set<string>();
    const skip = (line: Line, reason: ImportSkipReason) => {
      report.skipped += 1;
      report.rows.push({
        row: line.row,
        email: line.email,
        outcome: "skipped",
        reason,
        message: MESSAGES[reason],
      });
    };
    const now = new Date();
    for (const line of lines) {
      const email = normalizeEmail(line.email);
      if (!email) {
        skip(line, "invalid_email");
        continue;
      }
      if (seen.has(email)) {
        skip(line, "duplicate");
        continue;
      }
      seen.add(email);
      const where = and(
        eq(newsletterSubscribers.organizationId, publication.organizationId),
        eq(newsletterSubscribers.publicationId, publication.id),
        eq(newsletterSubscribers.email, email),
      );
      const [existing] = await tx.select().from(newsletterSubscribers).where(where);
      if (existing) {
        const change = changeFor(existing, line.name, options.attestConsent);
        if (existing.status === "unsubscribed" || existing.status === "blocklisted") {
          skip(line, existing.status);
        } else if (!change) {
          skip(line, "exists");
        } else {
          await tx
            .update(newsletterSubscribers)
            .set({
              ...change,
              ...(change.status === "confirmed" && {
                confirmedAt: now,
                consentAt: now,
                consentText,
                consentSource: "import" as const,
                consentAttestedByUserId: attestedBy,
              }),
              updatedAt: now,
            })
            .where(where);
          report.updated += 1;
          report.rows.push({
            row: line.row,
            email,
            outcome: "updated",
            reason: null,
            message: change.status ? "Bekräftad genom intygat samtycke." : "Namnet uppdaterades.",
          });
        }
        continue;
      }
      if (await isSuppressed(tx, publication.organizationId, publication.id, email)) {
        skip(line, "suppressed");
        continue;
      }
      const [row] = await tx
        .insert(newsletterSubscribers)
        .values({
          organizationId: publication.organizationId,
          publicationId: publication.id,
          email,
          name: line.name,
          status: options.attestConsent ? "confirmed" : "unconfirmed",
          consentAt: now,
          consentText,
          consentSource: "import",
          consentAttestedByUserId: attestedBy,
          confirmedAt: options.attestConsent ? now : null,
        })
        .returning();
      if (!row) throw new AppError("internal", "The subscriber could not be stored.");
      if (!options.attestConsent) await queueConfirmation(tx, ctx.deps, key, publication.name, row);
      report.created += 1;
      report.rows.push({
        row: line.row,
        email,
        outcome: "created",
        reason: null,
        message: options.attestConsent
          ? "Tillagd som bekräftad (intygat samtycke)."
          : "Tillagd; ett bekräftelsemejl har skickats.",
      });
    }
    await audit(tx, ctx, {
      action: "newsletter.subscribers_imported",
      entityType: "newsletter_publication",
      entityId: publication.id,
      after: {
        created: report.created,
        updated: report.updated,
        skipped: report.skipped,
        attested: options.attestConsent,
      },
    });
    return report;
  });
}

/** What a line changes on an existing subscriber: a new name, or confirmation by attestation. */
function changeFor(
  existing: SubscriberRow,
  name: string | null,
  attest: boolean,
): { name?: string; status?: "confirmed" } | null {
  const change: { name?: string; status?: "confirmed" } = {};
  if (name && name !== existing.name) change.name = name;
  if (attest && existing.status === "unconfirmed") change.status = "confirmed";
  return Object.keys(change).length > 0 ? change : null;
}
