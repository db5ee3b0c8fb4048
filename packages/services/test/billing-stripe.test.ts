import { randomUUID } from "node:crypto";
import type { InvoiceDocument } from "@nns/domain";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  paymentFromEvent,
  StripeCollection,
  type StripeCollectionOptions,
} from "../src/billing/stripe/index.js";
import { FakeStripe, signedEvent } from "../src/testing.js";
import { buyer, document } from "./stripe-fixtures.js";

/**
 * The Stripe layer through the real SDK over real HTTP: against the fake Stripe of the test utilities,
 * or, with STRIPE_TEST_SECRET_KEY set, against Stripe's test mode (docs/stripe.md). The fake's request
 * log and its injected faults exist only in the fake; those tests are skipped with a real key.
 */
const realKey = process.env.STRIPE_TEST_SECRET_KEY;
const onlyFake = it.skipIf(Boolean(realKey));
const webhookSecret = "whsec_test_nns_0123456789";
const runId = randomUUID().slice(0, 8);

let fake: FakeStripe | null = null;
let options: StripeCollectionOptions;
let stripe: Stripe;

beforeAll(async () => {
  if (realKey) {
    options = { secretKey: realKey };
  } else {
    fake = new FakeStripe();
    await fake.start();
    options = fake.options;
  }
  stripe = sdk();
});

/** The plain SDK on the same API, to look at what our layer left there. */
function sdk(): Stripe {
  const { secretKey, ...where } = options;
  return new Stripe(secretKey, { ...where, maxNetworkRetries: 0 });
}

afterAll(async () => {
  await fake?.stop();
});

let numbers = 0;
/** A fresh förbund with its Stripe customer and an invoice document for it. */
async function setUp(collection = new StripeCollection(options)) {
  numbers += 1;
  const b = buyer();
  const customerId = await collection.ensureCustomer(b, null);
  const doc = document(b, `T${runId}-${String(numbers).padStart(4, "0")}`);
  return { collection, buyer: b, customerId, doc, invoiceId: randomUUID() };
}

async function stripeState(customerId: string) {
  const invoices = await stripe.invoices.list({ customer: customerId, limit: 100 });
  const items = await Promise.all(
    invoices.data.map((i) => stripe.invoiceItems.list({ invoice: i.id, limit: 100 }).then((l) => l.data)),
  );
  return { invoices: invoices.data, items: items.flat() };
}

/** A transport that fails every request whose path ends so: the process "crashes" at that step. */
function crashingAt(pathEnd: string): Stripe.HttpClient {
  const inner = Stripe.createNodeHttpClient();
  return {
    getClientName: () => "crashing",
    makeRequest: (host, port, path, method, headers, data, protocol, timeout) =>
      path.endsWith(pathEnd)
        ? Promise.reject(Object.assign(new Error("simulated crash"), { code: "ECONNREFUSED" }))
        : inner.makeRequest(host, port, path, method, headers, data, protocol, timeout),
  };
}

