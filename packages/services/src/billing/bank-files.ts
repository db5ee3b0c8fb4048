// Routes: apps/api/src/routes/bank-files — payments read from Bankgirot's BgMax file and matched by OCR.
import { invoicePayments, invoices, transaction } from "@nns/db";
import {
  AppError,
  BgMaxError,
  type BgMaxPayment,
  fieldError,
  formatKronor,
  isValidOcr,
  parseBgMax,
} from "@nns/domain";
import { and, eq, inArray } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import { actorUserId, type OrgContext } from "../context.js";
import { requireNnsOrganization } from "../trainings/scope.js";
import { applyPayment, lockSellerInvoice } from "./payments.js";
import { readSellerSettings } from "./settings.js";

export const BANK_FILE_OUTCOMES = [
  "registered",
  "already_registered",
  "unmatched",
  "not_open",
  "deduction",
] as const;
export type BankFileOutcome = (typeof BANK_FILE_OUTCOMES)[number];

export interface BankFileItem {
  paymentDate: string;
  amountOre: number;
  reference: string;
  payerName: string | null;
  outcome: BankFileOutcome;
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** Why, in Swedish, for the person reconciling the file. */
  message: string;
}

export interface BankFileReport {
  filename: string;
  receiverBankgiro: string;
  registeredCount: number;
  registeredOre: number;
  items: BankFileItem[];
}

/** One amount to match: a payment's own reference, or one of the extra references of a payment for several invoices. */
interface Candidate {
  paymentDate: string;
  payment: BgMaxPayment;
  reference: string;
  amountOre: number;
  bankReference: string;
}

function candidatesOf(paymentDate: string, payment: BgMaxPayment): Candidate[] {
  const key = `${paymentDate}:${payment.serial}`;
  const extra = payment.extraReferences.filter((e) => e.amountOre > 0);
  // A payment for several invoices carries each invoice's amount on its own reference record.
  const own = payment.amountOre - extra.reduce((a, e) => a + e.amountOre, 0);
  return [
    ...(own > 0
      ? [{ paymentDate, payment, reference: payment.reference, amountOre: own, bankReference: key }]
      : []),
    ...extra.map((e, i) => ({
      paymentDate,
      payment,
      reference: e.reference,
      amountOre: e.amountOre,
      bankReference: `${key}:${i + 1}`,
    })),
  ];
}

/**
 * NNS imports the BgMax file its bank gives for its bankgiro: every payment whose OCR reference belongs to
 * an open invoice is registered against it (method `bank_file`), in one transaction, so a file is either
 * booked whole or not at all. Each payment is keyed by its deposit date and Bankgirot's serial number: a
 * file imported twice (or two overlapping files) registers nothing the second time. Payments that match no
 * invoice, or an invoice that is not open, and deductions are reported for the person to handle by hand.
 */
