import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import {
  memberships,
  organizations,
  type Tx,
  transaction,
  users,
  webhookDeliveries,
  webhookEndpoints,
} from "@nns/db";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { writeAudit } from "../audit.js";
import { type Deps, systemContext } from "../context.js";
import { webhookDisabledEmail } from "../mail/webhook-templates.js";
import { RefusedTarget, type ResolvedTarget, resolveTarget } from "./address.js";
import { targetRules } from "./endpoints.js";
import { type DeliveryJob, enqueueDelivery } from "./events.js";
import { signedHeaders } from "./signing.js";

export interface WebhookDeliveryPolicy {
  /** Waits after each failed attempt in turn; the last one repeats until the give-up date. */
  retryDelaysMs: number[];
  /** After this long since the delivery was created, a failing one is given up (`gave_up`). */
  giveUpAfterMs: number;
  /** An endpoint with no successful delivery for this long is switched off and its admins are told. */
  disableAfterMs: number;
  /** The whole request, from connecting to the end of the answer. */
  timeoutMs: number;
  /** The clock the schedule is kept by; tests move it forward. */
  now: () => Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_WEBHOOK_POLICY: WebhookDeliveryPolicy = {
  retryDelaysMs: [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR],
  giveUpAfterMs: 72 * HOUR,
  disableAfterMs: 72 * HOUR,
  timeoutMs: 10_000,
  now: () => new Date(),
};

const EXCERPT_BYTES = 1024;

interface Outcome {
  status: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type EndpointRow = typeof webhookEndpoints.$inferSelect;

/**
 * Delivers webhook events from the queue, at least once: each job claims its delivery with a lease,
 * POSTs the signed payload to the address it has just resolved and checked, and records the answer. A
 * failure schedules the next attempt itself (the backoff in the policy, up to the give-up date), as
 * email delivery does, since the queue's own retries cannot express that schedule.
 */
export class WebhookDeliverer {
  readonly #policy: WebhookDeliveryPolicy;

  constructor(private readonly deps: Deps) {
    this.#policy = { ...DEFAULT_WEBHOOK_POLICY, ...deps.config.webhooks?.delivery };
  }

  async start(): Promise<void> {
    await this.deps.jobs.work<DeliveryJob>("webhook.deliver", (job) => this.deliver(job), { batchSize: 8 });
  }

