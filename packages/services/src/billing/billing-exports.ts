// Routes: apps/api/src/routes/billing-exports — the invoice list for Excel and the SIE 4 bookkeeping file.
import { billingSellerSettings, invoicePayments, invoices, type Tx, transaction } from "@nns/db";
import {
  AppError,
  type BillingAccounts,
  type BookkeepingAccount,
  DEFAULT_BILLING_ACCOUNTS,
  fieldError,
  type InvoiceDocument,
  type LedgerEntry,
} from "@nns/domain";
import { and, asc, eq, gte, lte, ne } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { requireNnsOrganization, stockholmDate } from "../trainings/scope.js";
import { invoicesCsv } from "./exports/invoices-csv.js";
import { writeSie4 } from "./exports/sie.js";
import { OPEN_STATUSES } from "./invoice-list.js";

export interface ExportPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

export interface ExportFile {
  filename: string;
  body: string | Buffer;
}

/** The roles an account has in the export, each set by its number in the seller's `accounts` setting. */
export const ACCOUNT_ROLES = [
  "receivables",
  "bank",
  "plusgiro",
  "stripeClearing",
  "revenue2500",
  "revenue1200",
  "revenue600",
  "revenue0",
  "outputVat2500",
  "outputVat1200",
  "outputVat600",
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export type AccountNumbers = Record<AccountRole, string>;

const RATES = [2500, 1200, 600, 0] as const;

function withNumber(account: BookkeepingAccount, number: string | undefined): BookkeepingAccount {
  return number ? { ...account, number } : account;
}

/**
 * The BAS defaults with the seller's own numbers where it set them. An account keeps the default's name
 * (what it is for), which importers print beside the number.
 */
export function billingAccounts(setting: Partial<Record<string, string>> | null): BillingAccounts {
  const d = DEFAULT_BILLING_ACCOUNTS;
  const s = setting ?? {};
  return {
    receivables: withNumber(d.receivables, s.receivables),
    bank: withNumber(d.bank, s.bank),
    plusgiro: withNumber(d.plusgiro, s.plusgiro),
    stripeClearing: withNumber(d.stripeClearing, s.stripeClearing),
    revenue: Object.fromEntries(
      RATES.map((rate) => [rate, withNumber(d.revenue[rate], s[`revenue${rate}`])]),
    ) as BillingAccounts["revenue"],
    outputVat: {
      2500: withNumber(d.outputVat[2500], s.outputVat2500),
      1200: withNumber(d.outputVat[1200], s.outputVat1200),
      600: withNumber(d.outputVat[600], s.outputVat600),
    },
  };
}

export function accountNumbers(accounts: BillingAccounts): AccountNumbers {
  return {
    receivables: accounts.receivables.number,
    bank: accounts.bank.number,
    plusgiro: accounts.plusgiro.number,
    stripeClearing: accounts.stripeClearing.number,
    revenue2500: accounts.revenue[2500].number,
    revenue1200: accounts.revenue[1200].number,
    revenue600: accounts.revenue[600].number,
    revenue0: accounts.revenue[0].number,
    outputVat2500: accounts.outputVat[2500].number,
    outputVat1200: accounts.outputVat[1200].number,
    outputVat600: accounts.outputVat[600].number,
  };
}

async function sellerRow(tx: Tx, ctx: OrgContext) {
  const [row] = await tx
    .select()
    .from(billingSellerSettings)
    .where(eq(billingSellerSettings.organizationId, ctx.organization.id));
  if (!row) {
    throw new AppError(
      "conflict",
      "Säljaruppgifterna saknas; ange dem under faktureringsinställningarna först.",
    );
  }
  return row;
}

/** The accounts the SIE export books on: the BAS defaults unless NNS's accountant set others. */
export async function getBillingAccounts(ctx: OrgContext): Promise<AccountNumbers> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .select({ accounts: billingSellerSettings.accounts })
      .from(billingSellerSettings)
      .where(eq(billingSellerSettings.organizationId, ctx.organization.id));
    return accountNumbers(billingAccounts(row?.accounts ?? null));
  });
}

/** Sets the account numbers (digits only, checked by the route); those left out return to the default. */
export async function putBillingAccounts(
  ctx: OrgContext,
  input: Partial<AccountNumbers>,
): Promise<AccountNumbers> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const before = await sellerRow(tx, ctx);
    const setting = Object.fromEntries(Object.entries(input).filter(([, number]) => number));
    await tx
      .update(billingSellerSettings)
      .set({ accounts: setting, updatedAt: new Date() })
      .where(eq(billingSellerSettings.organizationId, ctx.organization.id));
    const after = accountNumbers(billingAccounts(setting));
    await audit(tx, ctx, {
      action: "billing.accounts_changed",
      entityType: "billing_seller_settings",
      entityId: ctx.organization.id,
      before: accountNumbers(billingAccounts(before.accounts)),
      after,
    });
    return after;
  });
}

