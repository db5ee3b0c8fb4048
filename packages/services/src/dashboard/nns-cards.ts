// The dashboard's cards on NNS's national work: certifications running out and invoices past due.
import { listInvoices } from "../billing/invoice-list.js";
import type { OrgContext } from "../context.js";
import { expiringCertifications } from "../trainings/trainers.js";

/** Past this many overdue invoices the card reads "100 or more": the dashboard pages no further. */
const OVERDUE_COUNTED = 100;

export interface ExpiringCard {
  trainerId: string;
  trainerName: string;
  validUntil: string | null;
}

export async function expiringCard(ctx: OrgContext): Promise<ExpiringCard[]> {
  return (await expiringCertifications(ctx)).map((e) => ({
    trainerId: e.trainerId,
    trainerName: e.trainerName,
    validUntil: e.certification.validUntil,
  }));
}

export interface OverdueCard {
  count: number;
  more: boolean;
  balanceOre: number;
  /** The most days any of them is past its due date. */
  maxDaysOverdue: number;
}

export async function overdueCard(ctx: OrgContext): Promise<OverdueCard> {
  const page = await listInvoices(ctx, { status: "overdue", kind: "invoice" }, { limit: OVERDUE_COUNTED });
  return {
    count: page.data.length,
    more: page.nextCursor !== null,
    balanceOre: page.data.reduce((a, i) => a + i.balanceOre, 0),
    maxDaysOverdue: page.data.reduce((a, i) => Math.max(a, i.daysOverdue), 0),
  };
}