  async deliver(job: DeliveryJob): Promise<void> {
    const scope = { organizationId: job.organizationId };
    const leaseMs = 3 * this.#policy.timeoutMs;
    const claimed = await transaction(this.deps.db, scope, async (tx) => {
      const [delivery] = await tx
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastAttemptAt: this.#policy.now(),
          leasedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        })
        .where(
          and(
            eq(webhookDeliveries.organizationId, job.organizationId),
            eq(webhookDeliveries.id, job.deliveryId),
            inArray(webhookDeliveries.status, ["pending", "failed"]),
            or(isNull(webhookDeliveries.leasedUntil), lt(webhookDeliveries.leasedUntil, sql`now()`)),
          ),
        )
        .returning();
      if (!delivery) return null;
      const [endpoint] = await tx
        .select()
        .from(webhookEndpoints)
        .where(
          and(
            eq(webhookEndpoints.organizationId, job.organizationId),
            eq(webhookEndpoints.id, delivery.endpointId),
          ),
        );
      return endpoint ? { delivery, endpoint } : null;
    });
    if (!claimed) return;
    const { delivery, endpoint } = claimed;
    if (!endpoint.enabled) {
      await this.#finish(job, delivery, {
        status: "gave_up",
        outcome: { status: null, excerpt: null, error: "The endpoint is disabled.", durationMs: 0 },
      });
      return;
    }
    const outcome = await this.#post(endpoint, delivery);
    if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
      await this.#succeed(job, delivery, outcome);
    } else {
      await this.#fail(job, delivery, endpoint, outcome);
    }
  }

  async #post(endpoint: EndpointRow, delivery: DeliveryRow): Promise<Outcome> {
    const started = Date.now();
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(this.#policy.now().getTime() / 1000);
    const url = new URL(endpoint.url);
    let target: ResolvedTarget;
    try {
      target = await resolveTarget(url, targetRules(this.deps.config).allowPrivateTargets);
    } catch (error) {
      const reason = error instanceof RefusedTarget ? error.message : String(error);
      return { status: null, excerpt: null, error: reason, durationMs: Date.now() - started };
    }
    const headers = {
      "content-type": "application/json",
      "user-agent": "NNS-plattformen-Webhooks/1",
      ...signedHeaders(endpoint.secret, delivery.eventId, timestamp, body),
    };
    const result = await request(url, target, headers, body, this.#policy.timeoutMs);
    return { ...result, durationMs: Date.now() - started };
  }

  async #succeed(job: DeliveryJob, delivery: DeliveryRow, outcome: Outcome): Promise<void> {
    await transaction(this.deps.db, { organizationId: job.organizationId }, async (tx) => {
      await this.#finish(job, delivery, { status: "succeeded", outcome }, tx);
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(
          and(
            eq(webhookEndpoints.organizationId, job.organizationId),
            eq(webhookEndpoints.id, delivery.endpointId),
          ),
        );
    });
  }

  async #fail(
    job: DeliveryJob,
    delivery: DeliveryRow,
    endpoint: EndpointRow,
    outcome: Outcome,
  ): Promise<void> {
    const now = this.#policy.now();
    const giveUp = now.getTime() - delivery.createdAt.getTime() >= this.#policy.giveUpAfterMs;
    const delays = this.#policy.retryDelaysMs;
    const delayMs = delays[Math.min(delivery.attempts, delays.length) - 1] ?? HOUR;
    await transaction(this.deps.db, { organizationId: job.organizationId }, async (tx) => {
      await this.#finish(
        job,
        delivery,
        giveUp
          ? { status: "gave_up", outcome }
          : { status: "failed", outcome, nextAttemptAt: new Date(now.getTime() + delayMs) },
        tx,
      );
      if (!giveUp)
        await enqueueDelivery(tx, { deps: this.deps }, job.organizationId, delivery.id, delayMs / 1000);
      const [marked] = await tx
        .update(webhookEndpoints)
        .set({
          failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
        })
        .where(
          and(
            eq(webhookEndpoints.organizationId, job.organizationId),
            eq(webhookEndpoints.id, endpoint.id),
            eq(webhookEndpoints.enabled, true),
          ),
        )
        .returning({ failingSince: webhookEndpoints.failingSince });
      const since = marked?.failingSince;
      if (since && now.getTime() - since.getTime() >= this.#policy.disableAfterMs) {
        await this.#disable(tx, endpoint, since, outcome.error ?? `HTTP ${outcome.status}`);
      }
    });
  }

  /** Switches a persistently failing endpoint off and tells the organization's administrators by email. */
  async #disable(tx: Tx, endpoint: EndpointRow, since: Date, lastError: string): Promise<void> {
    const now = this.#policy.now();
    // Read by people in the admin, so in Swedish and Swedish time, as in the email below.
    const sinceText = since.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" });
    const reason = `Alla leveranser har misslyckats sedan ${sinceText}; senaste felet: ${lastError}`;
    await tx
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: reason, disabledAt: now, updatedAt: now })
      .where(
        and(
          eq(webhookEndpoints.organizationId, endpoint.organizationId),
          eq(webhookEndpoints.id, endpoint.id),
        ),
      );
    await writeAudit(tx, systemContext(this.deps, "webhook-delivery"), endpoint.organizationId, {
      action: "webhook_endpoint.disabled",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      after: { enabled: false, disabledReason: reason },
    });
    const [organization] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, endpoint.organizationId));
    const admins = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organizationId, endpoint.organizationId),
          inArray(memberships.role, ["org_admin", "nns_admin"]),
          isNull(users.disabledAt),
        ),
      );
    for (const admin of admins) {
      await this.deps.mailer.queue(
        tx,
        await webhookDisabledEmail({
          to: admin.email,
          organizationName: organization?.name ?? "organisationen",
          endpointUrl: endpoint.url,
          failingSince: since,
          lastError,
          url: `${this.deps.config.publicUrl}/o/${endpoint.organizationId}/webhooks`,
          organizationId: endpoint.organizationId,
        }),
      );
    }
  }

  async #finish(
    job: DeliveryJob,
    delivery: DeliveryRow,
    result: {
      status: "succeeded" | "failed" | "gave_up";
      outcome: Outcome;
      nextAttemptAt?: Date;
    },
    tx?: Tx,
  ): Promise<void> {
    const { outcome } = result;
    const write = (t: Tx) =>
      t
        .update(webhookDeliveries)
        .set({
          status: result.status,
          nextAttemptAt: result.nextAttemptAt ?? null,
          lastResponseStatus: outcome.status,
          lastError: outcome.error,
          responseBodyExcerpt: outcome.excerpt,
          durationMs: outcome.durationMs,
          leasedUntil: null,
          ...(result.status === "succeeded" && { deliveredAt: this.#policy.now() }),
        })
        .where(
          and(
            eq(webhookDeliveries.organizationId, job.organizationId),
            eq(webhookDeliveries.id, delivery.id),
          ),
        );
    if (tx) await write(tx);
    else await transaction(this.deps.db, { organizationId: job.organizationId }, write);
  }
}

/**
 * One POST to the checked address: the connection goes to `target` whatever DNS says now (the lookup is
 * pinned), TLS still verifies the certificate for the URL's host name, redirects are not followed (a
 * 3xx is a failure) and only the first kilobyte of the answer is kept.
 */
function request(
  url: URL,
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Omit<Outcome, "durationMs">> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Omit<Outcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        lookup: pinned,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on("data", (chunk: Buffer) => {
          if (kept < EXCERPT_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        const done = () => {
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
          const status = res.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          settle({ status, excerpt: excerpt || null, error: ok ? null : `HTTP ${status}` });
        };
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    req.on("error", (error) => settle({ status: null, excerpt: null, error: error.message }));
    req.end(body);
  });
}
