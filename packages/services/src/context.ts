import type { Database } from "@nns/db";
import type { Permission, Role } from "@nns/domain";
import type { JobQueue } from "./jobs/queue.js";
import type { Mailer } from "./mail/mailer.js";
import type { NewsletterSendingPolicy } from "./newsletters/sender-policy.js";
import type { WebhookDeliveryPolicy } from "./webhooks/delivery.js";

export interface ServiceConfig {
  publicUrl: string;
  session: { idleTimeoutMs: number; absoluteTimeoutMs: number };
  loginThrottle: { maxPerPair: number; maxPerAccount: number; maxPerIp: number; windowMs: number };
  minGroupSize: number;
  /** Distinct public searches each process keeps (0: none); see catalog/search-cache.ts. Default 1000. */
  catalogSearchCacheEntries?: number;
  /** Outgoing webhooks: targets allowed besides public HTTPS ones (development only) and retry timing. */
  webhooks?: {
    allowHttp?: boolean;
    allowPrivateTargets?: boolean;
    delivery?: Partial<WebhookDeliveryPolicy>;
  };
  /** Joint newsletters (docs/newsletters.md); every field has a default. */
  newsletters?: NewsletterConfig;
  /** Collection through Stripe (docs/stripe.md); absent: every förbund pays by bankgiro. */
  stripe?: {
    secretKey: string;
    webhookSecret: string;
    host?: string;
    port?: number;
    protocol?: "http" | "https";
  };
}

export interface NewsletterConfig {
  /** Messages a second each sending process hands its SMTP server (NEWSLETTER_SEND_RATE). Default 50. */
  sendRatePerSecond?: number;
  /** The mailto of List-Unsubscribe; default `avregistrera@<domain of MAIL_FROM>`. */
  unsubscribeMailbox?: string;
  /** HMAC secret of the bounce and inbound-mail endpoints (NEWSLETTER_BOUNCE_SECRET). */
  bounceWebhookSecret?: string;
  /** Soft bounces within the window that blocklist a subscriber. Default 3 in 30 days. */
  softBounce?: { count: number; windowDays: number };
  /** DKIM signing of newsletter messages (DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY). */
  dkim?: { domainName: string; keySelector: string; privateKey: string };
  /** Sign-ups per address and per client address in one window; default 5 and 30 per hour. */
  signupLimits?: { perAddress: number; perClient: number; windowMs: number };
  /** Batch sizes, leases and retry timing of the sender; tests and the benchmark tune them. */
  sending?: Partial<NewsletterSendingPolicy>;
}

/** What every service needs from the outside world; built once at start-up. */
export interface Deps {
  db: Database;
  jobs: JobQueue;
  mailer: Mailer;
  config: ServiceConfig;
}

export interface MembershipSummary {
  organizationId: string;
  organizationKind: "nns" | "forbund";
  organizationName: string;
  organizationSlug: string;
  role: Role;
}

/** Who is acting. Every audit entry and every permission check starts here. */
export type Actor =
  | {
      type: "user";
      userId: string;
      email: string;
      name: string;
      sessionId: string | null;
      memberships: MembershipSummary[];
    }
  | {
      type: "api_key";
      apiKeyId: string;
      organizationId: string;
      /** The key's organization, read with the key so that requests need not look it up again. */
      organization: OrganizationRef;
      name: string;
      scopes: Permission[];
    }
  | { type: "system"; label: string };

export interface ServiceContext {
  deps: Deps;
  actor: Actor;
  requestId: string | null;
}

export interface OrganizationRef {
  id: string;
  kind: "nns" | "forbund";
  name: string;
}

/** A context bound to one organization, with the permissions the actor holds there. */
export interface OrgContext extends ServiceContext {
  organization: OrganizationRef;
  /** How the actor came by its permissions here, for the audit trail and the UI. */
  access: Role | "nns_admin_elsewhere" | "api_key" | "system";
  permissions: ReadonlySet<Permission>;
}

/**
 * The person's admin membership in the NNS organization: what makes them a national coordinator, and the
 * organization whose context and audit log their national work uses. Undefined for anyone else, keys
 * and the system included.
 */
export function nnsAdminMembership(
  who: Actor | { memberships: readonly MembershipSummary[] } | null | undefined,
): MembershipSummary | undefined {
  if (!who || !("memberships" in who)) return undefined;
  return who.memberships.find((m) => m.role === "nns_admin" && m.organizationKind === "nns");
}

export function isNnsAdmin(actor: Actor): boolean {
  return nnsAdminMembership(actor) !== undefined;
}

export function actorUserId(actor: Actor): string | null {
  return actor.type === "user" ? actor.userId : null;
}

/** A stable key per actor, used to scope idempotency keys. */
export function actorKey(actor: Actor): string {
  switch (actor.type) {
    case "user":
      return `user:${actor.userId}`;
    case "api_key":
      return `api_key:${actor.apiKeyId}`;
    case "system":
      return `system:${actor.label}`;
  }
}

/**
 * A person acting on their own account before they are signed in (a password reset, accepting an
 * invitation): known by the token they hold, with no session and no memberships read yet.
 */
export function personContext(
  deps: Deps,
  user: { id: string; email: string; name: string },
  requestId: string | null = null,
): ServiceContext {
  return {
    deps,
    requestId,
    actor: {
      type: "user",
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: null,
      memberships: [],
    },
  };
}

export function systemContext(deps: Deps, label: string): ServiceContext {
  return { deps, actor: { type: "system", label }, requestId: null };
}
