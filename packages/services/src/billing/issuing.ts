// The one way a document is issued, for invoices and credit notes alike: number, freeze, validate, send.
import { invoiceLines, invoices, rowsOf, type Tx, trainingSessions, trainings, transaction } from "@nns/db";
import {
  AppError,
  type InvoiceDocument,
  lineTotals,
  ocrReference,
  type PostalAddress,
  vatSummary,
} from "@nns/domain";
import { and, eq, max, min, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { organizationName, requireNnsOrganization, stockholmDate } from "../trainings/scope.js";
import { emitWebhookEvent } from "../webhooks/events.js";
import { assertDraftCurrent } from "./drafts.js";
import { type InvoiceDetailView, type InvoiceRow, invoiceSummaryView, lineView } from "./invoice-view.js";
import { readInvoiceDetail } from "./invoices.js";
import { renderInvoicePdf } from "./pdf.js";
import { assertValidUbl, sharedPeppolValidator, toUbl } from "./peppol/index.js";
import { type BuyerRow, readiness, type SellerRow } from "./readiness.js";
import { enqueueStripeMirror } from "./stripe-sync.js";
import { accessPointOf } from "./transmission.js";

/** `YYYY-MM-DD` plus whole days, as calendar dates (no time zone can shift them). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The next number in the seller's series for `year`, in the caller's transaction. The upsert locks the
 * series row until the transaction ends, so concurrent issues take their numbers one after the other, and
 * a transaction that rolls back gives its number back: the series has no gaps.
 */
export async function nextSequence(tx: Tx, sellerId: string, year: number): Promise<number> {
  const [row] = rowsOf<{ last_number: number }>(
    await tx.execute(sql`
      insert into invoice_series (organization_id, year, last_number) values (${sellerId}, ${year}, 1)
      on conflict (organization_id, year) do update set last_number = invoice_series.last_number + 1
      returning last_number`),
  );
  if (!row) throw new Error("the invoice series returned no number");
  return Number(row.last_number);
}

export function formatInvoiceNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, "0")}`;
}

const addressOf = (row: SellerRow | BuyerRow): PostalAddress => ({
  street: row.street,
  additionalStreet: row.additionalStreet,
  postalCode: row.postalCode,
  city: row.city,
  countryCode: row.countryCode,
});

/** What the invoice is for: the training's title and the dates of its sessions. */
export async function trainingNote(tx: Tx, trainingId: string | null): Promise<string> {
  if (!trainingId) return "";
  const [training] = await tx
    .select({ title: trainings.title })
    .from(trainings)
    .where(eq(trainings.id, trainingId));
  const [dates] = await tx
    .select({ first: min(trainingSessions.startsAt), last: max(trainingSessions.endsAt) })
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId));
  const title = training?.title ?? "";
  if (!dates?.first || !dates.last) return title;
  const [from, to] = [stockholmDate(new Date(dates.first)), stockholmDate(new Date(dates.last))];
  return `${title}, ${from === to ? from : `${from}–${to}`}`;
}

export interface IssueOptions {
  /** Credit notes: the invoice they correct, whose referens they carry. */
  creditedInvoice: InvoiceRow | null;
  note: string;
  /** Only the demo seed dates an invoice in the past (so its aging view has every bucket); else today. */
  issueDate?: string;
}

/**
 * Issues a draft (locked by the caller) in the caller's transaction: checks that the seller's settings,
 * the buyer's details and a referens exist (409 naming each one missing), takes the next number, freezes
 * the document, writes the UBL and refuses it unless it passes Peppol BIS Billing 3.0 (422 naming the
 * rules; the rollback gives the number back), renders the PDF, stores all of it, audits, tells the buyer's
 * webhooks and hands the document to the access point. Invoices and credit notes both come through here.
 */
export async function issueDraft(
  tx: Tx,
  ctx: OrgContext,
  draft: InvoiceRow,
  options: IssueOptions,
): Promise<InvoiceRow> {
  const sellerId = ctx.organization.id;
  const buyerName = await organizationName(tx, draft.buyerOrganizationId);
  const ready = await readiness(
    tx,
    sellerId,
    { id: draft.buyerOrganizationId, name: buyerName },
    draft.trainingId,
  );
  const reference = options.creditedInvoice?.buyerReference ?? ready.reference;
  const missing = ready.missing.filter((m) => m.rule !== "reference_missing" || !reference);
  const [first] = missing;
  if (first || !ready.seller || !ready.buyer || !reference) {
    throw new AppError("conflict", `Fakturan kan inte utfärdas: ${missing.map((m) => m.message).join(" ")}`, {
      errors: missing,
    });
  }
  const { seller, buyer } = ready;
  const lines = (
    await tx
      .select()
      .from(invoiceLines)
      .where(and(eq(invoiceLines.organizationId, sellerId), eq(invoiceLines.invoiceId, draft.id)))
  )
    .sort((a, b) => a.position - b.position)
    .map(lineView);
  if (lines.length === 0) throw new AppError("conflict", "Fakturan har inga rader att utfärda.");
  const isInvoice = draft.kind === "invoice";
  const issueDate = options.issueDate ?? stockholmDate();
  const year = Number(issueDate.slice(0, 4));
  const sequence = await nextSequence(tx, sellerId, year);
  const number = formatInvoiceNumber(year, sequence);
  const totals = lineTotals(lines);
  const credited = options.creditedInvoice;
  const document: InvoiceDocument = {
    kind: draft.kind,
    number,
    issueDate,
    dueDate: isInvoice ? addDays(issueDate, seller.paymentTermsDays) : null,
    currency: "SEK",
    buyerReference: reference,
    ocr: isInvoice ? ocrReference(year, sequence) : null,
    note: options.note,
    paymentTerms: `${seller.paymentTermsDays} dagar netto`,
    creditedInvoice:
      credited?.number && credited.issueDate
        ? { number: credited.number, issueDate: credited.issueDate }
        : null,
    seller: {
      organizationId: sellerId,
      legalName: seller.legalName,
      organizationNumber: seller.organizationNumber,
      vatNumber: seller.vatNumber,
      fSkatt: seller.fSkatt,
      address: addressOf(seller),
      peppolId: { scheme: "0007", value: seller.organizationNumber },
      invoiceEmail: seller.invoiceEmail,
      bankgiro: seller.bankgiro,
      plusgiro: seller.plusgiro,
      lateInterestText: seller.lateInterestText,
    },
    buyer: {
      organizationId: draft.buyerOrganizationId,
      legalName: buyer.legalName,
      organizationNumber: buyer.organizationNumber,
      vatNumber: buyer.vatNumber,
      address: addressOf(buyer),
      peppolId: { scheme: buyer.peppolScheme, value: buyer.peppolId },
      invoiceEmail: buyer.invoiceEmail,
    },
    lines,
    vatSummary: vatSummary(lines),
    ...totals,
  };
  const ubl = toUbl(document);
  assertValidUbl(await sharedPeppolValidator().validate(ubl));
  const pdf = await renderInvoicePdf(document);
  const [issued] = await tx
    .update(invoices)
    .set({
      status: "issued",
      seriesYear: year,
      sequence,
      number,
      issueDate,
      dueDate: document.dueDate,
      buyerReference: reference,
      ocr: document.ocr,
      ...totals,
      document,
      ubl,
      pdf,
      issuedByUserId: actorUserId(ctx.actor),
      issuedAt: new Date(),
      version: sql`${invoices.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(invoices.organizationId, sellerId), eq(invoices.id, draft.id)))
    .returning();
  if (!issued) throw new Error("issuing updated no invoice");
  const { channel } = await accessPointOf(ctx.deps).deliver(tx, issued, document, ubl, pdf);
  await audit(tx, ctx, {
    action: isInvoice ? "invoice.issued" : "credit_note.issued",
    entityType: "invoice",
    entityId: issued.id,
    after: { number, buyerOrganizationId: issued.buyerOrganizationId, totalOre: issued.totalOre, channel },
  });
  await emitWebhookEvent(tx, ctx, "invoice.issued", [
    {
      organizationId: issued.buyerOrganizationId,
      object: invoiceSummaryView(issued, buyerName, issued.buyerOrganizationId, issueDate),
    },
  ]);
  await enqueueStripeMirror(tx, ctx, issued);
  return issued;
}

/** Issues a draft invoice: number, document, e-invoice, PDF, email; see issueDraft. */
export async function issueInvoice(ctx: OrgContext, invoiceId: string): Promise<InvoiceDetailView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [draft] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, ctx.organization.id), eq(invoices.id, invoiceId)))
      .for("update");
    if (!draft) throw new AppError("not_found", "Fakturan finns inte.");
    if (draft.status !== "draft") {
      throw new AppError("conflict", `Fakturan är redan utfärdad med nummer ${draft.number}.`);
    }
    await assertDraftCurrent(tx, ctx, draft);
    const issued = await issueDraft(tx, ctx, draft, {
      creditedInvoice: null,
      note: await trainingNote(tx, draft.trainingId),
    });
    return readInvoiceDetail(tx, ctx, issued);
  });
}
