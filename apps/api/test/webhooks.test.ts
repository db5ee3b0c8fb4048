import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WebhookReceiver } from "@nns/services/testing";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectData, expectProblem } from "./client.js";
import { freshTenant, setupTestApp, type Tenant, type TestEnv } from "./helpers.js";

/**
 * Outgoing webhooks through the API, with the real queue and workers, a real receiver on 127.0.0.1
 * (private targets allowed by this test's configuration) and the SMTP sink for the admins' email. The
 * delivery clock is the test's, so "3 days of failure" passes when the test says.
 */
let env: TestEnv;
let smtp: SMTPServer;
const mailed: { to: string[]; text: string }[] = [];
const receiver = new WebhookReceiver();
let clockOffsetMs = 0;
const WAIT = { timeout: 20_000, interval: 100 };

type Verify = (secret: string, headers: Record<string, unknown>, body: string, nowMs?: number) => boolean;
let verifyWebhook: Verify;

/** The verifier exactly as docs/api.md prints it, written to a module and imported. */
async function documentedVerifier(): Promise<Verify> {
  const guide = readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8");
  const section = guide.slice(guide.indexOf("### Verifying a delivery"));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("docs/api.md has no verifier under «Verifying a delivery»");
  const file = join(mkdtempSync(join(tmpdir(), "nns-webhook-")), "verify.mjs");
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { verifyWebhook: Verify }).verifyWebhook;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mailed.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: Buffer.concat(chunks).toString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  await receiver.start();
  env = await setupTestApp({
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
    webhooks: {
      allowHttp: true,
      allowPrivateTargets: true,
      delivery: { retryDelaysMs: [1000], now: () => new Date(Date.now() + clockOffsetMs) },
    },
  });
  verifyWebhook = await documentedVerifier();
});

