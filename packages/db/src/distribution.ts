/**
 * How each table would be placed on a Citus cluster (docs/scale-out.md, decision 0030). The tenant is the
 * organization: a distributed table is sharded by `organization_id`, so one förbund's rows sit together and
 * its queries run on one node. National data that every tenant reads, or that rows of several tenants point
 * to, is a reference table (a copy on every node). Platform tables that hold no tenant data and are never
 * joined with tenant tables stay local on the coordinator.
 *
 * test/distribution.test.ts holds the migrated database to this plan: every table is classified, a
 * distributed table's keys start with organization_id, and no reference or local table points to one.
 */
export type Placement = "distributed" | "reference" | "local" | "pending re-key";

export interface TablePlan {
  placement: Placement;
  /** One line: why the table is placed so. */
  reason: string;
}

const tenant = (reason: string): TablePlan => ({ placement: "distributed", reason });
const national = (reason: string): TablePlan => ({ placement: "reference", reason });
const local = (reason: string): TablePlan => ({ placement: "local", reason });
const pending = (reason: string): TablePlan => ({ placement: "pending re-key", reason });

const TRAINING_CALENDAR =
  "the one course calendar: NNS's BIP/SKAPA courses that every förbund books, and förbund events; rows of other tenants point to it";
const CATALOGUE =
  "the national insatskatalog: read by every förbund and the public, co-owned across förbund, and referred to by other förbund's progression participants";
const INSTRUMENTS = "national measuring instruments that förbund record with, referred to across tenants";
const VOCABULARY = "national catalogue vocabulary, written by NNS, read by all";
const STATISTICS = "national statistics imported by NNS, read by all";

