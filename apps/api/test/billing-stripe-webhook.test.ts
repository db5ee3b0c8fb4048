import { startStripeWork } from "@nns/services";
import { FakeStripe, signedEvent } from "@nns/services/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { issue } from "./billing-fixtures.js";
import { type Client, expectData } from "./client.js";
import { setupTestApp, stockholmDay, type TestEnv } from "./helpers.js";
import { draftedTraining } from "./invoice-fixtures.js";

/**
 * Collection through Stripe end to end: the real app and queue workers, the real Stripe SDK talking over
 * HTTP to the fake Stripe of the test utilities, and webhook deliveries signed as Stripe signs them.
 */
const WEBHOOK_SECRET = "whsec_test_nns_billing";
const WAIT = { timeout: 20_000, interval: 100 };
const fake = new FakeStripe();
let env: TestEnv;

beforeAll(async () => {
  await fake.start();
  env = await setupTestApp({ stripe: { ...fake.options, webhookSecret: WEBHOOK_SECRET } });
  await env.deps.jobs.start();
  await startStripeWork(env.deps);
});
afterAll(async () => {
  await env?.close();
  await fake.stop();
});

const today = () => stockholmDay();

async function payByStripe(nns: Client, buyerOrganizationId: string) {
  return expectData(
    await nns.PUT("/orgs/{orgId}/billing/customers/{buyerOrganizationId}", {
      params: { path: { orgId: env.nns.id, buyerOrganizationId } },
      body: { paymentMethod: "stripe" },
    }),
  );
}

/** Issues the draft and waits for the job that mirrors it in Stripe; the fake's copy of it. */
async function issuedAndMirrored(nns: Client, draftId: string) {
  expectData(await issue(env, nns, draftId));
  const stripeId = await vi.waitFor(async () => {
    const [row] = await env.t.db.ownerSql("select stripe_invoice_id from invoices where id = $1", [draftId]);
    expect(row?.stripe_invoice_id).toBeTruthy();
    return String(row?.stripe_invoice_id);
  }, WAIT);
  return { stripeId, stripeInvoice: fake.invoices.get(stripeId) as Record<string, unknown> };
}

function deliver(type: string, object: object, options: { id?: string } = {}) {
  const { body, signature, eventId } = signedEvent(type, object, WEBHOOK_SECRET, options);
  const send = (raw = body, header = signature) =>
    env.app.request("/v1/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: raw,
    });
  return { body, signature, eventId, send };
}

const paymentsOf = (invoiceId: string) =>
  env.t.db.ownerSql(
    "select amount_ore, method, stripe_event_id from invoice_payments where invoice_id = $1",
    [invoiceId],
  );

