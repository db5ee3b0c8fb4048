// Routes: apps/api/src/routes/invoices — draft invoices from a training's cost breakdown.
import { invoiceLines, invoices, type Tx, transaction } from "@nns/db";
import { AppError, type FieldError, invoiceLinesOf, type PartyCost } from "@nns/domain";
import { and, eq, inArray, ne } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import {
  loadTraining,
  organizationNames,
  requireNnsOrganization,
  stockholmDate,
} from "../trainings/scope.js";
import { readCostBreakdown } from "../trainings/training-costs.js";
import {
  type InvoiceDetailView,
  type InvoiceRow,
  invoiceDetailView,
  invoiceSummaryView,
} from "./invoice-view.js";
import { readiness } from "./readiness.js";

export interface DraftPreview {
  invoice: InvoiceDetailView;
  /** The referens the invoice will carry when issued now; null while none is set. */
  buyerReference: string | null;
  /** What must be put right before it can be issued; empty when it can be. */
  missing: FieldError[];
}

export interface DraftsView {
  trainingId: string;
  /** One per förbund taking part, in the breakdown's order; issued invoices are shown as they stand. */
  drafts: DraftPreview[];
}

const STATUS_NAMES: Record<string, string> = {
  requested: "efterfrågad",
  planned: "planerad",
  cancelled: "inställd",
};

/** Replaces a draft's lines and totals with the förbund's current share. */
async function writeDraft(
  tx: Tx,
  sellerId: string,
  trainingId: string,
  party: PartyCost,
  existing: InvoiceRow | undefined,
): Promise<InvoiceRow> {
  const lines = invoiceLinesOf(party);
  const totals = {
    netOre: party.invoicedNetOre,
    vatOre: party.invoicedVatOre,
    totalOre: party.invoicedTotalOre,
  };
  let row = existing;
  if (row) {
    await tx
      .delete(invoiceLines)
      .where(and(eq(invoiceLines.organizationId, sellerId), eq(invoiceLines.invoiceId, row.id)));
    [row] = await tx
      .update(invoices)
      .set({ ...totals, updatedAt: new Date() })
      .where(and(eq(invoices.organizationId, sellerId), eq(invoices.id, row.id)))
      .returning();
  } else {
    // A concurrent drafting of the same training may have inserted it since we looked; the unique index
    // (one open invoice per training and förbund) then leaves ours out, and we take theirs.
    [row] = await tx
      .insert(invoices)
      .values({
        organizationId: sellerId,
        buyerOrganizationId: party.organizationId,
        trainingId,
        kind: "invoice",
        ...totals,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", "Fakturorna skapas just nu av någon annan; försök igen.");
  }
  if (!row) throw new Error("draft write returned nothing");
  if (lines.length > 0) {
    await tx
      .insert(invoiceLines)
      .values(lines.map((line) => ({ ...line, organizationId: sellerId, invoiceId: row.id })));
  }
  return row;
}

/**
 * One draft invoice per förbund taking part in an NNS training, from the cost breakdown (the single source
 * of the amounts). Drafting again brings the open drafts to the current breakdown and never makes a second
 * one; a förbund whose invoice is already issued is left alone, and a draft for a förbund that has left
 * the training is discarded. Answers each förbund's invoice with what it still needs before issuing.
 */
export async function draftInvoices(ctx: OrgContext, trainingId: string): Promise<DraftsView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  const sellerId = ctx.organization.id;
  return transaction(ctx.deps.db, { organizationId: sellerId }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    if (!access.isOwner) throw new AppError("not_found", "The training does not exist.");
    const { training } = access;
    if (training.kind !== "bip_skapa") {
      throw new AppError("conflict", "Bara BIP/SKAPA-utbildningar som NNS håller faktureras.");
    }
    if (training.status !== "confirmed" && training.status !== "completed") {
      throw new AppError(
        "conflict",
        `Utbildningen är ${STATUS_NAMES[training.status] ?? training.status}; fakturor skapas först när den är bekräftad eller genomförd.`,
      );
    }
    const { breakdown } = await readCostBreakdown(tx, ctx, access);
    // Locked, so two draftings of the same training take turns instead of both inserting.
    const open = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.organizationId, sellerId),
          eq(invoices.trainingId, trainingId),
          eq(invoices.kind, "invoice"),
          ne(invoices.status, "credited"),
        ),
      )
      .for("update");
    const byBuyer = new Map(open.map((row) => [row.buyerOrganizationId, row]));
    const parties = breakdown.parties.filter((p) => p.invoicedTotalOre > 0);
    const stale = open.filter(
      (row) => row.status === "draft" && !parties.some((p) => p.organizationId === row.buyerOrganizationId),
    );
    if (stale.length > 0) {
      await tx.delete(invoices).where(
        and(
          eq(invoices.organizationId, sellerId),
          inArray(
            invoices.id,
            stale.map((row) => row.id),
          ),
        ),
      );
    }
    const rows: InvoiceRow[] = [];
    for (const party of parties) {
      const existing = byBuyer.get(party.organizationId);
      rows.push(
        existing && existing.status !== "draft"
          ? existing
          : await writeDraft(tx, sellerId, trainingId, party, existing),
      );
    }
    const view = await previews(tx, ctx, rows, trainingId);
    await audit(tx, ctx, {
      action: "invoice.drafted",
      entityType: "training",
      entityId: trainingId,
      after: view.drafts.map((d) => ({
        invoiceId: d.invoice.id,
        buyerOrganizationId: d.invoice.buyer.organizationId,
        status: d.invoice.status,
        totalOre: d.invoice.totalOre,
      })),
      before: stale.length ? stale.map((row) => ({ invoiceId: row.id, discarded: true })) : null,
    });
    return view;
  });
}