describe("customers", () => {
  it("creates the förbund's customer with its eu_vat tax id, once, and reuses an existing one", async () => {
    const collection = new StripeCollection(options);
    const b = buyer();
    const customerId = await collection.ensureCustomer(b, null);
    const customer = (await stripe.customers.retrieve(customerId)) as Stripe.Customer;
    expect(customer).toMatchObject({
      name: b.legalName,
      email: b.invoiceEmail,
      metadata: { organizationId: b.organizationId },
      address: { line1: "Box 1234", postal_code: "581 12", city: "Linköping", country: "SE" },
    });
    const taxIds = await stripe.customers.listTaxIds(customerId);
    expect(taxIds.data.map((t) => [t.type, t.value])).toEqual([["eu_vat", "SE222000135401"]]);
    expect(await collection.ensureCustomer(b, null)).toBe(customerId);
    expect(await collection.ensureCustomer(b, "cus_known")).toBe("cus_known");
  });

  it("refuses a buyer without invoice email or with a malformed VAT number before calling Stripe", async () => {
    const collection = new StripeCollection(options);
    const before = fake?.requests.length;
    const noEmail = collection.ensureCustomer(buyer({ invoiceEmail: null }), null);
    await expect(noEmail).rejects.toMatchObject({
      code: "validation_failed",
      errors: [{ field: "buyer.invoiceEmail" }],
    });
    const badVat = collection.ensureCustomer(buyer({ vatNumber: "SE2220001354" }), null);
    await expect(badVat).rejects.toMatchObject({
      errors: [{ field: "buyer.vatNumber", rule: "invalid_format" }],
    });
    expect(fake?.requests.length).toBe(before);
  });

  onlyFake("the fake answers a malformed eu_vat number with Stripe's 400", async () => {
    const raw = sdk();
    const create = raw.customers.create(
      { name: "X", tax_id_data: [{ type: "eu_vat", value: "SE123" }] },
      { idempotencyKey: `nns-test-bad-vat-${runId}` },
    );
    await expect(create).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "tax_id_data[0][value]",
    });
  });
});

