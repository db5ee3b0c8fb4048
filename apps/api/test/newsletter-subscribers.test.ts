// Longer than 400 lines: one feature's whole public surface (sign-up, links, list, import, bounces) over real HTTP
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { signingKey, signToken, subscriberLinks, webhookSignature } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, PUBLIC_URL } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";
import { insertDelivery, insertPublication } from "./newsletter-fixtures.js";

const SECRET = "nl-bounce-secret-for-tests";
const env = useTestApp({
  newsletters: {
    bounceWebhookSecret: SECRET,
    signupLimits: { perAddress: 3, perClient: 5, windowMs: 3_600_000 },
  },
});

let serial = 0;
const unique = (local: string) => `${local}.${++serial}@example.se`;
/** Each test signs up from an address of its own, so the per-client limit is met only where tested. */
const nextIp = () => `198.51.100.${++serial % 250}`;

interface Publication {
  owner: Tenant;
  id: string;
  slug: string;
  name: string;
}

async function publication(
  options: { coPublishers?: Tenant[]; invited?: Tenant[] } = {},
): Promise<Publication> {
  const owner = await freshTenant(env);
  const slug = `nyhetsbrev-${++serial}`;
  const name = `Samverkan ${serial}`;
  const { id } = await insertPublication(env, {
    ownerId: owner.org.id,
    slug,
    name,
    shares: {
      accepted: options.coPublishers?.map((t) => t.org.id),
      invited: options.invited?.map((t) => t.org.id),
    },
  });
  return { owner, id, slug, name };
}

/** A visitor: no cookies, no Origin, an address of its own. */
function visitor(ip = nextIp()): Client {
  const client = new Client(env);
  client.ip = ip;
  return client;
}

function postForm(client: Client, path: string, fields: Record<string, string>) {
  return client.raw("POST", path, {
    rawBody: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    origin: null,
  });
}

async function emailsTo(address: string): Promise<{ subject: string; text: string }[]> {
  const rows = await env.t.db.ownerSql(
    "select subject, text_body from emails where to_address = $1 order by created_at",
    [address],
  );
  return rows.map((r) => ({ subject: String(r.subject), text: String(r.text_body) }));
}

async function confirmLink(address: string): Promise<string> {
  const last = (await emailsTo(address)).at(-1);
  const path = /\/nyhetsbrev\/bekrafta\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.exec(last?.text ?? "")?.[0];
  if (!path) throw new Error(`no confirmation link to ${address}`);
  return path;
}

async function row(address: string): Promise<Record<string, unknown> | undefined> {
  const rows = await env.t.db.ownerSql("select * from newsletter_subscribers where email = $1", [address]);
  return rows[0];
}

async function signUpJson(pub: Publication, email: string, client = visitor()) {
  return client.raw("POST", `/v1/newsletters/${pub.slug}/subscriptions`, {
    body: { email, consent: true },
    origin: null,
  });
}