describe("Stripe collection", () => {
  it("mirrors the invoice of a förbund paying by Stripe, and one event delivered 10 times registers one payment", async () => {
    const f = await draftedTraining(env);
    const customer = await payByStripe(f.nns, f.a.org.id);
    expect(customer).toMatchObject({
      paymentMethod: "stripe",
      stripeCustomerId: null,
      stripeAvailable: true,
    });
    const invoiceId = f.draftFor(f.a.org.id);
    const { stripeInvoice } = await issuedAndMirrored(f.nns, invoiceId);
    expect(stripeInvoice).toMatchObject({ total: 3_125_000, currency: "sek", status: "open" });
    expect((stripeInvoice.metadata as Record<string, string>).ourInvoiceId).toBe(invoiceId);
    const stored = expectData(
      await f.nns.GET("/orgs/{orgId}/billing/customers/{buyerOrganizationId}", {
        params: { path: { orgId: env.nns.id, buyerOrganizationId: f.a.org.id } },
      }),
    );
    expect(stored.stripeCustomerId).toBe(stripeInvoice.customer);
    // b pays by bankgiro: its invoice stays with us alone.
    expectData(await issue(env, f.nns, f.draftFor(f.b.org.id)));

    const paid = { ...stripeInvoice, status: "paid", amount_paid: 3_125_000, amount_remaining: 0 };
    const event = deliver("invoice.paid", paid);
    const answers = await Promise.all(Array.from({ length: 10 }, () => event.send()));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    const receipts = (await Promise.all(answers.map((r) => r.json()))) as {
      duplicate: boolean;
      outcome: string;
    }[];
    expect(receipts.filter((r) => !r.duplicate)).toEqual([
      { eventId: event.eventId, duplicate: false, outcome: "payment_registered" },
    ]);
    expect(await paymentsOf(invoiceId)).toEqual([
      { amount_ore: expect.anything(), method: "stripe", stripe_event_id: event.eventId },
    ]);
    // Stripe's second event for the same card payment, under its own id, registers nothing more.
    const succeeded = await deliver("invoice.payment_succeeded", paid).send();
    expect(await succeeded.json()).toMatchObject({ duplicate: false, outcome: "already_recorded" });
    const invoice = expectData(
      await f.nns.GET("/orgs/{orgId}/invoices/{invoiceId}", {
        params: { path: { orgId: env.nns.id, invoiceId } },
      }),
    );
    expect(invoice).toMatchObject({ status: "paid", paidOre: 3_125_000, balanceOre: 0 });
    expect(fake.invoices.size).toBe(1);
  });

  it("refuses a tampered delivery with 400 and changes nothing", async () => {
    const f = await draftedTraining(env);
    await payByStripe(f.nns, f.a.org.id);
    const invoiceId = f.draftFor(f.a.org.id);
    const { stripeInvoice } = await issuedAndMirrored(f.nns, invoiceId);
    const event = deliver("invoice.paid", { ...stripeInvoice, status: "paid", amount_paid: 3_125_000 });
    const events = async () =>
      (await env.t.db.ownerSql("select count(*)::int as n from stripe_events"))[0]?.n;
    const before = await events();
    const tampered = await event.send(event.body.replace('"amount_paid":3125000', '"amount_paid":3125001'));
    const body = (await tampered.json()) as { code: string; errors: { field: string; rule: string }[] };
    expect(tampered.status).toBe(400);
    expect(tampered.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(body.errors[0]).toMatchObject({ field: "header.stripe-signature", rule: "signature_mismatch" });
    const unsigned = await env.app.request("/v1/webhooks/stripe", { method: "POST", body: event.body });
    expect(unsigned.status).toBe(400);
    expect(await events()).toBe(before);
    expect(await paymentsOf(invoiceId)).toEqual([]);
  });

  it("takes invoice.paid before invoice.finalized, and the late finalized event changes nothing", async () => {
    const f = await draftedTraining(env);
    await payByStripe(f.nns, f.b.org.id);
    const invoiceId = f.draftFor(f.b.org.id);
    const { stripeInvoice } = await issuedAndMirrored(f.nns, invoiceId);
    const paid = deliver("invoice.paid", { ...stripeInvoice, status: "paid", amount_paid: 3_125_000 });
    expect(await (await paid.send()).json()).toMatchObject({ outcome: "payment_registered" });
    const finalized = await deliver("invoice.finalized", { ...stripeInvoice, status: "open" }).send();
    expect(finalized.status).toBe(200);
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
    const [row] = await env.t.db.ownerSql("select status, paid_ore from invoices where id = $1", [invoiceId]);
    expect(row).toMatchObject({ status: "paid" });
  });

  it("marks the Stripe copy paid out of band when NNS registers a bankgiro payment, and Stripe's echo registers nothing", async () => {
    const f = await draftedTraining(env);
    await payByStripe(f.nns, f.a.org.id);
    const invoiceId = f.draftFor(f.a.org.id);
    const { stripeId } = await issuedAndMirrored(f.nns, invoiceId);
    expectData(
      await f.nns.POST("/orgs/{orgId}/invoices/{invoiceId}/payments", {
        params: { path: { orgId: env.nns.id, invoiceId } },
        body: { paidOn: today(), amountOre: 3_125_000, method: "bankgiro", reference: "OCR" },
      }),
      201,
    );
    const copy = await vi.waitFor(() => {
      const invoice = fake.invoices.get(stripeId) as Record<string, unknown>;
      expect(invoice.status).toBe("paid");
      return invoice;
    }, WAIT);
    expect(copy).toMatchObject({ metadata: { paidOutOfBand: "true" } });
    const pay = fake.requests.find((r) => r.method === "POST" && r.path === `/v1/invoices/${stripeId}/pay`);
    expect(pay).toMatchObject({ params: { paid_out_of_band: "true" }, status: 200 });
    const echo = await deliver("invoice.paid", copy).send();
    expect(await echo.json()).toMatchObject({ outcome: "ignored" });
    expect((await paymentsOf(invoiceId)).map((p) => p.method)).toEqual(["bankgiro"]);
  });
});