describe("mirroring an issued invoice", () => {
  it("gives a sent Stripe invoice of 3 125 000 öre in sek with our number, one item for net and one for VAT", async () => {
    const { collection, customerId, doc, invoiceId } = await setUp();
    const { stripeInvoiceId } = await collection.mirrorInvoice(doc, { invoiceId, customerId });
    const invoice = await stripe.invoices.retrieve(stripeInvoiceId);
    expect(invoice).toMatchObject({
      total: 3_125_000,
      amount_due: 3_125_000,
      currency: "sek",
      collection_method: "send_invoice",
      number: doc.number,
      status: "open",
      metadata: { ourInvoiceId: invoiceId, ourInvoiceNumber: doc.number },
    });
    const { items } = await stripeState(customerId);
    expect(items.map((i) => [i.amount, i.currency, i.description]).sort()).toEqual([
      [2_500_000, "sek", "Andel av BIP/SKAPA-utbildning (1 av 2 förbund)"],
      [625_000, "sek", "Moms 25 % på rad 1"],
    ]);
    if (fake) {
      expect(fake.invoices.get(stripeInvoiceId)?.days_until_due).toBe(30);
      expect(fake.sent.get(stripeInvoiceId)).toBe(1);
    }
  });

  it("run twice, and again after a crash between the items and finalizing, makes one invoice with one set of items", async () => {
    const { customerId, doc, invoiceId } = await setUp();
    const crashed = new StripeCollection({
      ...options,
      maxNetworkRetries: 0,
      httpClient: crashingAt("/finalize"),
    });
    await expect(crashed.mirrorInvoice(doc, { invoiceId, customerId })).rejects.toThrow();
    const afterCrash = await stripeState(customerId);
    expect(afterCrash.invoices.map((i) => i.status)).toEqual(["draft"]);
    expect(afterCrash.items).toHaveLength(2);

    const collection = new StripeCollection(options);
    const first = await collection.mirrorInvoice(doc, { invoiceId, customerId });
    const second = await collection.mirrorInvoice(doc, { invoiceId, customerId });
    expect(second.stripeInvoiceId).toBe(first.stripeInvoiceId);
    const state = await stripeState(customerId);
    expect(state.invoices.map((i) => [i.id, i.status, i.total])).toEqual([
      [first.stripeInvoiceId, "open", 3_125_000],
    ]);
    expect(state.items).toHaveLength(2);
  });

  onlyFake(
    "run again after Stripe forgot the idempotency keys, it finds its invoice by our id and makes nothing twice",
    async () => {
      const { collection, customerId, doc, invoiceId } = await setUp();
      const crashed = new StripeCollection({
        ...options,
        maxNetworkRetries: 0,
        httpClient: crashingAt("/finalize"),
      });
      await expect(crashed.mirrorInvoice(doc, { invoiceId, customerId })).rejects.toThrow();
      const server = fake as FakeStripe;
      server.forgetIdempotencyKeys();
      const from = server.requests.length;
      const { stripeInvoiceId } = await collection.mirrorInvoice(doc, { invoiceId, customerId });
      server.forgetIdempotencyKeys();
      await collection.mirrorInvoice(doc, { invoiceId, customerId });
      const state = await stripeState(customerId);
      expect(state.invoices.map((i) => [i.id, i.status, i.total])).toEqual([
        [stripeInvoiceId, "open", 3_125_000],
      ]);
      expect(state.items).toHaveLength(2);
      const posts = server.requests.slice(from).filter((r) => r.method === "POST");
      expect(posts.map((r) => [r.path.replace(stripeInvoiceId, ":id"), r.replayed])).toEqual([
        ["/v1/invoices/:id/finalize", false],
        ["/v1/invoices/:id/send", false],
        // The second run, a day later: only the send again, which Stripe delivers as a reminder.
        ["/v1/invoices/:id/send", false],
      ]);
    },
  );

  it("refuses to mirror a credit note", async () => {
    const { collection, customerId, doc, invoiceId } = await setUp();
    const creditNote: InvoiceDocument = { ...doc, kind: "credit_note", dueDate: null };
    await expect(collection.mirrorInvoice(creditNote, { invoiceId, customerId })).rejects.toMatchObject({
      code: "unprocessable",
    });
  });

  onlyFake(
    "every POST carries an idempotency key derived from our ids alone, the same on every run",
    async () => {
      const runOnce = async () => {
        const server = new FakeStripe();
        await server.start();
        try {
          const collection = new StripeCollection(server.options);
          const b = buyer({ organizationId: "11111111-1111-4111-8111-111111111111" });
          const customerId = await collection.ensureCustomer(b, null);
          const ids = { invoiceId: "22222222-2222-4222-8222-222222222222", customerId };
          const { stripeInvoiceId } = await collection.mirrorInvoice(document(b, "2027-0001"), ids);
          await collection.markPaidOutOfBand(stripeInvoiceId, ids.invoiceId);
          return server
            .posts()
            .map((p) => `${p.path.replace(/(cus|in)_fake\w+/, ":id")} ${p.idempotencyKey}`);
        } finally {
          await server.stop();
        }
      };
      const first = await runOnce();
      expect(first).toEqual([
        "/v1/customers nns-customer-11111111-1111-4111-8111-111111111111",
        "/v1/invoices nns-invoice-22222222-2222-4222-8222-222222222222-create",
        "/v1/invoiceitems nns-invoice-22222222-2222-4222-8222-222222222222-item-1",
        "/v1/invoiceitems nns-invoice-22222222-2222-4222-8222-222222222222-item-1-vat",
        "/v1/invoices/:id/finalize nns-invoice-22222222-2222-4222-8222-222222222222-finalize",
        "/v1/invoices/:id/send nns-invoice-22222222-2222-4222-8222-222222222222-send",
        "/v1/invoices/:id nns-invoice-22222222-2222-4222-8222-222222222222-mark-out-of-band",
        "/v1/invoices/:id/pay nns-invoice-22222222-2222-4222-8222-222222222222-paid-out-of-band",
      ]);
      expect(await runOnce()).toEqual(first);
    },
  );
});

