// Routes: apps/api/src/routes/invoice-documents — an issued invoice's PDF and e-invoice (UBL) as files.
import { transaction } from "@nns/db";
import { AppError } from "@nns/domain";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { loadVisibleInvoice } from "./invoices.js";

export interface InvoiceFile {
  filename: string;
  contentType: "application/pdf" | "application/xml";
  body: Uint8Array | string;
}

/**
 * The document as it was frozen when issued, for the seller and for the förbund it was issued to; any
 * other organization gets 404, as for an invoice that does not exist. A draft has no document yet (409
 * for the seller; a buyer never sees drafts). File names follow the number: `faktura-2027-0001.pdf`,
 * `kreditnota-2027-0002.xml`.
 */
export async function invoiceFile(
  ctx: OrgContext,
  invoiceId: string,
  format: "pdf" | "ubl",
): Promise<InvoiceFile> {
  requirePermission(ctx, "invoices:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const row = await loadVisibleInvoice(tx, ctx, invoiceId);
    const body = format === "pdf" ? row.pdf : row.ubl;
    if (row.status === "draft" || !row.number || !body) {
      throw new AppError(
        "conflict",
        "Fakturan är ett utkast; dess PDF och e-faktura finns när den är utfärdad.",
      );
    }
    const stem = `${row.kind === "invoice" ? "faktura" : "kreditnota"}-${row.number}`;
    return format === "pdf"
      ? { filename: `${stem}.pdf`, contentType: "application/pdf", body }
      : { filename: `${stem}.xml`, contentType: "application/xml", body };
  });
}