afterAll(async () => {
  await env?.close();
  await receiver.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

let paths = 0;
async function register(
  t: Tenant,
  events: ("training.created" | "registration.created")[] = ["training.created"],
) {
  paths += 1;
  const path = `/api-hook-${paths}`;
  const admin = await t.signIn("admin");
  const created = expectData(
    await admin.POST("/orgs/{orgId}/webhook-endpoints", {
      params: { path: { orgId: t.org.id } },
      body: { url: `${receiver.url}${path}`, description: "Vårt ärendesystem", events },
    }),
    201,
  );
  return { admin, path, ...created };
}

describe("endpoints", () => {
  it("an admin registers one; the secret is in that answer only; editors and viewers may not", async () => {
    const t = await freshTenant(env);
    const { admin, endpoint, secret } = await register(t);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({
      enabled: true,
      events: ["training.created"],
      description: "Vårt ärendesystem",
    });
    const read = await admin.raw("GET", `/v1/orgs/${t.org.id}/webhook-endpoints/${endpoint.id}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(secret);
    const list = expectData(
      await admin.GET("/orgs/{orgId}/webhook-endpoints", { params: { path: { orgId: t.org.id } } }),
    );
    expect(list.data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(JSON.stringify(list)).not.toContain(secret);
    for (const role of ["editor", "viewer"] as const) {
      const other = await t.signIn(role);
      expectProblem(await other.raw("GET", `/v1/orgs/${t.org.id}/webhook-endpoints`), 403, "forbidden");
    }
  });

  it("refuses a URL that is not https, or carries credentials, naming the field and the rule", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    for (const [url, rule] of [
      ["ftp://hooks.example.se/x", "https_required"],
      ["https://user:secret@hooks.example.se/x", "no_credentials"],
      ["inte en adress", "url"],
    ] as const) {
      const res = await admin.raw("POST", `/v1/orgs/${t.org.id}/webhook-endpoints`, {
        body: { url, events: ["training.created"] },
      });
      expectProblem(res, 400, "validation_failed");
      expect((res.body as { errors: unknown[] }).errors).toEqual([
        expect.objectContaining({ field: "body.url", rule }),
      ]);
    }
    const unknownEvent = await admin.raw("POST", `/v1/orgs/${t.org.id}/webhook-endpoints`, {
      body: { url: "https://hooks.example.se/x", events: ["payment.received"] },
    });
    expectProblem(unknownEvent, 400, "validation_failed");
  });

  it("another organization sees none of them: 404 for the endpoint, its log, resend and ping", async () => {
    const a = await freshTenant(env);
    const b = await freshTenant(env);
    const { admin, endpoint } = await register(a);
    const ping = expectData(
      await admin.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/ping", {
        params: { path: { orgId: a.org.id, endpointId: endpoint.id } },
      }),
      202,
    );
    const bAdmin = await b.signIn("admin");
    const base = `/v1/orgs/${b.org.id}/webhook-endpoints/${endpoint.id}`;
    for (const [method, path] of [
      ["GET", base],
      ["PATCH", base],
      ["DELETE", base],
      ["GET", `${base}/deliveries`],
      ["POST", `${base}/rotate-secret`],
      ["POST", `${base}/ping`],
      ["POST", `${base}/deliveries/${ping.id}/resend`],
    ] as const) {
      const res = await bAdmin.raw(method, path, method === "PATCH" ? { body: { description: "x" } } : {});
      expectProblem(res, 404, "not_found");
    }
    const theirs = expectData(
      await bAdmin.GET("/orgs/{orgId}/webhook-endpoints", { params: { path: { orgId: b.org.id } } }),
    );
    expect(theirs.data).toEqual([]);
    // Nor A's list through A's path: a förbund B's admin is no member of does not exist for them.
    expectProblem(await bAdmin.raw("GET", `/v1/orgs/${a.org.id}/webhook-endpoints`), 404, "not_found");
  });

  it("lists the event types with descriptions", async () => {
    const t = await freshTenant(env);
    const res = expectData(await (await t.signIn("viewer")).GET("/webhook-event-types"));
    expect(res.data.map((e) => e.type)).toEqual([
      "intervention.published",
      "intervention.archived",
      "training.created",
      "training.confirmed",
      "training.cancelled",
      "registration.created",
      "registration.cancelled",
      "registration.promoted",
      "training_request.scheduled",
      "training_request.reopened",
      "invoice.issued",
      "invoice.paid",
      "newsletter.sent",
    ]);
    expect(res.data.every((e) => e.description.length > 20)).toBe(true);
  });

  it("the contract describes every event under webhooks, with the signature headers", async () => {
    const t = await freshTenant(env);
    const doc = (await (await t.signIn("viewer")).raw("GET", "/v1/openapi.json")).body as {
      webhooks: Record<string, { post: { parameters: { name: string; in: string }[] } }>;
    };
    expect(Object.keys(doc.webhooks)).toHaveLength(14);
    expect(doc.webhooks["registration.created"]?.post.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "header:webhook-id",
      "header:webhook-timestamp",
      "header:webhook-signature",
    ]);
  });
});

describe("deliveries", () => {
  it("a ping arrives signed, and the verifier printed in docs/api.md accepts it and nothing altered", async () => {
    const t = await freshTenant(env);
    const { admin, endpoint, secret, path } = await register(t);
    const ping = expectData(
      await admin.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/ping", {
        params: { path: { orgId: t.org.id, endpointId: endpoint.id } },
      }),
      202,
    );
    expect(ping).toMatchObject({
      eventType: "ping",
      status: "pending",
      payload: { type: "ping", organizationId: t.org.id },
    });
    await vi.waitFor(() => expect(receiver.at(path)).toHaveLength(1), WAIT);
    const [request] = receiver.at(path);
    if (!request) throw new Error("no request");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["webhook-id"]).toBe(ping.eventId);
    expect(verifyWebhook(secret, request.headers, request.body)).toBe(true);
    expect(verifyWebhook(secret, request.headers, request.body.replace("ping", "pong"))).toBe(false);
    expect(verifyWebhook(`${secret}x`, request.headers, request.body)).toBe(false);
    const sixMinutesLater = Number(request.headers["webhook-timestamp"]) * 1000 + 6 * 60_000;
    expect(verifyWebhook(secret, request.headers, request.body, sixMinutesLater)).toBe(false);
    await vi.waitFor(async () => {
      const log = expectData(
        await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries", {
          params: { path: { orgId: t.org.id, endpointId: endpoint.id } },
        }),
      );
      expect(log.data[0]).toMatchObject({
        id: ping.id,
        status: "succeeded",
        attempts: 1,
        lastResponseStatus: 200,
      });
    }, WAIT);
  });

  it("an event caused through the API reaches the endpoint; resend repeats it with the same event id", async () => {
    const t = await freshTenant(env);
    const { admin, endpoint, path } = await register(t, ["training.created"]);
    expectData(
      await admin.POST("/orgs/{orgId}/trainings", {
        params: { path: { orgId: t.org.id } },
        body: { kind: "event", title: "Inspirationsdag om webhooks" },
      }),
      201,
    );
    await vi.waitFor(() => expect(receiver.at(path)).toHaveLength(1), WAIT);
    const original = receiver.at(path)[0];
    expect(original?.payload).toMatchObject({
      type: "training.created",
      data: { object: { title: "Inspirationsdag om webhooks", organizationId: t.org.id } },
    });
    const params = { path: { orgId: t.org.id, endpointId: endpoint.id } };
    const [delivered] = expectData(
      await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries", { params }),
    ).data;
    const resent = expectData(
      await admin.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend", {
        params: { path: { ...params.path, deliveryId: delivered?.id as string } },
      }),
      202,
    );
    expect(resent.id).not.toBe(delivered?.id);
    expect(resent.eventId).toBe(original?.payload.id);
    await vi.waitFor(() => expect(receiver.at(path)).toHaveLength(2), WAIT);
    expect(receiver.at(path)[1]?.body).toBe(original?.body);
    expect(receiver.at(path)[1]?.headers["webhook-id"]).toBe(original?.payload.id);
    await vi.waitFor(async () => {
      const succeeded = expectData(
        await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries", {
          params: { ...params, query: { status: "succeeded" } },
        }),
      );
      expect(succeeded.data.map((d) => d.id)).toEqual([resent.id, delivered?.id]);
    }, WAIT);
    const pending = expectData(
      await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries", {
        params: { ...params, query: { status: "gave_up" } },
      }),
    );
    expect(pending.data).toEqual([]);
  });

  it("after rotation the new secret verifies and the old one does not", async () => {
    const t = await freshTenant(env);
    const { admin, endpoint, secret, path } = await register(t);
    const params = { path: { orgId: t.org.id, endpointId: endpoint.id } };
    const rotated = expectData(
      await admin.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/rotate-secret", { params }),
    );
    expect(rotated.secret).not.toBe(secret);
    expectData(await admin.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/ping", { params }), 202);
    await vi.waitFor(() => expect(receiver.at(path)).toHaveLength(1), WAIT);
    const [request] = receiver.at(path);
    expect(verifyWebhook(rotated.secret, request?.headers ?? {}, request?.body ?? "")).toBe(true);
    expect(verifyWebhook(secret, request?.headers ?? {}, request?.body ?? "")).toBe(false);
  });

  it("an endpoint failing for 3 days is disabled and its admins are emailed; enabling it again resets it", async () => {
    const t = await freshTenant(env);
    const { admin, endpoint, path } = await register(t);
    const params = { path: { orgId: t.org.id, endpointId: endpoint.id } };
    receiver.status = 500;
    try {
      expectData(await admin.POST("/orgs/{orgId}/webhook-endpoints/{endpointId}/ping", { params }), 202);
      await vi.waitFor(async () => {
        const read = expectData(await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}", { params }));
        expect(read.failingSince).not.toBeNull();
      }, WAIT);
      clockOffsetMs = 3 * 86_400_000 + 60_000;
      await vi.waitFor(async () => {
        const read = expectData(await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}", { params }));
        expect(read).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("HTTP 500") });
      }, WAIT);
    } finally {
      receiver.status = 200;
      clockOffsetMs = 0;
    }
    await vi.waitFor(() => expect(mailed.filter((m) => m.to.includes(t.admin.email))).toHaveLength(1), WAIT);
    const email = mailed.find((m) => m.to.includes(t.admin.email));
    // The message as sent (quoted-printable), decoded to read it.
    const text = Buffer.from(
      (email?.text ?? "")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
    expect(text).toContain(`har stängt av webhook-mottagaren ${receiver.url}${path}`);
    expect(mailed.some((m) => m.to.includes(t.editor.email) || m.to.includes(t.viewer.email))).toBe(false);
    const log = expectData(
      await admin.GET("/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries", { params }),
    );
    expect(log.data[0]).toMatchObject({ status: "gave_up", attempts: 2, lastResponseStatus: 500 });
    expect(receiver.at(path).map((r) => r.answered)).toEqual([500, 500]);
    expectProblem(
      await admin.raw("POST", `/v1/orgs/${t.org.id}/webhook-endpoints/${endpoint.id}/ping`),
      409,
      "conflict",
    );
    const enabled = expectData(
      await admin.PATCH("/orgs/{orgId}/webhook-endpoints/{endpointId}", { params, body: { enabled: true } }),
    );
    expect(enabled).toMatchObject({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
    });
    const audit = await env.t.db.ownerSql(
      "select action, actor_type from audit_log where entity_id = $1 order by created_at",
      [endpoint.id],
    );
    expect(audit.map((a) => `${a.action}:${a.actor_type}`)).toEqual([
      "webhook_endpoint.created:user",
      "webhook_endpoint.pinged:user",
      "webhook_endpoint.disabled:system",
      "webhook_endpoint.enabled:user",
    ]);
    expect((await admin.raw("DELETE", `/v1/orgs/${t.org.id}/webhook-endpoints/${endpoint.id}`)).status).toBe(
      204,
    );
    expectProblem(
      await admin.raw("GET", `/v1/orgs/${t.org.id}/webhook-endpoints/${endpoint.id}`),
      404,
      "not_found",
    );
  });
});
