import { formatOrganizationNumber, type InvoiceDocument, type InvoiceStatus } from "@nns/domain";
import { writeCsv } from "../../csv.js";

/** One invoice or credit note in the list, with what the ledger knows about its payment. */
export interface InvoiceCsvRow {
  document: InvoiceDocument;
  status: InvoiceStatus;
  /** Past the due date with a balance left; derived by the ledger, never stored. */
  overdue: boolean;
  /** Invoices: paid so far and still owed. Credit notes are not paid: null. */
  paidOre: number | null;
  balanceOre: number | null;
}

export const INVOICE_STATUS_LABELS_SV: Record<InvoiceStatus, string> = {
  draft: "Utkast",
  issued: "Obetald",
  partly_paid: "Delvis betald",
  paid: "Betald",
  credited: "Krediterad",
  partly_credited: "Delvis krediterad",
};

const HEADER = [
  "Nummer",
  "Typ",
  "Kund",
  "Organisationsnummer",
  "Er referens",
  "Fakturadatum",
  "Förfallodatum",
  "Belopp exkl. moms",
  "Moms",
  "Totalt",
  "Betalt",
  "Kvar att betala",
  "Status",
];

function statusLabel(row: InvoiceCsvRow): string {
  if (row.document.kind === "credit_note") return "Utfärdad";
  const label = INVOICE_STATUS_LABELS_SV[row.status];
  return row.overdue ? `${label}, förfallen` : label;
}

/**
 * The invoice list for Swedish Excel: semicolons, a UTF-8 BOM, decimal commas, ISO dates. A credit note's
 * amounts are negative, so that summing a column gives what was actually invoiced.
 */
export function invoicesCsv(rows: readonly InvoiceCsvRow[]): string {
  return writeCsv(
    HEADER,
    rows.map((row) => {
      const { document } = row;
      const sign = document.kind === "credit_note" ? -1 : 1;
      const money = (ore: number | null) => (ore === null ? null : { ore: sign * ore });
      return [
        document.number,
        document.kind === "invoice" ? "Faktura" : "Kreditnota",
        document.buyer.legalName,
        formatOrganizationNumber(document.buyer.organizationNumber),
        document.buyerReference,
        document.issueDate,
        document.dueDate,
        money(document.netOre),
        money(document.vatOre),
        money(document.totalOre),
        money(row.paidOre),
        money(row.balanceOre),
        statusLabel(row),
      ];
    }),
  );
}
