import type { InvoiceDocument } from "./document.js";

/**
 * What the bookkeeping export (SIE 4) books: each issued invoice and credit note and each payment is one
 * verification, on accounts of the BAS chart that NNS's accountant may change. Amounts are integer öre.
 */

export interface BookkeepingAccount {
  /** The account number in the chart, e.g. `1510`. */
  number: string;
  name: string;
}

/** The VAT rates NNS invoices at, in basis points: 25, 12 and 6 %, and exempt. */
export type BookkeepingVatRate = 2500 | 1200 | 600 | 0;

export interface BillingAccounts {
  receivables: BookkeepingAccount;
  /** The bank account the bankgiro is linked to; also manual and bank-file payments. */
  bank: BookkeepingAccount;
  plusgiro: BookkeepingAccount;
  /** Card payments collected by Stripe wait here until Stripe pays them out to the bank. */
  stripeClearing: BookkeepingAccount;
  revenue: Record<BookkeepingVatRate, BookkeepingAccount>;
  outputVat: Record<Exclude<BookkeepingVatRate, 0>, BookkeepingAccount>;
}

/** The BAS 2024 accounts for a company selling services in Sweden. */
export const DEFAULT_BILLING_ACCOUNTS: BillingAccounts = {
  receivables: { number: "1510", name: "Kundfordringar" },
  bank: { number: "1930", name: "Företagskonto/checkkonto/affärskonto" },
  plusgiro: { number: "1920", name: "PlusGiro" },
  stripeClearing: { number: "1580", name: "Fordringar för kontokort och kuponger" },
  revenue: {
    2500: { number: "3001", name: "Försäljning inom Sverige, 25 % moms" },
    1200: { number: "3002", name: "Försäljning inom Sverige, 12 % moms" },
    600: { number: "3003", name: "Försäljning inom Sverige, 6 % moms" },
    0: { number: "3004", name: "Försäljning inom Sverige, momsfri" },
  },
  outputVat: {
    2500: { number: "2611", name: "Utgående moms på försäljning inom Sverige, 25 %" },
    1200: { number: "2621", name: "Utgående moms på försäljning inom Sverige, 12 %" },
    600: { number: "2631", name: "Utgående moms på försäljning inom Sverige, 6 %" },
  },
};

export type LedgerEntry =
  | { type: "invoice"; document: InvoiceDocument }
  | { type: "credit_note"; document: InvoiceDocument }
  | {
      type: "payment";
      invoiceNumber: string;
      buyerName: string;
      /** The day the money arrived, `YYYY-MM-DD`. */
      date: string;
      amountOre: number;
      method: "bankgiro" | "plusgiro" | "stripe" | "manual" | "bank_file";
    };

/** One row of a verification: debit is positive, credit negative, as SIE writes them. */
export interface JournalLine {
  account: BookkeepingAccount;
  amountOre: number;
}

function rateOf(rateBasisPoints: number): BookkeepingVatRate {
  if (
    rateBasisPoints === 2500 ||
    rateBasisPoints === 1200 ||
    rateBasisPoints === 600 ||
    rateBasisPoints === 0
  )
    return rateBasisPoints;
  throw new RangeError(`no account for the VAT rate ${rateBasisPoints / 100} %`);
}

type PaymentEntry = Extract<LedgerEntry, { type: "payment" }>;

function paymentAccount(method: PaymentEntry["method"], accounts: BillingAccounts): BookkeepingAccount {
  if (method === "stripe") return accounts.stripeClearing;
  if (method === "plusgiro") return accounts.plusgiro;
  return accounts.bank;
}

/** Sums rows on the same account (two rates may share one if the chart says so) and drops zero rows. */
function merge(lines: JournalLine[]): JournalLine[] {
  const byAccount = new Map<string, JournalLine>();
  for (const line of lines) {
    const existing = byAccount.get(line.account.number);
    if (existing) existing.amountOre += line.amountOre;
    else byAccount.set(line.account.number, { ...line });
  }
  return [...byAccount.values()].filter((line) => line.amountOre !== 0);
}

/**
 * An invoice as booked: the receivable against revenue and output VAT per rate. A document whose total
 * is not its VAT summary's sum would book an unbalanced verification; it is refused instead.
 */
function invoiceLines(document: InvoiceDocument, accounts: BillingAccounts): JournalLine[] {
  const lines: JournalLine[] = [{ account: accounts.receivables, amountOre: document.totalOre }];
  for (const row of document.vatSummary) {
    const rate = rateOf(row.vatRateBasisPoints);
    lines.push({ account: accounts.revenue[rate], amountOre: -row.taxableOre });
    if (rate !== 0) lines.push({ account: accounts.outputVat[rate], amountOre: -row.vatOre });
  }
  if (lines.reduce((sum, line) => sum + line.amountOre, 0) !== 0)
    throw new RangeError(`${document.number}: the total is not the sum of the VAT summary`);
  return merge(lines);
}

/**
 * The balanced rows of the verification for an entry. An invoice debits the receivable with the total
 * and credits revenue and output VAT per rate; a credit note (whose document states what is credited as
 * positive amounts) books the same rows reversed; a payment debits where the money arrived (the bank,
 * plusgiro or the Stripe clearing account) and credits the receivable.
 */
export function journalLines(entry: LedgerEntry, accounts: BillingAccounts): JournalLine[] {
  if (entry.type === "invoice") return invoiceLines(entry.document, accounts);
  if (entry.type === "credit_note")
    return invoiceLines(entry.document, accounts).map((line) => ({ ...line, amountOre: -line.amountOre }));
  return merge([
    { account: paymentAccount(entry.method, accounts), amountOre: entry.amountOre },
    { account: accounts.receivables, amountOre: -entry.amountOre },
  ]);
}

/** The date a verification is booked on and the text that tells a bookkeeper what it is. */
export function verificationHeading(entry: LedgerEntry): { date: string; text: string } {
  if (entry.type === "payment")
    return { date: entry.date, text: `Betalning faktura ${entry.invoiceNumber} ${entry.buyerName}` };
  const { document } = entry;
  const what = entry.type === "invoice" ? "Faktura" : "Kreditnota";
  const credited = document.creditedInvoice ? ` (krediterar ${document.creditedInvoice.number})` : "";
  return {
    date: document.issueDate,
    text: `${what} ${document.number} ${document.buyer.legalName}${credited}`,
  };
}
