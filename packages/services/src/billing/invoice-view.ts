// How an invoice or credit note is shown: the detail here, and the summary the invoice list reuses.
import type { invoiceLines, invoicePayments, invoices } from "@nns/db";
import {
  daysOverdue,
  type InvoiceDocumentLine,
  type InvoiceStatus,
  type VatSummaryRow,
  vatSummary,
} from "@nns/domain";

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type InvoicePaymentRow = typeof invoicePayments.$inferSelect;

export interface InvoiceSummaryView {
  id: string;
  kind: "invoice" | "credit_note";
  status: InvoiceStatus;
  /** Derived, never stored: an invoice with something left to pay after its due date. */
  overdue: boolean;
  daysOverdue: number;
  number: string | null;
  seller: { organizationId: string };
  buyer: { organizationId: string; name: string };
  trainingId: string | null;
  creditedInvoiceId: string | null;
  issueDate: string | null;
  dueDate: string | null;
  buyerReference: string | null;
  ocr: string | null;
  netOre: number;
  vatOre: number;
  totalOre: number;
  paidOre: number;
  creditedOre: number;
  /** What is still owed: total − credited − paid; 0 for a credit note. */
  balanceOre: number;
  issuedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  links: { self: string; pdf: string | null; ubl: string | null };
}

export interface InvoiceLineView extends InvoiceDocumentLine {}

export interface InvoicePaymentView {
  id: string;
  paidOn: string;
  amountOre: number;
  method: InvoicePaymentRow["method"];
  reference: string | null;
  note: string | null;
  createdAt: Date;
}

export interface InvoiceDetailView extends InvoiceSummaryView {
  lines: InvoiceLineView[];
  vatSummary: VatSummaryRow[];
  payments: InvoicePaymentView[];
  creditNotes: { id: string; number: string | null; issueDate: string | null; totalOre: number }[];
}

/**
 * The summary of one invoice as the organization `viewerOrgId` sees it (the seller, or the buyer): links
 * point under the viewer's own path, and the PDF and e-invoice exist once issued. `today` is the Swedish
 * calendar date the overdue flag is judged on.
 */
export function invoiceSummaryView(
  row: InvoiceRow,
  buyerName: string,
  viewerOrgId: string,
  today: string,
): InvoiceSummaryView {
  const balanceOre = row.kind === "invoice" ? row.totalOre - row.creditedOre - row.paidOre : 0;
  const open = row.kind === "invoice" && row.status !== "draft" && balanceOre > 0;
  const days = open && row.dueDate ? daysOverdue(row.dueDate, today) : 0;
  const self = `/v1/orgs/${viewerOrgId}/invoices/${row.id}`;
  const issued = row.status !== "draft";
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    overdue: days > 0,
    daysOverdue: days,
    number: row.number,
    seller: { organizationId: row.organizationId },
    buyer: { organizationId: row.buyerOrganizationId, name: buyerName },
    trainingId: row.trainingId,
    creditedInvoiceId: row.creditedInvoiceId,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    buyerReference: row.buyerReference,
    ocr: row.ocr,
    netOre: row.netOre,
    vatOre: row.vatOre,
    totalOre: row.totalOre,
    paidOre: row.paidOre,
    creditedOre: row.creditedOre,
    balanceOre,
    issuedAt: row.issuedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    links: { self, pdf: issued ? `${self}/pdf` : null, ubl: issued ? `${self}/ubl` : null },
  };
}

export function lineView(row: InvoiceLineRow): InvoiceLineView {
  return {
    position: row.position,
    description: row.description,
    kind: row.kind,
    netOre: row.netOre,
    vatCategory: row.vatCategory,
    vatRateBasisPoints: row.vatRateBasisPoints,
    vatOre: row.vatOre,
  };
}

export function paymentView(row: InvoicePaymentRow): InvoicePaymentView {
  return {
    id: row.id,
    paidOn: row.paidOn,
    amountOre: row.amountOre,
    method: row.method,
    reference: row.reference,
    note: row.note,
    createdAt: row.createdAt,
  };
}

export function invoiceDetailView(
  summary: InvoiceSummaryView,
  lines: readonly InvoiceLineRow[],
  payments: readonly InvoicePaymentRow[],
  creditNotes: readonly InvoiceRow[],
): InvoiceDetailView {
  const lineViews = [...lines].sort((a, b) => a.position - b.position).map(lineView);
  return {
    ...summary,
    lines: lineViews,
    vatSummary: vatSummary(lineViews),
    payments: payments.map(paymentView),
    creditNotes: creditNotes.map((c) => ({
      id: c.id,
      number: c.number,
      issueDate: c.issueDate,
      totalOre: c.totalOre,
    })),
  };
}
