import type { InvoiceDocumentLine, VatCategory, VatSummaryRow } from "./document.js";

/** The reason printed for VAT-exempt lines (category E); EN 16931 requires one. */
export const VAT_EXEMPTION_REASON = "Undantag från skatteplikt enligt 3 kap. mervärdesskattelagen";

/** 25, 12 and 6 % are standard-rated (S); 0 % is exempt (E) — NNS's sales are never zero-rated exports. */
export function vatCategoryOf(rateBasisPoints: number): VatCategory {
  return rateBasisPoints === 0 ? "E" : "S";
}

/**
 * One row per VAT category and rate, with the taxable amount and the VAT of its lines. VAT is computed per
 * line (as the cost breakdown does), so a row's VAT is the sum of its lines', which EN 16931 (BR-CO-17)
 * accepts within one krona of the rate applied to the row's taxable amount.
 */
export function vatSummary(lines: readonly InvoiceDocumentLine[]): VatSummaryRow[] {
  const rows = new Map<string, VatSummaryRow>();
  for (const line of lines) {
    const key = `${line.vatCategory}:${line.vatRateBasisPoints}`;
    const row = rows.get(key) ?? {
      vatCategory: line.vatCategory,
      vatRateBasisPoints: line.vatRateBasisPoints,
      taxableOre: 0,
      vatOre: 0,
      exemptionReason: line.vatCategory === "E" ? VAT_EXEMPTION_REASON : null,
    };
    row.taxableOre += line.netOre;
    row.vatOre += line.vatOre;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.vatRateBasisPoints - a.vatRateBasisPoints);
}

export const INVOICE_STATUSES = [
  "draft",
  "issued",
  "partly_paid",
  "paid",
  "credited",
  "partly_credited",
] as const;
/** Stored on the invoice; `overdue` is derived from the due date and shown beside it, never stored. */
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * An issued invoice's status from what has happened to it: credit notes that bring it to zero make it
 * `credited`; otherwise payments decide between issued, partly paid and paid. The balance is what is still
 * owed: total − credited − paid (negative when overpaid).
 */
export function invoiceStatus(input: {
  issued: boolean;
  totalOre: number;
  creditedOre: number;
  paidOre: number;
}): { status: InvoiceStatus; balanceOre: number } {
  const balanceOre = input.totalOre - input.creditedOre - input.paidOre;
  if (!input.issued) return { status: "draft", balanceOre };
  if (input.creditedOre >= input.totalOre) return { status: "credited", balanceOre };
  if (balanceOre <= 0) return { status: "paid", balanceOre };
  if (input.paidOre > 0) return { status: "partly_paid", balanceOre };
  if (input.creditedOre > 0) return { status: "partly_credited", balanceOre };
  return { status: "issued", balanceOre };
}

export const AGING_BUCKETS = ["not_due", "1_30", "31_60", "over_60"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Days past the due date (0 when not yet due), both calendar dates `YYYY-MM-DD`. */
export function daysOverdue(dueDate: string, today: string): number {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/** The aging view's bucket for an unpaid balance. */
export function agingBucket(dueDate: string, today: string): AgingBucket {
  const days = daysOverdue(dueDate, today);
  if (days === 0) return "not_due";
  if (days <= 30) return "1_30";
  if (days <= 60) return "31_60";
  return "over_60";
}