async function previews(
  tx: Tx,
  ctx: OrgContext,
  rows: readonly InvoiceRow[],
  trainingId: string,
): Promise<DraftsView> {
  const names = await organizationNames(
    tx,
    rows.map((row) => row.buyerOrganizationId),
  );
  const lines = rows.length
    ? await tx
        .select()
        .from(invoiceLines)
        .where(
          and(
            eq(invoiceLines.organizationId, ctx.organization.id),
            inArray(
              invoiceLines.invoiceId,
              rows.map((row) => row.id),
            ),
          ),
        )
    : [];
  const today = stockholmDate();
  const drafts: DraftPreview[] = [];
  for (const row of rows) {
    const name = names.get(row.buyerOrganizationId)?.name ?? "";
    const ready = await readiness(tx, ctx.organization.id, { id: row.buyerOrganizationId, name }, trainingId);
    drafts.push({
      invoice: invoiceDetailView(
        invoiceSummaryView(row, name, ctx.organization.id, today),
        lines.filter((l) => l.invoiceId === row.id),
        [],
        [],
      ),
      buyerReference: row.status === "draft" ? ready.reference : row.buyerReference,
      missing: row.status === "draft" ? ready.missing : [],
    });
  }
  return { trainingId, drafts };
}

/**
 * A draft is issued only as the breakdown stands now: a print cost or a party changed since drafting makes
 * it stale, and issuing it would freeze amounts that no longer hold.
 */
export async function assertDraftCurrent(tx: Tx, ctx: OrgContext, draft: InvoiceRow): Promise<void> {
  if (!draft.trainingId) return;
  const access = await loadTraining(tx, ctx, draft.trainingId);
  const { breakdown } = await readCostBreakdown(tx, ctx, access);
  const party = breakdown.parties.find((p) => p.organizationId === draft.buyerOrganizationId);
  const stored = await tx
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.organizationId, draft.organizationId), eq(invoiceLines.invoiceId, draft.id)));
  const key = (l: {
    position: number;
    description: string;
    netOre: number;
    vatOre: number;
    vatRateBasisPoints: number;
  }) => `${l.position}|${l.description}|${l.netOre}|${l.vatOre}|${l.vatRateBasisPoints}`;
  const now = party ? invoiceLinesOf(party).map(key).sort() : [];
  const then = stored.map(key).sort();
  if (access.training.status === "cancelled" || now.join("\n") !== then.join("\n")) {
    throw new AppError(
      "conflict",
      "Utbildningens kostnader har ändrats sedan utkastet skapades; skapa utkasten igen innan du utfärdar.",
    );
  }
}