/** From the first of this year to today unless given; refused when it ends before it starts. */
function periodOf(period: ExportPeriod): { from: string; to: string } {
  const today = stockholmDate();
  const from = period.from ?? `${today.slice(0, 4)}-01-01`;
  const to = period.to ?? today;
  if (from > to)
    throw fieldError("query.to", "not_before_from", "Periodens slut kan inte ligga före dess början.");
  return { from, to };
}

async function issuedInPeriod(tx: Tx, ctx: OrgContext, from: string, to: string) {
  return tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.organizationId, ctx.organization.id),
        ne(invoices.status, "draft"),
        gte(invoices.issueDate, from),
        lte(invoices.issueDate, to),
      ),
    )
    .orderBy(asc(invoices.issueDate), asc(invoices.sequence));
}

/**
 * Every invoice and credit note issued in the period as CSV for Swedish Excel (semicolons, BOM, decimal
 * commas), with what is paid and still owed today.
 */
export async function exportInvoicesCsv(ctx: OrgContext, period: ExportPeriod): Promise<ExportFile> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  const { from, to } = periodOf(period);
  const today = stockholmDate();
  const rows = await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    issuedInPeriod(tx, ctx, from, to),
  );
  const body = invoicesCsv(
    rows.map((row) => {
      const isInvoice = row.kind === "invoice";
      const balanceOre = row.totalOre - row.creditedOre - row.paidOre;
      return {
        document: row.document as InvoiceDocument,
        status: row.status,
        overdue:
          isInvoice &&
          (OPEN_STATUSES as readonly string[]).includes(row.status) &&
          balanceOre > 0 &&
          row.dueDate !== null &&
          row.dueDate < today,
        paidOre: isInvoice ? row.paidOre : null,
        balanceOre: isInvoice ? balanceOre : null,
      };
    }),
  );
  return { filename: `fakturor-${from}--${to}.csv`, body };
}

/**
 * The period's bookkeeping as SIE 4: one verification per invoice and credit note issued and per payment
 * received in it, on the configured accounts. The period lies within one calendar year, NNS's fiscal
 * year, which the file declares (#RAR 0).
 */
export async function exportBookkeepingSie(ctx: OrgContext, period: ExportPeriod): Promise<ExportFile> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  const { from, to } = periodOf(period);
  const year = from.slice(0, 4);
  if (to.slice(0, 4) !== year) {
    throw fieldError(
      "query.to",
      "one_fiscal_year",
      "En SIE-fil gäller ett räkenskapsår: välj en period inom ett och samma kalenderår.",
    );
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const seller = await sellerRow(tx, ctx);
    const documents = await issuedInPeriod(tx, ctx, from, to);
    const payments = await tx
      .select({ payment: invoicePayments, document: invoices.document })
      .from(invoicePayments)
      .innerJoin(
        invoices,
        and(
          eq(invoices.organizationId, invoicePayments.organizationId),
          eq(invoices.id, invoicePayments.invoiceId),
        ),
      )
      .where(
        and(
          eq(invoicePayments.organizationId, ctx.organization.id),
          gte(invoicePayments.paidOn, from),
          lte(invoicePayments.paidOn, to),
        ),
      )
      .orderBy(asc(invoicePayments.paidOn), asc(invoicePayments.createdAt));
    const dated: { date: string; entry: LedgerEntry }[] = [
      ...documents.map((row) => {
        const document = row.document as InvoiceDocument;
        return { date: document.issueDate, entry: { type: row.kind, document } as LedgerEntry };
      }),
      ...payments.map(({ payment, document }) => {
        const doc = document as InvoiceDocument;
        return {
          date: payment.paidOn,
          entry: {
            type: "payment",
            invoiceNumber: doc.number,
            buyerName: doc.buyer.legalName,
            date: payment.paidOn,
            amountOre: payment.amountOre,
            method: payment.method,
          } as LedgerEntry,
        };
      }),
    ];
    // Stable: on one day, documents before the payments that settle them.
    dated.sort((a, b) => a.date.localeCompare(b.date));
    const body = writeSie4({
      company: { name: seller.legalName, organizationNumber: seller.organizationNumber },
      fiscalYear: { start: `${year}-01-01`, end: `${year}-12-31` },
      generatedAt: new Date(),
      accounts: billingAccounts(seller.accounts),
      entries: dated.map((d) => d.entry),
    });
    return { filename: `bokforing-${from}--${to}.se`, body };
  });
}