export const DISTRIBUTION_PLAN: Readonly<Record<string, TablePlan>> = {
  // Identity and the tenants themselves
  organizations: national("the tenants themselves; every tenant table points to it"),
  users: national("a person may belong to several organizations; memberships of every tenant point to it"),
  memberships: tenant("which users belong to the organization"),
  invitations: national(
    "resolved by token before the tenant is known; few rows, and the token must stay unique across tenants",
  ),
  api_keys: national("resolved by prefix before the tenant is known, on every API request; few rows"),
  sessions: local("sign-in sessions of users, not tenant data; read by id only"),
  password_reset_tokens: local("belongs to a user, not a tenant"),
  login_throttle: local("platform protection against guessing, keyed by address, not tenant data"),
  rate_limit_counts: local("platform protection: requests per caller and minute, not tenant data"),
  login_trust: local("a user's trusted devices, not tenant data"),
  signing_keys: local("the platform's signing keys, read by name only"),
  organization_member_parties: national(
    "the public register of which municipalities and regions are members of which förbund; read by NNS for billing and by sign-up forms",
  ),
  // Platform
  audit_log: tenant("each organization's own audit trail"),
  idempotency_keys: tenant("a tenant's replay protection for creating requests"),
  emails: local(
    "the outgoing mail queue, drained by the worker by id; also mail for no tenant (sign-in), so organization_id may be null",
  ),
  resource_shares: tenant("a grant to the organization it names (the grantee's row)"),
  webhook_endpoints: tenant("a tenant's webhook subscriptions"),
  webhook_deliveries: tenant("deliveries to a tenant's endpoints"),
  // Reference data
  counties: national("Sweden's counties"),
  municipalities: national("Sweden's municipalities"),
  // Catalogue
  interventions: national(CATALOGUE),
  intervention_versions: national(CATALOGUE),
  intervention_results: national(CATALOGUE),
  catalog_entries: national(CATALOGUE),
  catalog_generation: national("a counter that triggers on the catalogue's reference tables advance"),
  catalog_self_publishing: tenant("NNS's permission for one förbund to publish without review"),
  catalog_focus_areas: national(VOCABULARY),
  catalog_link_kinds: national(VOCABULARY),
  catalog_methods: national(VOCABULARY),
  catalog_outcome_categories: national(VOCABULARY),
  catalog_target_groups: national(VOCABULARY),
  catalog_search_synonyms: national(VOCABULARY),
  catalog_search_word_parts: national(VOCABULARY),
  // Trainings: NNS's calendar is national, what a förbund books and spends is the förbund's
  trainings: national(TRAINING_CALENDAR),
  training_sessions: national(TRAINING_CALENDAR),
  event_series: national("förbund event series; trainings (a reference table) point to them"),
  training_templates: national("NNS's course templates, read by all"),
  trainers: national("NNS's trainers, named on sessions every förbund books"),
  trainer_certifications: national("certifications of NNS's trainers"),
  training_session_trainers: national("which trainer leads which session of the national calendar"),
  price_list_items: national("NNS's price list, read by every förbund booking a course"),
  training_requests: tenant("a förbund's request for a course"),
  training_parties: tenant("a förbund taking part in a training, keyed by the förbund"),
  training_participants: tenant("participants a förbund books onto a training"),
  session_registrations: tenant("the booking förbund's registration of its participant for a session"),
  training_cost_lines: tenant("the training owner's own costs"),
  training_print_costs: tenant("a förbund's print costs for a training"),
  survey_responses: pending(
    "answered by token before the tenant is known; the token is unique across tenants, which needs the tenant in the link or a token directory",
  ),
  event_signups: tenant("a förbund's sign-up form for its event"),
  event_signup_consents: tenant("consents given on a förbund's sign-up form"),
  event_figures: tenant("a förbund's reported figures for its event"),
  event_budget_lines: tenant("a förbund's budget for its event"),
  // Billing: NNS issues, so an invoice is NNS's row, the buyer is a column
  billing_seller_settings: tenant("the seller's invoicing settings"),
  billing_buyer_settings: tenant("a buyer's invoicing settings"),
  billing_customers: tenant("the seller's customer register"),
  billing_training_references: tenant("the buyer's reference for a training's invoice"),
  invoice_series: tenant("the seller's number series"),
  invoices: tenant("invoices the organization issued"),
  invoice_lines: tenant("lines of the issuer's invoices"),
  invoice_payments: tenant("payments on the issuer's invoices"),
  stripe_events: tenant("card payment events for the issuer"),
  // Newsletters
  newsletter_publications: national(
    "resolved by public slug before the tenant is known; few rows; the slug is unique across tenants",
  ),
  newsletter_publishers: tenant("co-publishers of the organization's publication"),
  newsletter_issues: tenant("issues of the organization's publication"),
  newsletter_sections: tenant("sections of the organization's issues"),
  newsletter_subscribers: tenant("the organization's subscribers"),
  newsletter_deliveries: tenant("deliveries of the organization's issues"),
  newsletter_bounces: tenant("bounces of the organization's deliveries"),
  newsletter_suppressions: tenant("addresses the organization must not mail"),
  // Progression
  progression_instruments: national(INSTRUMENTS),
  progression_instrument_versions: national(INSTRUMENTS),
  progression_item_mappings: national(
    "how items of one instrument version map to another; part of the instruments",
  ),
  progression_settings: tenant("a förbund's progression settings"),
  progression_intervention_instruments: tenant("the instruments a förbund chose for an insats"),
  progression_participants: tenant("a förbund's participants (pseudonymous codes)"),
  progression_measurements: tenant("measurements of a förbund's participants"),
  progression_progress: tenant("a förbund's participants' progress"),
  progression_access_log: tenant("who in the förbund read its progression data"),
  progression_self_rating_links: pending(
    "opened by token before the tenant is known; the token is unique across tenants, which needs the tenant in the link or a token directory",
  ),
  // Statistics
  statistics_imports: national(STATISTICS),
  statistics_periods: national(STATISTICS),
  statistics_figures: national(STATISTICS),
  statistics_cut_points: national(STATISTICS),
};

/** The distribution column of every distributed table. */
export const DISTRIBUTION_COLUMN = "organization_id";

export function tablesPlaced(placement: Placement): string[] {
  return Object.entries(DISTRIBUTION_PLAN)
    .filter(([, plan]) => plan.placement === placement)
    .map(([table]) => table)
    .sort();
}
