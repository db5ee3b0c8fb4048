// Routes: apps/api/src/routes/invoice-documents — NNS's open balances by how long they are overdue.
import { invoices, transaction } from "@nns/db";
import { type AgingBucket, agingBucket, invoiceStatus } from "@nns/domain";
import { and, eq, inArray } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { organizationNames, requireNnsOrganization, stockholmDate } from "../trainings/scope.js";
import { OPEN_STATUSES } from "./invoice-list.js";

export type AgingAmounts = Record<AgingBucket, number> & { totalOre: number; invoiceCount: number };

export interface AgingView {
  /** The day the buckets are counted from (Europe/Stockholm). */
  asOf: string;
  total: AgingAmounts;
  /** One row per förbund with something open, largest balance first. */
  buyers: (AgingAmounts & { organizationId: string; organizationName: string })[];
}

const empty = (): AgingAmounts => ({
  not_due: 0,
  "1_30": 0,
  "31_60": 0,
  over_60: 0,
  totalOre: 0,
  invoiceCount: 0,
});

function add(into: AgingAmounts, bucket: AgingBucket, balanceOre: number): void {
  into[bucket] += balanceOre;
  into.totalOre += balanceOre;
  into.invoiceCount += 1;
}

/**
 * What each förbund still owes on issued invoices, in the buckets not yet due, 1–30, 31–60 and over 60
 * days past the due date, and the same in total. Balances are total − credited − paid, in öre.
 */
export async function invoiceAging(ctx: OrgContext, today: string = stockholmDate()): Promise<AgingView> {
  requirePermission(ctx, "billing:manage");
  requireNnsOrganization(ctx);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.organizationId, ctx.organization.id),
          eq(invoices.kind, "invoice"),
          inArray(invoices.status, OPEN_STATUSES),
        ),
      );
    const total = empty();
    const perBuyer = new Map<string, AgingAmounts>();
    for (const row of rows) {
      const { balanceOre } = invoiceStatus({ issued: true, ...row });
      if (balanceOre <= 0 || !row.dueDate) continue;
      const bucket = agingBucket(row.dueDate, today);
      add(total, bucket, balanceOre);
      const buyer = perBuyer.get(row.buyerOrganizationId) ?? empty();
      add(buyer, bucket, balanceOre);
      perBuyer.set(row.buyerOrganizationId, buyer);
    }
    const names = await organizationNames(tx, [...perBuyer.keys()]);
    const buyers = [...perBuyer.entries()]
      .map(([organizationId, amounts]) => ({
        organizationId,
        organizationName: names.get(organizationId)?.name ?? "",
        ...amounts,
      }))
      .sort((a, b) => b.totalOre - a.totalOre || a.organizationName.localeCompare(b.organizationName, "sv"));
    return { asOf: today, total, buyers };
  });
}