describe("server errors and lost answers", () => {
  onlyFake(
    "a 500 is retried by the SDK with the same key, and a lost answer is replayed, not repeated",
    async () => {
      const { collection, customerId, doc, invoiceId } = await setUp();
      const server = fake as FakeStripe;
      server.failNext("POST", /^\/v1\/invoices$/, { status: 500 });
      server.failNext("POST", /^\/v1\/invoiceitems$/, "drop-after-commit");
      const { stripeInvoiceId } = await collection.mirrorInvoice(doc, { invoiceId, customerId });
      const creates = server.requests.filter((r) => r.idempotencyKey === `nns-invoice-${invoiceId}-create`);
      expect(creates.map((r) => r.status)).toEqual([500, 200]);
      const firstItem = server.requests.filter((r) => r.idempotencyKey === `nns-invoice-${invoiceId}-item-1`);
      expect(firstItem.map((r) => [r.status, r.replayed])).toEqual([
        [-1, false],
        [200, true],
      ]);
      const state = await stripeState(customerId);
      expect(state.invoices.map((i) => [i.id, i.total])).toEqual([[stripeInvoiceId, 3_125_000]]);
      expect(state.items).toHaveLength(2);
    },
  );

  onlyFake("a 500 left after the SDK's retries reaches the job, whose next run converges", async () => {
    const { customerId, doc, invoiceId } = await setUp();
    const server = fake as FakeStripe;
    server.failNext("POST", /\/send$/, { status: 500 });
    const noRetries = new StripeCollection({ ...options, maxNetworkRetries: 0 });
    await expect(noRetries.mirrorInvoice(doc, { invoiceId, customerId })).rejects.toMatchObject({
      type: "StripeAPIError",
    });
    const { stripeInvoiceId } = await noRetries.mirrorInvoice(doc, { invoiceId, customerId });
    expect((await stripeState(customerId)).invoices).toHaveLength(1);
    expect(server.sent.get(stripeInvoiceId)).toBe(1);
  });

  onlyFake(
    "the fake refuses another currency, a fraction of an öre and a POST without a key of ours",
    async () => {
      const raw = sdk();
      const { customerId } = await setUp();
      const invoice = (currency: string) =>
        raw.invoices.create(
          { customer: customerId, currency, collection_method: "send_invoice", days_until_due: 30 },
          { idempotencyKey: `nns-test-${currency}-${runId}` },
        );
      await expect(invoice("eur")).rejects.toMatchObject({
        type: "StripeInvalidRequestError",
        param: "currency",
      });
      const draft = await invoice("sek");
      const item = raw.invoiceItems.create(
        { customer: customerId, invoice: draft.id, amount: 2_500_000.5, currency: "sek" },
        { idempotencyKey: `nns-test-fraction-${runId}` },
      );
      await expect(item).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "amount" });
      await expect(raw.customers.create({ name: "Utan nyckel" })).rejects.toThrow(/derived from our ids/);
    },
  );

  onlyFake("the same idempotency key with other parameters is Stripe's idempotency_error", async () => {
    const raw = sdk();
    const key = `nns-test-reused-${runId}`;
    await raw.customers.create({ name: "Förbund A" }, { idempotencyKey: key });
    await expect(raw.customers.create({ name: "Förbund B" }, { idempotencyKey: key })).rejects.toMatchObject({
      type: "StripeIdempotencyError",
    });
  });
});

describe("payments by bankgiro", () => {
  it("marks the Stripe invoice paid out of band, and doing it again changes nothing", async () => {
    const { collection, customerId, doc, invoiceId } = await setUp();
    const { stripeInvoiceId } = await collection.mirrorInvoice(doc, { invoiceId, customerId });
    await collection.markPaidOutOfBand(stripeInvoiceId, invoiceId);
    await collection.markPaidOutOfBand(stripeInvoiceId, invoiceId);
    const invoice = await stripe.invoices.retrieve(stripeInvoiceId);
    expect(invoice.status).toBe("paid");
    expect(invoice.metadata?.paidOutOfBand).toBe("true");
    if (fake) expect(fake.posts().filter((p) => p.path.endsWith(`${stripeInvoiceId}/pay`))).toHaveLength(1);
    const event = JSON.parse(signedEvent("invoice.paid", invoice, webhookSecret).body) as Stripe.Event;
    expect(paymentFromEvent(event)).toEqual({ kind: "ignored", reason: "paid_out_of_band" });
  });
});
