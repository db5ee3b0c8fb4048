// How an issued invoice or credit note reaches its buyer. One real implementation today: the email with the
// PDF and the e-invoice attached, and the download in the API and admin. docs/billing.md, "Transmission",
// says how a Peppol access-point provider plugs in here.
import type { Tx } from "@nns/db";
import type { InvoiceDocument } from "@nns/domain";
import type { Deps } from "../context.js";
import { invoiceIssuedEmail } from "../mail/billing-templates.js";
import type { InvoiceRow } from "./invoice-view.js";

/**
 * Makes an issued document available to its buyer. Called inside the issuing transaction, so an
 * implementation only records or enqueues (the outbox pattern): the sending itself happens after commit,
 * retried by the job queue, and a rolled-back issue sends nothing. `channel` is recorded in the audit entry.
 */
export interface AccessPoint {
  deliver(
    tx: Tx,
    invoice: InvoiceRow,
    document: InvoiceDocument,
    ubl: string,
    pdf: Buffer,
  ): Promise<{ channel: string }>;
}

/**
 * The buyer downloads the PDF and the UBL from the API and the admin (they are stored on the invoice), and
 * receives both by email at its invoice address when it has given one. This does not send over the Peppol
 * network; a buyer's financial system reads the attached UBL as it would a Peppol delivery.
 */
export class EmailAndDownload implements AccessPoint {
  constructor(private readonly deps: Deps) {}

  async deliver(
    tx: Tx,
    invoice: InvoiceRow,
    document: InvoiceDocument,
    ubl: string,
    pdf: Buffer,
  ): Promise<{ channel: string }> {
    const to = document.buyer.invoiceEmail;
    if (!to) return { channel: "download" };
    await this.deps.mailer.queue(
      tx,
      await invoiceIssuedEmail({
        to,
        document,
        organizationId: invoice.buyerOrganizationId,
        pdf,
        ubl,
        downloadUrl: `${this.deps.config.publicUrl}/o/${invoice.buyerOrganizationId}/invoices/${invoice.id}`,
      }),
    );
    return { channel: "email+download" };
  }
}

/** The access point this deployment uses; a provider's implementation would be chosen here by configuration. */
export function accessPointOf(deps: Deps): AccessPoint {
  return new EmailAndDownload(deps);
}
