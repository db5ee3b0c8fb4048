import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkWebhookUrl,
  classifyAddress,
  createWebhookEndpoint,
  type Deps,
  getWebhookEndpoint,
  listWebhookDeliveries,
  pingWebhookEndpoint,
  resolveTarget,
  startBackgroundWork,
  updateWebhookEndpoint,
  WebhookDeliverer,
} from "../src/index.js";
import { WebhookReceiver } from "../src/testing.js";
import { testDeps } from "./deps.js";
import { freshTenant } from "./tenant.js";

/**
 * Where webhooks may go (the SSRF rule) and what happens to an endpoint that keeps failing. Deliveries
 * here are attempted by calling the deliverer directly, with no worker running, so each attempt happens
 * exactly when the test says and under the clock and configuration it chooses.
 */

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["fc00::1", "unique-local"],
    ["fd12:3456:789a::1", "unique-local"],
    ["::ffff:127.0.0.1", "ipv4-embedded"],
    ["::ffff:10.0.0.1", "ipv4-embedded"],
    ["::ffff:8.8.8.8", "ipv4-embedded"],
    ["64:ff9b::a00:1", "ipv4-embedded"],
    ["2002:7f00:1::1", "ipv4-embedded"],
    ["2001:0:4136:e378::1", "ipv4-embedded"],
    ["192.0.2.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["198.18.0.1", "reserved"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["2001:db8::1", "reserved"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.1", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.1", "public"],
    ["193.10.1.1", "public"],
    ["2a00:1450:4010:c05::64", "public"],
    ["2606:4700:4700::1111", "public"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("refuses what is not an address", () => {
    expect(() => classifyAddress("example.se")).toThrow(/not an IP address/);
  });
});

describe("checkWebhookUrl", () => {
  const strict = { allowHttp: false, allowPrivateTargets: false };
  const rule = (url: string, rules = strict) => {
    try {
      checkWebhookUrl(url, rules);
      return "accepted";
    } catch (error) {
      return (error as { errors?: { field: string; rule: string }[] }).errors?.[0];
    }
  };

  it("accepts a public https URL and drops a fragment", () => {
    expect(checkWebhookUrl("https://hooks.example.se/nns#x", strict)).toBe("https://hooks.example.se/nns");
  });

  it.each([
    ["not a url", "url"],
    ["http://hooks.example.se/nns", "https_required"],
    ["ftp://hooks.example.se/nns", "https_required"],
    ["https://user:pass@hooks.example.se/nns", "no_credentials"],
    ["https://127.0.0.1/hook", "public_address_required"],
    ["https://[::1]/hook", "public_address_required"],
    ["https://169.254.169.254/latest/meta-data", "public_address_required"],
    ["https://10.1.2.3/hook", "public_address_required"],
    ["https://[::ffff:7f00:1]/hook", "public_address_required"],
    ["https://localhost/hook", "public_address_required"],
    ["https://api.localhost/hook", "public_address_required"],
  ])("%s is refused by rule %s, naming the field", (url, expected) => {
    expect(rule(url)).toMatchObject({ field: "body.url", rule: expected });
  });

  it("development configuration allows http and private targets", () => {
    expect(rule("http://127.0.0.1:8080/hook", { allowHttp: true, allowPrivateTargets: true })).toBe(
      "accepted",
    );
  });
});

describe("resolveTarget", () => {
  it("resolves a name and refuses it when an address it has is not public", async () => {
    await expect(resolveTarget(new URL("http://localhost/"), false)).rejects.toThrow(/loopback/);
    await expect(resolveTarget(new URL("http://localhost/"), true)).resolves.toMatchObject({
      address: expect.any(String),
    });
    await expect(resolveTarget(new URL("http://[::1]/"), false)).rejects.toThrow(/loopback/);
    await expect(resolveTarget(new URL("https://8.8.8.8/"), false)).resolves.toEqual({
      address: "8.8.8.8",
      family: 4,
    });
  });
});

