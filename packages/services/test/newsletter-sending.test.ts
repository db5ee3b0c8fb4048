import { generateKeyPairSync } from "node:crypto";
import { openDatabase } from "@nns/db";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  cancelSending,
  closeNewsletterSender,
  type Deps,
  newsletterSender,
  pauseSending,
  resumeSending,
  runNewsletterSchedule,
  type ServiceConfig,
  sendingProgress,
  sendTestIssue,
  signingKey,
  startBackgroundWork,
  startSending,
  verifyToken,
} from "../src/index.js";
import { testDeps } from "./deps.js";
import { addIssue, addSubscribers, newsletterFixture, suppress } from "./newsletter-fixtures.js";
import { SmtpSink } from "./smtp-sink.js";
import { type FreshTenant, freshTenant } from "./tenant.js";

/**
 * Sending newsletter issues through the job queue into a real SMTP server on 127.0.0.1: the headers each
 * message carries, exactly one copy per confirmed subscriber and none to anyone else, an SMTP outage in
 * the middle of a send, two senders on one issue, pause, resume and cancel, the scheduler, and the test
 * send. The process-crash case runs on PostgreSQL in newsletter-sender-crash.test.ts.
 */
const quiet = { info: () => undefined };
const { privateKey: DKIM_KEY } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

const NEWSLETTERS: ServiceConfig["newsletters"] = {
  sendRatePerSecond: 200,
  dkim: { domainName: "nns.localhost", keySelector: "nyhetsbrev", privateKey: DKIM_KEY },
  sending: {
    leaseMs: 10_000,
    sliceMs: 5_000,
    outageFirstDelayMs: 100,
    outageMaxDelayMs: 400,
    retryFirstDelayMs: 200,
    retryMaxDelayMs: 400,
  },
};

let t: TestDatabase;
let sink: SmtpSink;
let deps: Deps;
let owner: FreshTenant;
const extra: Deps[] = [];

function depsOn(db: TestDatabase["db"]): Deps {
  return testDeps(db, {
    config: { newsletters: NEWSLETTERS },
    mail: {
      smtpUrl: sink.url,
      from: "NNS-plattformen <no-reply@nns.localhost>",
      delivery: { smtpTimeoutMs: 2_000 },
    },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  sink = await SmtpSink.start();
  deps = depsOn(t.db);
  await startBackgroundWork(deps, quiet);
  owner = await freshTenant(deps);
}, 60_000);

afterAll(async () => {
  for (const d of [...extra, deps]) {
    await d?.jobs.stop();
    d?.mailer.close();
    if (d) closeNewsletterSender(d);
  }
  await sink?.refuse();
  await t?.destroy();
});

async function waitUntilSent(ctx = owner.admin, publicationId: string, issueId: string, timeout = 30_000) {
  await vi.waitFor(
    async () => expect((await sendingProgress(ctx, publicationId, issueId)).status).toBe("sent"),
    { timeout, interval: 100 },
  );
  return sendingProgress(ctx, publicationId, issueId);
}

/** A header as it was sent, unfolded (mailparser turns the List-* headers into objects). */
function header(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name)?.line ?? "";
  return line
    .slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}

/** Each address got exactly one copy; none of `nobody` got any. */
function expectExactlyOnce(everyone: string[], nobody: string[] = []) {
  const counts = sink.counts();
  expect(everyone.filter((a) => counts.get(a) !== 1)).toEqual([]);
  expect(nobody.filter((a) => counts.has(a))).toEqual([]);
}