/** Signs up and follows the confirmation link: a confirmed subscriber with its id. */
async function confirmed(pub: Publication, email: string): Promise<string> {
  expect((await signUpJson(pub, email)).status).toBe(202);
  expect((await postForm(visitor(), await confirmLink(email), {})).status).toBe(200);
  const subscriber = await row(email);
  expect(subscriber?.status).toBe("confirmed");
  return String(subscriber?.id);
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("public sign-up (double opt-in)", () => {
  it("answers the same whether the address is new, waiting or subscribed, and sends only where it helps", async () => {
    const pub = await publication();
    const fresh = unique("ny");
    const subscribed = unique("redan");
    await confirmed(pub, subscribed);
    const sentBefore = (await emailsTo(subscribed)).length;

    const a = await signUpJson(pub, fresh);
    const b = await signUpJson(pub, subscribed);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(b.body);
    // The form: the same page both ways.
    const formA = await postForm(visitor(), `/nyhetsbrev/${pub.slug}/prenumerera`, {
      email: unique("form"),
      consent: "yes",
    });
    const formB = await postForm(visitor(), `/nyhetsbrev/${pub.slug}/prenumerera`, {
      email: subscribed,
      consent: "yes",
    });
    expect([formA.status, formB.status]).toEqual([200, 200]);
    expect(formA.body).toEqual(formB.body);
    expect(String(formA.body)).toContain("Titta i din inkorg");

    expect(await emailsTo(fresh)).toHaveLength(1);
    expect((await emailsTo(subscribed)).length).toBe(sentBefore);
  });

  it("records the consent shown and stays unconfirmed until the link is followed by a POST", async () => {
    const pub = await publication();
    const email = unique("anna");
    await postForm(visitor(), `/nyhetsbrev/${pub.slug}/prenumerera`, {
      email: email.toUpperCase(),
      name: "Anna Lind",
      consent: "yes",
    });
    const waiting = await row(email);
    expect(waiting).toMatchObject({
      status: "unconfirmed",
      name: "Anna Lind",
      consent_source: "signup_form",
    });
    expect(waiting?.consent_text).toBe(
      `Jag vill få nyhetsbrevet ${pub.name} via e-post. Jag kan när som helst avregistrera mig via länken i varje utskick.`,
    );
    const [mail] = await emailsTo(email);
    expect(mail?.subject).toBe(`Bekräfta din prenumeration på ${pub.name}`);

    const link = await confirmLink(email);
    const page = await visitor().raw("GET", link);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<form method="post">');
    expect((await row(email))?.status).toBe("unconfirmed");

    const done = await postForm(visitor(), link, {});
    expect(String(done.body)).toContain("Tack, du prenumererar nu");
    expect((await row(email))?.status).toBe("confirmed");
  });

  it("shows the form again with the mistakes announced and nothing stored or sent", async () => {
    const pub = await publication();
    const res = await postForm(visitor(), `/nyhetsbrev/${pub.slug}/prenumerera`, { email: "inte-en-adress" });
    expect(res.status).toBe(400);
    const page = String(res.body);
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/id="email"[^>]*aria-invalid="true" aria-describedby="email-fel"[^>]*autofocus/);
    expect(page).toContain('aria-describedby="consent-fel"');
    expect(await row("inte-en-adress")).toBeUndefined();
    const json = await visitor().raw("POST", `/v1/newsletters/${pub.slug}/subscriptions`, {
      body: { email: unique("utan-samtycke"), consent: false },
      origin: null,
    });
    expect(expectProblem(json, 400, "validation_failed").errors?.[0]?.field).toBe("body.consent");
  });

  it("refuses a forged, expired or other-purpose confirmation link", async () => {
    const pub = await publication();
    const email = unique("lank");
    await signUpJson(pub, email);
    const link = await confirmLink(email);
    const tampered = `${link.slice(0, -2)}${link.endsWith("AA") ? "BB" : "AA"}`;
    const subscriber = await row(email);
    const key = await signingKey(env.deps.db);
    const claims = { organizationId: pub.owner.org.id, subscriberId: String(subscriber?.id) };
    const expired = signToken(key, {
      purpose: "confirm",
      ...claims,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const unsubscribe = signToken(key, { purpose: "unsubscribe", ...claims, expiresAt: 0 });
    for (const path of [tampered, `/nyhetsbrev/bekrafta/${expired}`, `/nyhetsbrev/bekrafta/${unsubscribe}`]) {
      expect((await visitor().raw("GET", path)).status).toBe(410);
      const res = await postForm(visitor(), path, {});
      expect(res.status).toBe(410);
      expect(String(res.body)).toContain("Länken gäller inte");
    }
    expect((await row(email))?.status).toBe("unconfirmed");
  });

  it("limits sign-ups per address: 429 over JSON, the same page for the form, and nothing sent", async () => {
    const pub = await publication();
    const email = unique("ofta");
    for (let n = 0; n < 3; n++) expect((await signUpJson(pub, email)).status).toBe(202);
    const refused = await signUpJson(pub, email);
    expectProblem(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const form = await postForm(visitor(), `/nyhetsbrev/${pub.slug}/prenumerera`, { email, consent: "yes" });
    expect(form.status).toBe(200);
    expect(String(form.body)).toContain("Titta i din inkorg");
    expect(await emailsTo(email)).toHaveLength(3);
  });

  it("limits sign-ups per client address, whatever addresses it tries", async () => {
    const pub = await publication();
    const client = visitor("203.0.113.77");
    for (let n = 0; n < 5; n++) expect((await signUpJson(pub, unique("bot"), client)).status).toBe(202);
    const sixth = unique("bot");
    expectProblem(await signUpJson(pub, sixth, client), 429, "rate_limited");
    expect(await emailsTo(sixth)).toHaveLength(0);
    expect(await row(sixth)).toBeUndefined();
  });

  it("serves an embeddable form that other sites may frame, and only that page", async () => {
    const pub = await publication();
    const form = await visitor().raw("GET", `/nyhetsbrev/${pub.slug}/formular`);
    expect(form.status).toBe(200);
    expect(form.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(form.headers.get("x-frame-options")).toBeNull();
    expect(String(form.body)).toContain(
      `<label for="consent" style="display:inline">Jag vill få nyhetsbrevet ${pub.name}`,
    );
    const email = unique("inbaddad");
    const posted = await postForm(visitor(), `/nyhetsbrev/${pub.slug}/formular`, { email, consent: "yes" });
    expect(posted.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect((await row(email))?.consent_source).toBe("embedded_form");
    const other = await visitor().raw("GET", `/nyhetsbrev/avregistrera/x.y`);
    expect(other.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect((await visitor().raw("GET", "/nyhetsbrev/finns-inte/formular")).status).toBe(404);
  });
});

describe("one-click unsubscribe (RFC 8058) over a real socket", () => {
  let base = "";
  let close = () => undefined as unknown;
  beforeAll(async () => {
    const server = serve({ fetch: env.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("never unsubscribes on GET, and unsubscribes on a cookieless POST from anywhere", async () => {
    const pub = await publication();
    const email = unique("klick");
    const subscriberId = await confirmed(pub, email);
    const { unsubscribeUrl } = await subscriberLinks(env.deps, {
      organizationId: pub.owner.org.id,
      subscriberId,
    });
    expect(unsubscribeUrl.startsWith(`${PUBLIC_URL}/nyhetsbrev/avregistrera/`)).toBe(true);
    const url = unsubscribeUrl.replace(PUBLIC_URL, base);

    const scanned = await fetch(url);
    expect(scanned.status).toBe(200);
    expect(await scanned.text()).toContain("Avregistrera mig");
    expect((await row(email))?.status).toBe("confirmed");

    const res = await fetch(url, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    expect((await row(email))?.status).toBe("unsubscribed");
    // Again, from a mail provider's origin and with no body at all: still fine, nothing more changes.
    const again = await fetch(url, { method: "POST", headers: { origin: "https://mail.example.com" } });
    expect(again.status).toBe(200);
    expect((await row(email))?.status).toBe("unsubscribed");
  });

  it("keeps the API's origin check: a cookie-carrying cross-site POST to /v1 is still refused", async () => {
    const res = await fetch(`${base}/v1/newsletters/x/subscriptions`, {
      method: "POST",
      body: JSON.stringify({ email: unique("csrf"), consent: true }),
      headers: { "content-type": "application/json", origin: "https://evil.example", cookie: "a=b" },
    });
    expect(res.status).toBe(403);
  });
});

describe("the subscriber's own data", () => {
  it("shows what is stored and erases it to a hash that blocks a re-import", async () => {
    const pub = await publication();
    const email = unique("egen");
    const subscriberId = await confirmed(pub, email);
    const { manageUrl } = await subscriberLinks(env.deps, { organizationId: pub.owner.org.id, subscriberId });
    const path = manageUrl.replace(PUBLIC_URL, "");
    const page = await visitor().raw("GET", path);
    expect(String(page.body)).toContain(email);
    expect(String(page.body)).toContain("Bekräftad");
    const erased = await postForm(visitor(), `${path}/radera`, {});
    expect(String(erased.body)).toContain("Dina uppgifter är raderade");
    expect(await row(email)).toBeUndefined();
    const suppressed = await env.t.db.ownerSql(
      "select reason from newsletter_suppressions where email_hash = $1",
      [sha256(email)],
    );
    expect(suppressed).toEqual([{ reason: "erased" }]);
    const admin = await pub.owner.signIn("admin");
    const report = expectData(
      await admin.POST("/orgs/{orgId}/newsletters/{publicationId}/subscribers/import", {
        params: { path: { orgId: pub.owner.org.id, publicationId: pub.id } },
        body: { csv: `email\n${email}\n`, consentText: "Samtycke på mässa.", attestConsent: true },
      }),
    );
    expect(report.rows).toEqual([expect.objectContaining({ outcome: "skipped", reason: "suppressed" })]);
    // The person's own sign-up and confirmation lift it.
    await confirmed(pub, email);
    expect(
      await env.t.db.ownerSql("select 1 from newsletter_suppressions where email_hash = $1", [sha256(email)]),
    ).toEqual([]);
  });
});

describe("the subscriber list", () => {
  it("is visible to the owner's and an accepted co-publisher's administrators only", async () => {
    const co = await freshTenant(env);
    const pending = await freshTenant(env);
    const stranger = await freshTenant(env);
    const pub = await publication({ coPublishers: [co], invited: [pending] });
    const email = unique("delad");
    await confirmed(pub, email);
    const list = (tenant: Tenant, role: "admin" | "editor" = "admin") =>
      tenant.signIn(role).then((client) =>
        client.GET("/orgs/{orgId}/newsletters/{publicationId}/subscribers", {
          params: { path: { orgId: tenant.org.id, publicationId: pub.id }, query: {} },
        }),
      );
    expect(expectData(await list(pub.owner)).data.map((s) => s.email)).toEqual([email]);
    expect(expectData(await list(co)).data.map((s) => s.email)).toEqual([email]);
    expectProblem(await list(pending), 404, "not_found");
    expectProblem(await list(stranger), 404, "not_found");
    expectProblem(await list(pub.owner, "editor"), 403, "forbidden");
    const strangerAdmin = await stranger.signIn("admin");
    const subscriberId = String((await row(email))?.id);
    expectProblem(
      await strangerAdmin.DELETE("/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}", {
        params: { path: { orgId: stranger.org.id, publicationId: pub.id, subscriberId } },
      }),
      404,
      "not_found",
    );
    expect(await row(email)).toBeDefined();
  });

  it("filters by status and text and pages by cursor; a co-publisher can erase", async () => {
    const co = await freshTenant(env);
    const pub = await publication({ coPublishers: [co] });
    const admin = await co.signIn("admin");
    const path = { orgId: co.org.id, publicationId: pub.id };
    for (const who of ["ett", "tva", "tre"]) {
      expectData(
        await admin.POST("/orgs/{orgId}/newsletters/{publicationId}/subscribers", {
          params: { path },
          body: { email: unique(who), consentText: "Anmäld på mässan.", attestConsent: who !== "tre" },
        }),
        201,
      );
    }
    const page = (query: Record<string, string | number>) =>
      admin.GET("/orgs/{orgId}/newsletters/{publicationId}/subscribers", { params: { path, query } });
    expect(expectData(await page({ status: "unconfirmed" })).data.map((s) => s.email)).toEqual([
      expect.stringMatching(/^tre\./),
    ]);
    expect(expectData(await page({ q: "TVA" })).data).toHaveLength(1);
    const first = expectData(await page({ limit: 2 }));
    expect(first.data).toHaveLength(2);
    const second = expectData(await page({ limit: 2, cursor: first.nextCursor as string }));
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const attested = first.data.find((s) => s.status === "confirmed");
    expect(attested?.consent).toMatchObject({
      source: "api",
      text: "Anmäld på mässan.",
      attestedBy: co.admin.id,
    });
    const target = second.data[0]?.id as string;
    const erase = await admin.DELETE("/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}", {
      params: { path: { ...path, subscriberId: target } },
    });
    expect(erase.response.status).toBe(204);
    expectProblem(
      await admin.GET("/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}", {
        params: { path: { ...path, subscriberId: target } },
      }),
      404,
      "not_found",
    );
  });
});

describe("CSV import and export", () => {
  it("reports every line: created, bad address, duplicate, suppressed, unchanged on a second run", async () => {
    const pub = await publication();
    const admin = await pub.owner.signIn("admin");
    const path = { orgId: pub.owner.org.id, publicationId: pub.id };
    const erasedAddress = unique("raderad");
    const erasedId = await confirmed(pub, erasedAddress);
    await admin.DELETE("/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}", {
      params: { path: { ...path, subscriberId: erasedId } },
    });
    const [a, b] = [unique("a"), unique("b")];
    const csv = `\uFEFFE-post;Namn\n${a};Anna Lind\ninte-en-adress;X\n${a.toUpperCase()};Igen\n${erasedAddress};R\n${b};\n`;
    const importCsv = (attestConsent: boolean, file = csv) =>
      admin.POST("/orgs/{orgId}/newsletters/{publicationId}/subscribers/import", {
        params: { path },
        body: { csv: file, consentText: "Deltagarlistan på Finsamdagen.", attestConsent },
      });
    const report = expectData(await importCsv(false));
    expect(report).toMatchObject({ created: 2, updated: 0, skipped: 3 });
    expect(report.rows.map((r) => [r.row, r.outcome, r.reason])).toEqual([
      [2, "created", null],
      [3, "skipped", "invalid_email"],
      [4, "skipped", "duplicate"],
      [5, "skipped", "suppressed"],
      [6, "created", null],
    ]);
    expect(await row(a)).toMatchObject({
      status: "unconfirmed",
      name: "Anna Lind",
      consent_source: "import",
    });
    expect(await emailsTo(a)).toHaveLength(1);

    const again = expectData(await importCsv(false));
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 5 });
    expect(await emailsTo(a)).toHaveLength(1);

    // Attesting consent confirms the waiting ones and records who attested.
    const attested = expectData(await importCsv(true));
    expect(attested).toMatchObject({ created: 0, updated: 2 });
    expect(await row(b)).toMatchObject({
      status: "confirmed",
      consent_attested_by_user_id: pub.owner.admin.id,
      consent_text: "Deltagarlistan på Finsamdagen.",
    });
    const c = unique("c");
    expectData(await importCsv(true, `${c},Carl\n`));
    expect(await row(c)).toMatchObject({ status: "confirmed", name: "Carl" });
    expect(await emailsTo(c)).toHaveLength(0);
  });

  it("writes nothing for a file it cannot read", async () => {
    const pub = await publication();
    const admin = await pub.owner.signIn("admin");
    const res = await admin.POST("/orgs/{orgId}/newsletters/{publicationId}/subscribers/import", {
      params: { path: { orgId: pub.owner.org.id, publicationId: pub.id } },
      body: { csv: "namn,telefon\nAnna,070\n", consentText: "X", attestConsent: true },
    });
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]?.rule).toBe("email_column_required");
  });

  it("exports the list with the consent record", async () => {
    const pub = await publication();
    const email = unique("export");
    await confirmed(pub, email);
    const admin = await pub.owner.signIn("admin");
    const res = await admin.GET("/orgs/{orgId}/newsletters/{publicationId}/subscribers/export", {
      params: { path: { orgId: pub.owner.org.id, publicationId: pub.id } },
      parseAs: "arrayBuffer",
    });
    expect(res.response.headers.get("content-type")).toContain("text/csv");
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(expectData(res) as ArrayBuffer);
    // Swedish Excel: a BOM, semicolons, Swedish headers, codes and times in words people read.
    expect(body.startsWith("\uFEFF")).toBe(true);
    const text = body.replace(/^\uFEFF/, "");
    expect(text.split("\n")[0]).toBe(
      '"E-post";"Namn";"Status";"Samtycke lämnat";"Samtyckestext";"Samtycke via";"Samtycke intygat av";' +
        '"Bekräftad";"Avregistrerad";"Spärrad";"Orsak till spärr";"Tillagd"',
    );
    const line = text.split("\n").find((l) => l.startsWith(`"${email}"`)) ?? "";
    expect(line).toMatch(/;"Bekräftad";"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}";/);
    expect(text).not.toMatch(/"(confirmed|signup_form|embedded_form)"|\d{2}T\d{2}:/);
    expect(text).toContain(`"Jag vill få nyhetsbrevet ${pub.name} via e-post.`);
  });
});

function signed(body: string, secret = SECRET): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1=${webhookSignature(secret, timestamp, body)}`,
  };
}

function dsn(input: { recipient: string; status: string; listUnsubscribe: string; messageId: string }) {
  return [
    "From: MAILER-DAEMON@mx.example.net",
    "To: avregistrera@nns.localhost",
    "Subject: Undelivered Mail Returned to Sender",
    "Message-ID: <dsn-1@mx.example.net>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="GRANS"',
    "",
    "--GRANS",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The message could not be delivered.",
    "--GRANS",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "",
    `Final-Recipient: rfc822; ${input.recipient}`,
    "Action: failed",
    `Status: ${input.status}`,
    `Diagnostic-Code: smtp; ${input.status.startsWith("5") ? "550" : "452"} ${input.status} no`,
    "",
    "--GRANS",
    "Content-Type: text/rfc822-headers",
    "",
    `Message-ID: ${input.messageId}`,
    `List-Unsubscribe: <${input.listUnsubscribe}>,`,
    " <mailto:avregistrera@nns.localhost?subject=unsubscribe>",
    "Subject: Nyhetsbrev",
    "",
    "--GRANS--",
    "",
  ].join("\r\n");
}

describe("bounces and complaints", () => {
  const inbound = (raw: string, headers = signed(raw)) =>
    visitor().raw("POST", "/v1/newsletters/inbound", {
      rawBody: raw,
      headers: { "content-type": "message/rfc822", ...headers },
      origin: null,
    });

  it("blocklists at once on a hard bounce read from a delivery-status notification", async () => {
    const pub = await publication();
    const email = unique("hard");
    const subscriberId = await confirmed(pub, email);
    const links = await subscriberLinks(env.deps, { organizationId: pub.owner.org.id, subscriberId });
    const raw = dsn({
      recipient: email,
      status: "5.1.1",
      listUnsubscribe: links.unsubscribeUrl,
      messageId: "<00000000-0000-4000-8000-000000000000@nns.localhost>",
    });
    expect((await inbound(raw)).body).toEqual({ outcome: "bounce_recorded" });
    expect(await row(email)).toMatchObject({ status: "blocklisted" });
    const bounces = await env.t.db.ownerSql(
      "select kind, source, diagnostic from newsletter_bounces where subscriber_id = $1",
      [subscriberId],
    );
    expect(bounces).toEqual([{ kind: "hard", source: "dsn", diagnostic: "smtp; 550 5.1.1 no" }]);
  });

  it("finds the subscriber by the delivery in the Message-ID first, then by the recipient", async () => {
    const pub = await publication();
    const [named, delivered, addressed] = [unique("namngiven"), unique("levererad"), unique("adresserad")];
    const namedId = await confirmed(pub, named);
    const deliveredId = await confirmed(pub, delivered);
    await confirmed(pub, addressed);
    const links = await subscriberLinks(env.deps, {
      organizationId: pub.owner.org.id,
      subscriberId: namedId,
    });
    const deliveryId = await insertDelivery(env, {
      ownerId: pub.owner.org.id,
      publicationId: pub.id,
      subscriberId: deliveredId,
      number: 1,
    });
    const byDelivery = dsn({
      recipient: named,
      status: "5.1.1",
      listUnsubscribe: links.unsubscribeUrl,
      messageId: `<${deliveryId}@nns.localhost>`,
    });
    expect((await inbound(byDelivery)).body).toEqual({ outcome: "bounce_recorded" });
    expect((await row(delivered))?.status).toBe("blocklisted");
    expect((await row(named))?.status).toBe("confirmed");
    const byRecipient = dsn({
      recipient: addressed,
      status: "5.1.1",
      listUnsubscribe: links.unsubscribeUrl,
      messageId: "<not-ours@elsewhere>",
    });
    await inbound(byRecipient);
    expect((await row(addressed))?.status).toBe("blocklisted");
    expect((await row(named))?.status).toBe("confirmed");
  });

  it("blocklists after three soft bounces within the window, not before", async () => {
    const pub = await publication();
    const email = unique("soft");
    const subscriberId = await confirmed(pub, email);
    const links = await subscriberLinks(env.deps, { organizationId: pub.owner.org.id, subscriberId });
    const raw = dsn({
      recipient: email,
      status: "4.2.2",
      listUnsubscribe: links.unsubscribeUrl,
      messageId: "<x@y>",
    });
    await inbound(raw);
    await inbound(raw);
    expect((await row(email))?.status).toBe("confirmed");
    await inbound(raw);
    expect((await row(email))?.status).toBe("blocklisted");
  });

  it("unsubscribes from a List-Unsubscribe mailto, and ignores other mail", async () => {
    const pub = await publication();
    const email = unique("mailto");
    const subscriberId = await confirmed(pub, email);
    const token = (
      await subscriberLinks(env.deps, { organizationId: pub.owner.org.id, subscriberId })
    ).unsubscribeUrl
      .split("/")
      .at(-1);
    const mail = `From: ${email}\r\nTo: avregistrera@nns.localhost\r\nSubject: unsubscribe ${token}\r\n\r\n\r\n`;
    expect((await inbound(mail)).body).toEqual({ outcome: "unsubscribed" });
    expect((await row(email))?.status).toBe("unsubscribed");
    const chatter = `From: ${email}\r\nSubject: Tack!\r\n\r\nHej.\r\n`;
    expect((await inbound(chatter)).body).toEqual({ outcome: "ignored" });
  });

  it("refuses a webhook post with a wrong signature and changes nothing; a signed complaint suppresses", async () => {
    const pub = await publication();
    const email = unique("klagar");
    const subscriberId = await confirmed(pub, email);
    const links = await subscriberLinks(env.deps, { organizationId: pub.owner.org.id, subscriberId });
    const body = JSON.stringify({
      events: [{ kind: "complaint", recipient: email, listUnsubscribe: `<${links.unsubscribeUrl}>` }],
    });
    const post = (headers: Record<string, string>) =>
      visitor().raw("POST", "/v1/newsletters/bounces", {
        rawBody: body,
        headers: { "content-type": "application/json", ...headers },
        origin: null,
      });
    const wrong = await post(signed(body, "another-secret"));
    expect(expectProblem(wrong, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "header.webhook-signature",
      rule: "signature_mismatch",
    });
    expect(expectProblem(await post({}), 400, "validation_failed").errors?.[0]?.field).toBe(
      "header.webhook-timestamp",
    );
    expect(
      expectProblem(await inbound("Subject: x\r\n\r\n", signed("other")), 400, "validation_failed"),
    ).toBeDefined();
    expect((await row(email))?.status).toBe("confirmed");

    const ok = await post(signed(body));
    expect(ok.body).toEqual({ recorded: 1, unmatched: 0 });
    expect((await row(email))?.status).toBe("unsubscribed");
    expect(
      await env.t.db.ownerSql("select reason from newsletter_suppressions where email_hash = $1", [
        sha256(email),
      ]),
    ).toEqual([{ reason: "complaint" }]);
  });
});