export async function importBankFile(
  ctx: OrgContext,
  input: { filename: string; content: Uint8Array },
): Promise<BankFileReport> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  let file: ReturnType<typeof parseBgMax>;
  try {
    // BgMax is ISO 8859-1 by Bankgirot's specification.
    file = parseBgMax(new TextDecoder("latin1").decode(input.content));
  } catch (error) {
    if (error instanceof BgMaxError) throw fieldError("body.content", "bgmax_format", error.message);
    throw error;
  }
  if (file.test) {
    throw fieldError(
      "body.content",
      "bgmax_test_file",
      "Filen är en testfil från Bankgirot, inte riktiga betalningar.",
    );
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const seller = await readSellerSettings(tx, ctx.organization.id);
    const ours = seller?.bankgiro?.replace(/\D/g, "").replace(/^0+/, "") ?? null;
    const receivers = [...new Set(file.deposits.map((d) => d.receiverBankgiro))];
    const foreign = receivers.find((r) => r !== ours);
    if (foreign !== undefined) {
      throw new AppError(
        "conflict",
        ours
          ? `Filen gäller bankgiro ${foreign}, inte NNS bankgiro ${ours}.`
          : "NNS har inget bankgiro i faktureringsinställningarna; fyll i det innan en betalfil läses in.",
      );
    }
    const candidates = file.deposits.flatMap((d) =>
      d.payments.filter((p) => !p.deduction).flatMap((p) => candidatesOf(d.paymentDate, p)),
    );
    const known = new Set(
      candidates.length === 0
        ? []
        : (
            await tx
              .select({ bankReference: invoicePayments.bankReference })
              .from(invoicePayments)
              .where(
                and(
                  eq(invoicePayments.organizationId, ctx.organization.id),
                  inArray(
                    invoicePayments.bankReference,
                    candidates.map((c) => c.bankReference),
                  ),
                ),
              )
          ).map((r) => r.bankReference),
    );
    const items: BankFileItem[] = [];
    for (const c of candidates) {
      const base = {
        paymentDate: c.paymentDate,
        amountOre: c.amountOre,
        reference: c.reference,
        payerName: c.payment.payerName,
      };
      const [match] = isValidOcr(c.reference)
        ? await tx
            .select({ id: invoices.id, number: invoices.number })
            .from(invoices)
            .where(
              and(
                eq(invoices.organizationId, ctx.organization.id),
                eq(invoices.kind, "invoice"),
                eq(invoices.ocr, c.reference),
              ),
            )
        : [];
      const found = { invoiceId: match?.id ?? null, invoiceNumber: match?.number ?? null };
      if (known.has(c.bankReference)) {
        items.push({
          ...base,
          ...found,
          outcome: "already_registered",
          message: "Redan inläst från en tidigare fil.",
        });
        continue;
      }
      if (!match) {
        items.push({
          ...base,
          ...found,
          outcome: "unmatched",
          message: "Referensen hör inte till någon faktura; registrera betalningen för hand.",
        });
        continue;
      }
      const invoice = await lockSellerInvoice(tx, ctx.organization.id, match.id);
      if (invoice.status === "draft" || invoice.status === "credited") {
        items.push({
          ...base,
          ...found,
          outcome: "not_open",
          message: `Faktura ${invoice.number} är ${invoice.status === "credited" ? "krediterad" : "inte utfärdad"}; betalningen behöver hanteras för hand.`,
        });
        continue;
      }
      await applyPayment(tx, ctx, invoice, {
        paidOn: c.paymentDate,
        amountOre: c.amountOre,
        method: "bank_file",
        reference: c.reference,
        note: `Betalfil ${input.filename}`,
        bankReference: c.bankReference,
        registeredByUserId: actorUserId(ctx.actor),
      });
      items.push({
        ...base,
        ...found,
        outcome: "registered",
        message: `Registrerad på faktura ${invoice.number}.`,
      });
    }
    for (const d of file.deposits) {
      for (const p of d.payments.filter((x) => x.deduction)) {
        items.push({
          paymentDate: d.paymentDate,
          amountOre: -p.amountOre,
          reference: p.reference,
          payerName: p.payerName,
          outcome: "deduction",
          invoiceId: null,
          invoiceNumber: null,
          message: `Avdrag på ${formatKronor(p.amountOre)}; hanteras för hand.`,
        });
      }
    }
    const registered = items.filter((i) => i.outcome === "registered");
    const report: BankFileReport = {
      filename: input.filename,
      receiverBankgiro: receivers[0] ?? ours ?? "",
      registeredCount: registered.length,
      registeredOre: registered.reduce((a, i) => a + i.amountOre, 0),
      items,
    };
    await audit(tx, ctx, {
      action: "billing.bank_file_imported",
      entityType: "organization",
      entityId: ctx.organization.id,
      after: {
        filename: input.filename,
        registeredCount: report.registeredCount,
        registeredOre: report.registeredOre,
        outcomes: Object.fromEntries(
          BANK_FILE_OUTCOMES.map((o) => [o, items.filter((i) => i.outcome === o).length]),
        ),
      },
    });
    return report;
  });
}