describe("sending an issue", () => {
  it("sends one copy to each confirmed subscriber, with the unsubscribe, identity and DKIM headers, and none to anyone else", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const confirmed = await addSubscribers(deps, fixture, 12, "confirmed", `ett-${fixture.slug}-`);
    const unconfirmed = await addSubscribers(deps, fixture, 3, "unconfirmed", `obekr-${fixture.slug}-`);
    const unsubscribed = await addSubscribers(deps, fixture, 3, "unsubscribed", `avreg-${fixture.slug}-`);
    const erased = await addSubscribers(deps, fixture, 2, "confirmed", `raderad-${fixture.slug}-`);
    await suppress(deps, fixture, erased);
    await t.db.ownerSql(
      "insert into webhook_endpoints (organization_id, url, events, secret) values ($1, 'https://hooks.example.se/nns', '{newsletter.sent}', 'whsec_test')",
      [owner.organization.id],
    );

    const started = await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    expect(started).toMatchObject({ status: "sending", total: 12, pending: 12 });
    const done = await waitUntilSent(owner.admin, fixture.publicationId, fixture.issueId);
    expect(done).toMatchObject({ status: "sent", total: 12, sent: 12, failed: 0, pending: 0, skipped: 0 });
    expectExactlyOnce(confirmed, [...unconfirmed, ...unsubscribed, ...erased]);

    const copy = sink.received.find((m) => m.to === confirmed[0]);
    const mail = await simpleParser(copy?.raw ?? "");
    const [delivery] = await t.db.ownerSql(
      "select d.id from newsletter_deliveries d join newsletter_subscribers s on s.id = d.subscriber_id where s.email = $1",
      [confirmed[0]],
    );
    expect(mail.messageId).toBe(`<${delivery?.id}@nns.localhost>`);
    expect(mail.from?.value).toEqual([
      { name: "Samordningsförbundet Halland", address: "info@halland.example.se" },
    ]);
    expect(header(mail, "sender")).toMatch(/^"?NNS-plattformen"? <no-reply@nns\.localhost>$/);
    expect(mail.replyTo?.value[0]?.address).toBe("svar@halland.example.se");
    expect(mail.to).toMatchObject({ value: [{ address: confirmed[0], name: "Prenumerant 0" }] });
    expect(mail.date?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(mail.subject).toBe("Nytt från förbunden, nummer 1");
    const listUnsubscribe = header(mail, "list-unsubscribe");
    const [, url, mailto] = /^<(https?:[^>]+)>,\s*<(mailto:[^>]+)>$/.exec(listUnsubscribe) ?? [];
    expect(url).toMatch(/^http:\/\/localhost:3000\/nyhetsbrev\/avregistrera\/[\w.-]+$/);
    const token = url?.split("/").at(-1) as string;
    expect(mailto).toBe(`mailto:avregistrera@nns.localhost?subject=unsubscribe%20${token}`);
    expect(verifyToken(await signingKey(t.db), token, "unsubscribe")).toMatchObject({
      organizationId: owner.organization.id,
      expiresAt: 0,
    });
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(header(mail, "list-id")).toMatch(new RegExp(`<${fixture.slug}\\.nns\\.localhost>$`));
    const dkim = header(mail, "dkim-signature");
    expect(dkim).toMatch(/d=nns\.localhost/);
    expect(dkim).toMatch(/s=nyhetsbrev/);
    expect(dkim).toMatch(/h=[^;]*[Ff]rom/);
    // The recipient's own links are in the body, in place of the rendering's slots.
    expect(mail.html).toContain(url);
    expect(mail.html).not.toContain("recipient.invalid");
    expect(mail.text).toContain("/nyhetsbrev/mina-uppgifter/");

    // The frozen rendering is on the issue, and newsletter.sent was recorded for the owner's endpoint.
    const [issue] = await t.db.ownerSql(
      "select rendered_html, sent_at, recipients_total from newsletter_issues where id = $1",
      [fixture.issueId],
    );
    expect(issue?.rendered_html).toContain("Välkommen till hösten");
    expect(issue?.recipients_total).toBe(12);
    const hooks = await t.db.ownerSql(
      "select payload from webhook_deliveries where organization_id = $1 and event_type = 'newsletter.sent'",
      [owner.organization.id],
    );
    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.payload).toMatchObject({
      type: "newsletter.sent",
      data: { object: { issue: { id: fixture.issueId, number: 1 }, counts: { total: 12, sent: 12 } } },
    });
  }, 60_000);

  it("records a refused recipient as failed with the server's answer and retries one refused for now", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const nobody = await addSubscribers(deps, fixture, 2, "confirmed", `nobody-${fixture.slug}-`);
    const busy = await addSubscribers(deps, fixture, 2, "confirmed", `busy-${fixture.slug}-`);
    await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    const done = await waitUntilSent(owner.admin, fixture.publicationId, fixture.issueId);
    expect(done).toMatchObject({ total: 4, sent: 2, failed: 2 });
    expectExactlyOnce(busy, nobody);
    const rows = await t.db.ownerSql(
      "select s.email, d.status, d.attempts, d.error from newsletter_deliveries d join newsletter_subscribers s on s.id = d.subscriber_id where d.issue_id = $1 order by s.email",
      [fixture.issueId],
    );
    for (const row of rows.filter((r) => String(r.email).startsWith("nobody"))) {
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(String(row.error)).toMatch(/550/);
    }
    for (const row of rows.filter((r) => String(r.email).startsWith("busy")))
      expect(row).toMatchObject({ status: "sent", attempts: 1, error: null });
  }, 60_000);

  it("delivers exactly one copy each when the server refuses connections for a while mid-send", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const everyone = await addSubscribers(deps, fixture, 150, "confirmed", `avbrott-${fixture.slug}-`);
    await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    await vi.waitFor(() => expect(everyone.filter((a) => sink.copiesFor(a) > 0).length).toBeGreaterThan(20), {
      timeout: 20_000,
      interval: 10,
    });
    await sink.refuse();
    // The refusals are recorded as waits, without using up the rows' attempts.
    await vi.waitFor(
      async () => {
        const [row] = await t.db.ownerSql(
          "select count(*)::int as n from newsletter_deliveries where issue_id = $1 and status = 'pending' and error like '%ECONNREFUSED%' and attempts = 0",
          [fixture.issueId],
        );
        expect(Number(row?.n)).toBeGreaterThan(0);
      },
      { timeout: 20_000, interval: 50 },
    );
    const during = (await sendingProgress(owner.admin, fixture.publicationId, fixture.issueId)).pending;
    expect(during).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await sink.serve();
    const done = await waitUntilSent(owner.admin, fixture.publicationId, fixture.issueId, 40_000);
    expect(done).toMatchObject({ total: 150, sent: 150, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expectExactlyOnce(everyone);
  }, 90_000);

  it("lets two sending processes work one issue together without sending anything twice", async () => {
    const second = t.urls
      ? await openDatabase({
          mode: "server",
          url: t.urls.owner,
          appUrl: t.urls.app,
          appPassword: null,
          poolMax: 4,
        })
      : t.db;
    const other = depsOn(second);
    extra.push(other);
    await startBackgroundWork(other, quiet);
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const everyone = await addSubscribers(deps, fixture, 400, "confirmed", `tva-${fixture.slug}-`);
    const before = [newsletterSender(deps).sent, newsletterSender(other).sent];
    await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    const done = await waitUntilSent(owner.admin, fixture.publicationId, fixture.issueId, 40_000);
    expect(done).toMatchObject({ total: 400, sent: 400 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectExactlyOnce(everyone);
    // Both did part of the work.
    expect(newsletterSender(deps).sent - (before[0] ?? 0)).toBeGreaterThan(0);
    expect(newsletterSender(other).sent - (before[1] ?? 0)).toBeGreaterThan(0);
    await other.jobs.stop();
  }, 90_000);

  it("pauses, resumes and cancels: paused sends nothing more, cancelled turns what waits to cancelled", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const everyone = await addSubscribers(deps, fixture, 600, "confirmed", `paus-${fixture.slug}-`);
    const got = () => everyone.filter((a) => sink.copiesFor(a) > 0).length;
    await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    await vi.waitFor(() => expect(got()).toBeGreaterThan(50), { timeout: 20_000, interval: 10 });
    expect((await pauseSending(owner.admin, fixture.publicationId, fixture.issueId)).status).toBe("paused");
    // What senders held when the pause came (half a second's worth) goes out; after that nothing does.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const atPause = got();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(got()).toBe(atPause);
    const paused = await sendingProgress(owner.admin, fixture.publicationId, fixture.issueId);
    expect(paused).toMatchObject({ status: "paused", sent: atPause });
    expect(paused.pending).toBe(600 - atPause);

    await resumeSending(owner.admin, fixture.publicationId, fixture.issueId);
    await vi.waitFor(() => expect(got()).toBeGreaterThan(atPause + 50), { timeout: 20_000, interval: 10 });
    const cancelled = await cancelSending(owner.admin, fixture.publicationId, fixture.issueId);
    expect(cancelled.status).toBe("cancelled");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const atCancel = got();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(got()).toBe(atCancel);
    const after = await sendingProgress(owner.admin, fixture.publicationId, fixture.issueId);
    expect(after).toMatchObject({ status: "cancelled", pending: 0, sent: atCancel });
    expect(after.cancelled).toBe(600 - atCancel);
    expect(atCancel).toBeLessThan(600);
    expectExactlyOnce(everyone.filter((a) => sink.copiesFor(a) > 0));
  }, 90_000);

  it("refuses to send what is not ready, to anyone but the owner's editors, and to a stranger it does not exist", async () => {
    const draft = await newsletterFixture(deps, owner.organization.id, { status: "draft" });
    await expect(startSending(owner.admin, draft.publicationId, draft.issueId)).rejects.toMatchObject({
      code: "conflict",
    });
    const fixture = await newsletterFixture(deps, owner.organization.id);
    await expect(startSending(owner.viewer, fixture.publicationId, fixture.issueId)).rejects.toMatchObject({
      code: "forbidden",
    });
    const stranger = await freshTenant(deps);
    await expect(startSending(stranger.admin, fixture.publicationId, fixture.issueId)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      sendingProgress(stranger.admin, fixture.publicationId, fixture.issueId),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(pauseSending(owner.admin, fixture.publicationId, fixture.issueId)).rejects.toMatchObject({
      code: "conflict",
    });
  }, 60_000);

  it("starts a scheduled issue when it is due, in the minute's round, and not before", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id, {
      status: "scheduled",
      scheduledAt: new Date(Date.now() - 1_000),
    });
    const later = await addIssue(deps, owner.organization.id, fixture.publicationId, 2, {
      status: "scheduled",
      scheduledAt: new Date(Date.now() + 3_600_000),
    });
    const everyone = await addSubscribers(deps, fixture, 5, "confirmed", `schema-${fixture.slug}-`);
    const round = await runNewsletterSchedule(deps);
    expect(round.started).toBeGreaterThanOrEqual(1);
    await waitUntilSent(owner.admin, fixture.publicationId, fixture.issueId);
    expectExactlyOnce(everyone);
    expect((await sendingProgress(owner.admin, fixture.publicationId, later)).status).toBe("scheduled");
  }, 60_000);

  it("sends a test copy to the signed-in person only, with [Test] before the subject, and refuses an API key", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id);
    await addSubscribers(deps, fixture, 3, "confirmed", `test-${fixture.slug}-`);
    const result = await sendTestIssue(owner.editor, fixture.publicationId, fixture.issueId);
    expect(result.to).toBe(owner.people.editor.email);
    await vi.waitFor(() => expect(sink.copiesFor(owner.people.editor.email)).toBe(1), { timeout: 15_000 });
    const mail = await simpleParser(sink.received.find((m) => m.to === owner.people.editor.email)?.raw ?? "");
    expect(mail.subject).toBe("[Test] Nytt från förbunden, nummer 1");
    expect(mail.html).toContain(`/nyhetsbrev/${fixture.slug}`);
    // Nothing went to the subscribers, and the issue is still ready.
    expect(sink.received.filter((m) => m.to.startsWith(`test-${fixture.slug}`))).toEqual([]);
    expect((await sendingProgress(owner.admin, fixture.publicationId, fixture.issueId)).status).toBe("ready");
    const key = {
      ...owner.admin,
      actor: {
        type: "api_key" as const,
        apiKeyId: "k",
        organizationId: owner.organization.id,
        organization: owner.admin.organization,
        name: "nyckel",
        scopes: [],
      },
    };
    await expect(sendTestIssue(key, fixture.publicationId, fixture.issueId)).rejects.toMatchObject({
      code: "forbidden",
    });
  }, 60_000);

  it("sends an issue with no recipients at once", async () => {
    const fixture = await newsletterFixture(deps, owner.organization.id);
    const progress = await startSending(owner.admin, fixture.publicationId, fixture.issueId);
    expect(progress).toMatchObject({ status: "sent", total: 0 });
    const [issue] = await t.db.ownerSql("select sent_at from newsletter_issues where id = $1", [
      fixture.issueId,
    ]);
    expect(issue?.sent_at).not.toBeNull();
  });
});
