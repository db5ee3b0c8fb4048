import type { EmailAttachment } from "@nns/db";
import { formatKronor, type InvoiceDocument } from "@nns/domain";
import { formatBankgiro, formatPlusgiro } from "../billing/format.js";
import type { OutgoingEmail } from "./mailer.js";
import { composeEmail as email } from "./templates.js";

/** How the payer pays: the giro number to use and the OCR number that matches the payment. */
function paymentParagraph(document: InvoiceDocument): string {
  const { bankgiro, plusgiro } = document.seller;
  const to = bankgiro ? `bankgiro ${formatBankgiro(bankgiro)}` : `plusgiro ${formatPlusgiro(plusgiro ?? "")}`;
  const ocr = document.ocr
    ? ` med OCR-nummer ${document.ocr}, så att betalningen kan kopplas till fakturan`
    : ` och ange fakturanummer ${document.number}`;
  return `Betala till ${to}${ocr}.`;
}

/**
 * An issued invoice or credit note to the buyer's invoice address, with the PDF to read and the
 * e-invoice (Peppol BIS Billing 3.0) for the buyer's financial system attached. The PDF travels as
 * base64 inside the stored email row, which is JSON.
 */
export function invoiceIssuedEmail(input: {
  to: string;
  document: InvoiceDocument;
  organizationId: string;
  pdf: Buffer;
  ubl: string;
  downloadUrl: string;
}): Promise<OutgoingEmail> {
  const { document } = input;
  const invoice = document.kind === "invoice";
  const what = invoice ? "Faktura" : "Kreditnota";
  const file = `${invoice ? "faktura" : "kreditnota"}-${document.number}`;
  const amount = formatKronor(document.totalOre);
  const paragraphs = ["Hej!"];
  if (invoice) {
    paragraphs.push(
      `Här kommer faktura ${document.number} från ${document.seller.legalName} på ${amount} inklusive moms, att betala senast ${document.dueDate}.`,
      `Fakturan avser: ${document.note}`,
      paymentParagraph(document),
    );
  } else {
    const credited = document.creditedInvoice;
    paragraphs.push(
      `Här kommer kreditnota ${document.number} från ${document.seller.legalName} på ${amount} inklusive moms${credited ? `, som krediterar faktura ${credited.number} (${credited.issueDate})` : ""}. Beloppet ska inte betalas.`,
      `Kreditnotan avser: ${document.note}`,
    );
  }
  paragraphs.push(
    `${what}n finns bifogad som PDF och som e-faktura (Peppol BIS Billing 3.0) som ert ekonomisystem kan läsa in. Er referens: ${document.buyerReference}.`,
  );
  const attachments: EmailAttachment[] = [
    {
      filename: `${file}.pdf`,
      contentType: "application/pdf",
      content: input.pdf.toString("base64"),
      encoding: "base64",
    },
    { filename: `${file}.xml`, contentType: "application/xml; charset=utf-8", content: input.ubl },
  ];
  return email({
    to: input.to,
    subject: `${what} ${document.number} från ${document.seller.legalName}`,
    paragraphs,
    action: { label: `Visa ${what.toLowerCase()}n på NNS-plattformen`, url: input.downloadUrl },
    footer: `Frågor om ${what.toLowerCase()}n besvaras på ${document.seller.invoiceEmail}.`,
    template: invoice ? "invoice_issued" : "credit_note_issued",
    organizationId: input.organizationId,
    attachments,
  });
}
