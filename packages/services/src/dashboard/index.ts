// Routes: apps/api/src/routes/dashboard — what each role sees first in an organization (/dashboard).
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { type CatalogCard, catalogCard, type ReviewQueueCard, reviewQueueCard } from "./catalog-cards.js";
import { type NewsletterSend, newsletterCard } from "./newsletter-cards.js";
import { type ExpiringCard, expiringCard, type OverdueCard, overdueCard } from "./nns-cards.js";
import {
  type CostsCard,
  costsCard,
  type RequestsCard,
  requestsCard,
  type TermTraining,
  type TrainerCard,
  termTrainings,
  trainerCard,
  type UpcomingSession,
  upcomingSessions,
} from "./training-cards.js";

export { costsCard, termTrainings, trainerCard } from "./training-cards.js";

/**
 * Whose dashboard it is: NNS's coordinators, a förbund's administrators (and NNS coordinators visiting
 * one), its editors (katalogadministratörer), a certified trainer, or anyone else (viewers, handledare,
 * API keys), who gets the organization's facts only.
 */
export type DashboardAudience = "nns" | "forbund" | "editor" | "trainer" | "basic";

export interface Dashboard {
  audience: DashboardAudience;
  upcomingSessions: UpcomingSession[] | null;
  requests: RequestsCard | null;
  costs: CostsCard | null;
  catalog: CatalogCard | null;
  term: { start: string; end: string; trainings: TermTraining[] } | null;
  expiringCertifications: ExpiringCard[] | null;
  reviewQueue: ReviewQueueCard | null;
  overdueInvoices: OverdueCard | null;
  newsletterSends: NewsletterSend[] | null;
  trainer: TrainerCard | null;
}

export function dashboardAudience(ctx: OrgContext): DashboardAudience {
  if (ctx.access === "trainer") return "trainer";
  if (ctx.organization.kind === "nns") return ctx.access === "nns_admin" ? "nns" : "basic";
  if (ctx.access === "org_admin" || ctx.access === "nns_admin_elsewhere") return "forbund";
  if (ctx.access === "editor") return "editor";
  return "basic";
}

/**
 * The caller's dashboard in one organization. Every card is read through the service that owns its
 * data, with that service's permission check; a card outside the caller's audience, or needing a
 * permission it lacks here, is null.
 */
export async function orgDashboard(ctx: OrgContext): Promise<Dashboard> {
  requirePermission(ctx, "org:read");
  const audience = dashboardAudience(ctx);
  const has = (...allowed: DashboardAudience[]) => allowed.includes(audience);
  const may = (permission: Parameters<typeof requirePermission>[1]) => ctx.permissions.has(permission);
  const when = <T>(condition: boolean, read: () => Promise<T>): Promise<T | null> =>
    condition ? read() : Promise.resolve(null);
  const [upcoming, requests, costs, catalog, term, expiring, queue, overdue, newsletters, trainer] =
    await Promise.all([
      when(has("forbund"), () => upcomingSessions(ctx)),
      when(has("forbund", "nns"), () => requestsCard(ctx)),
      when(has("forbund") && may("invoices:read"), () => costsCard(ctx)),
      when(has("forbund", "editor"), () => catalogCard(ctx)),
      when(has("nns"), () => termTrainings(ctx)),
      when(has("nns"), () => expiringCard(ctx)),
      when(has("nns"), () => reviewQueueCard(ctx)),
      when(has("nns"), () => overdueCard(ctx)),
      when(has("forbund", "nns") && may("newsletters:read"), () => newsletterCard(ctx)),
      when(has("trainer"), () => trainerCard(ctx)),
    ]);
  return {
    audience,
    upcomingSessions: upcoming,
    requests,
    costs,
    catalog,
    term,
    expiringCertifications: expiring,
    reviewQueue: queue,
    overdueInvoices: overdue,
    newsletterSends: newsletters,
    trainer,
  };
}