describe("at delivery time", () => {
  let t: TestDatabase;
  let clock = new Date();
  let permissive: Deps;
  let strict: Deps;
  const receiver = new WebhookReceiver();
  const development = { allowHttp: true, allowPrivateTargets: true };

  beforeAll(async () => {
    t = await createTestDatabase();
    const delivery = { retryDelaysMs: [60_000], now: () => clock };
    permissive = testDeps(t.db, { config: { webhooks: { ...development, delivery } } });
    strict = testDeps(t.db, {
      config: { webhooks: { allowHttp: true, allowPrivateTargets: false, delivery } },
    });
    // The queue accepts jobs; no worker takes them, the tests attempt each delivery themselves.
    await startBackgroundWork(permissive, { info: () => undefined }, false);
    await receiver.start();
  });
  afterAll(async () => {
    await permissive?.jobs.stop();
    await receiver.stop();
    await t?.destroy();
  });

  it("refuses to connect to a private address unless configuration allows it", async () => {
    clock = new Date();
    const tenant = await freshTenant(permissive);
    const { endpoint } = await createWebhookEndpoint(tenant.admin, {
      url: `${receiver.url}/ssrf`,
      events: ["training.created"],
    });
    const ping = await pingWebhookEndpoint(tenant.admin, endpoint.id);
    await new WebhookDeliverer(strict).deliver({
      organizationId: tenant.organization.id,
      deliveryId: ping.id,
    });
    expect(receiver.received.filter((r) => r.path === "/ssrf")).toEqual([]);
    const [refused] = (await listWebhookDeliveries(tenant.admin, endpoint.id, { limit: 5 })).data;
    expect(refused).toMatchObject({ status: "failed", attempts: 1, lastResponseStatus: null });
    expect(refused?.lastError).toMatch(/127\.0\.0\.1 \(loopback\), which is refused/);
    await new WebhookDeliverer(permissive).deliver({
      organizationId: tenant.organization.id,
      deliveryId: ping.id,
    });
    expect(receiver.received.filter((r) => r.path === "/ssrf")).toHaveLength(1);
  });

  it("gives a delivery up after 3 days and disables an endpoint failing that long, emailing its admins", async () => {
    clock = new Date();
    const tenant = await freshTenant(permissive);
    const { endpoint } = await createWebhookEndpoint(tenant.admin, {
      url: `${receiver.url}/down`,
      events: ["training.created"],
    });
    const ping = await pingWebhookEndpoint(tenant.admin, endpoint.id);
    const deliverer = new WebhookDeliverer(permissive);
    const job = { organizationId: tenant.organization.id, deliveryId: ping.id };
    receiver.status = 503;
    try {
      await deliverer.deliver(job);
      const afterFirst = (await listWebhookDeliveries(tenant.admin, endpoint.id, { limit: 5 })).data[0];
      expect(afterFirst).toMatchObject({
        status: "failed",
        lastResponseStatus: 503,
        responseBodyExcerpt: "fel 503",
      });
      expect(afterFirst?.nextAttemptAt?.getTime()).toBe(clock.getTime() + 60_000);
      expect((await getWebhookEndpoint(tenant.admin, endpoint.id)).failingSince?.getTime()).toBe(
        clock.getTime(),
      );
      clock = new Date(clock.getTime() + 3 * 86_400_000 + 60_000);
      await deliverer.deliver(job);
    } finally {
      receiver.status = 200;
    }
    const [gaveUp] = (await listWebhookDeliveries(tenant.admin, endpoint.id, { limit: 5 })).data;
    expect(gaveUp).toMatchObject({ status: "gave_up", attempts: 2, nextAttemptAt: null });
    const disabled = await getWebhookEndpoint(tenant.admin, endpoint.id);
    expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("HTTP 503") });
    const emails = await t.db.ownerSql(
      "select to_address, subject, text_body from emails where template = 'webhook_disabled' and organization_id = $1",
      [tenant.organization.id],
    );
    expect(emails.map((e) => e.to_address)).toEqual([tenant.people.admin.email]);
    expect(String(emails[0]?.subject)).toContain("Webhook avstängd");
    expect(String(emails[0]?.text_body)).toContain(`${receiver.url}/down`);
    const [audit] = await t.db.ownerSql(
      "select actor_type from audit_log where action = 'webhook_endpoint.disabled' and entity_id = $1",
      [endpoint.id],
    );
    expect(audit?.actor_type).toBe("system");
    await expect(pingWebhookEndpoint(tenant.admin, endpoint.id)).rejects.toMatchObject({ code: "conflict" });
    const enabled = await updateWebhookEndpoint(tenant.admin, endpoint.id, { enabled: true });
    expect(enabled).toMatchObject({
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
    });
  });

  it("one success clears the failure state, so an endpoint that recovers is not disabled", async () => {
    clock = new Date();
    const tenant = await freshTenant(permissive);
    const { endpoint } = await createWebhookEndpoint(tenant.admin, {
      url: `${receiver.url}/flaky`,
      events: ["training.created"],
    });
    const deliverer = new WebhookDeliverer(permissive);
    const first = await pingWebhookEndpoint(tenant.admin, endpoint.id);
    receiver.status = 500;
    await deliverer.deliver({ organizationId: tenant.organization.id, deliveryId: first.id });
    receiver.status = 200;
    const second = await pingWebhookEndpoint(tenant.admin, endpoint.id);
    await deliverer.deliver({ organizationId: tenant.organization.id, deliveryId: second.id });
    expect((await getWebhookEndpoint(tenant.admin, endpoint.id)).failingSince).toBeNull();
    clock = new Date(clock.getTime() + 4 * 86_400_000);
    receiver.status = 500;
    try {
      await deliverer.deliver({ organizationId: tenant.organization.id, deliveryId: first.id });
    } finally {
      receiver.status = 200;
    }
    expect(await getWebhookEndpoint(tenant.admin, endpoint.id)).toMatchObject({ enabled: true });
  });
});
