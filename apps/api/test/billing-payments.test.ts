import { beforeAll, describe, expect, it } from "vitest";
import { issue } from "./billing-fixtures.js";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, stockholmDay, useTestApp } from "./helpers.js";
import { draftedTraining, issuedInvoice } from "./invoice-fixtures.js";

const env = useTestApp({ webhooks: { allowHttp: true, allowPrivateTargets: true } });

// The queue takes the jobs a payment enqueues (webhook deliveries, Stripe); no worker runs them here.
beforeAll(() => env.deps.jobs.start());

const PAYMENTS = "/orgs/{orgId}/invoices/{invoiceId}/payments";
const today = () => stockholmDay();
const inInvoice = (orgId: string, invoiceId: string) => ({ params: { path: { orgId, invoiceId } } });

async function deliveries(eventType: string, organizationId: string) {
  return env.t.db.ownerSql(
    "select payload from webhook_deliveries where event_type = $1 and organization_id = $2",
    [eventType, organizationId],
  );
}

describe("payments on an issued invoice", () => {
  it("moves issued → partly paid → paid, and tells the förbund's endpoints once when it is paid", async () => {
    const buyer = await freshTenant(env);
    const buyerAdmin = await buyer.signIn("admin");
    expectData(
      await buyerAdmin.POST("/orgs/{orgId}/webhook-endpoints", {
        params: { path: { orgId: buyer.org.id } },
        body: { url: "http://127.0.0.1:9/hook", description: "Ekonomisystemet", events: ["invoice.paid"] },
      }),
      201,
    );
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const invoice = await issuedInvoice(env, buyer.org.id, { totalOre: 3_125_000 });
    const first = expectData(
      await nns.POST(PAYMENTS, {
        ...inInvoice(env.nns.id, invoice.id),
        body: { paidOn: today(), amountOre: 1_000_000, method: "bankgiro", reference: "2027000161" },
      }),
      201,
    );
    expect(first.invoice).toMatchObject({ status: "partly_paid", paidOre: 1_000_000, balanceOre: 2_125_000 });
    expect(first.payment).toMatchObject({
      amountOre: 1_000_000,
      method: "bankgiro",
      reference: "2027000161",
    });
    expect(await deliveries("invoice.paid", buyer.org.id)).toHaveLength(0);

    const rest = expectData(
      await nns.POST(PAYMENTS, {
        ...inInvoice(env.nns.id, invoice.id),
        body: { paidOn: today(), amountOre: 2_125_000, method: "plusgiro" },
      }),
      201,
    );
    expect(rest.invoice).toMatchObject({ status: "paid", paidOre: 3_125_000, balanceOre: 0 });
    const sent = await deliveries("invoice.paid", buyer.org.id);
    expect(sent).toHaveLength(1);
    expect(sent.map((row) => (row.payload as { data: { object: object } }).data.object)[0]).toMatchObject({
      id: invoice.id,
      number: invoice.number,
      status: "paid",
      paidOre: 3_125_000,
      balanceOre: 0,
    });

    // An overpayment keeps it paid and says nothing again.
    expectData(
      await nns.POST(PAYMENTS, {
        ...inInvoice(env.nns.id, invoice.id),
        body: { paidOn: today(), amountOre: 100, method: "manual" },
      }),
      201,
    );
    expect(await deliveries("invoice.paid", buyer.org.id)).toHaveLength(1);

    // The förbund reads its own invoice's payments, oldest first.
    const mine = expectData(
      await buyerAdmin.GET("/orgs/{orgId}/invoices/{invoiceId}", inInvoice(buyer.org.id, invoice.id)),
    );
    expect(mine.payments.map((p) => p.amountOre)).toEqual([1_000_000, 2_125_000, 100]);
  });

  it("reverses a mistaken registration only with a note, and never beyond what was paid", async () => {
    const buyer = await freshTenant(env);
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const invoice = await issuedInvoice(env, buyer.org.id, { totalOre: 1_250_000 });
    const at = inInvoice(env.nns.id, invoice.id);
    expectData(
      await nns.POST(PAYMENTS, {
        ...at,
        body: { paidOn: today(), amountOre: 1_250_000, method: "bankgiro" },
      }),
      201,
    );
    const noNote = await nns.POST(PAYMENTS, {
      ...at,
      body: { paidOn: today(), amountOre: -1_250_000, method: "bankgiro" },
    });
    expect(expectProblem(noNote, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.note",
      rule: "required_for_reversal",
    });
    const tooMuch = await nns.POST(PAYMENTS, {
      ...at,
      body: { paidOn: today(), amountOre: -1_250_001, method: "bankgiro", note: "Fel faktura" },
    });
    expect(expectProblem(tooMuch, 400, "validation_failed").errors?.[0]?.rule).toBe("reversal_exceeds_paid");
    const reversed = expectData(
      await nns.POST(PAYMENTS, {
        ...at,
        body: {
          paidOn: today(),
          amountOre: -1_250_000,
          method: "bankgiro",
          note: "Betalningen gällde en annan faktura",
        },
      }),
      201,
    );
    expect(reversed.invoice).toMatchObject({ status: "issued", paidOre: 0, balanceOre: 1_250_000 });
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const later = await nns.POST(PAYMENTS, {
      ...at,
      body: { paidOn: future, amountOre: 100, method: "bankgiro" },
    });
    expect(expectProblem(later, 400, "validation_failed").errors?.[0]?.rule).toBe("not_in_future");
    const audit = await env.t.db.ownerSql(
      "select action from audit_log where entity_id = $1 order by created_at",
      [invoice.id],
    );
    expect(audit.map((r) => r.action)).toEqual(["invoice.payment_registered", "invoice.payment_reversed"]);
    // The ledger is append-only, in the database itself.
    await expect(
      env.t.db.ownerSql("delete from invoice_payments where invoice_id = $1", [invoice.id]),
    ).rejects.toThrow(/never changed or removed/);
  });

  it("refuses payments registered by a förbund, on its own invoice or another's", async () => {
    const [buyer, other] = [await freshTenant(env), await freshTenant(env)];
    const invoice = await issuedInvoice(env, buyer.org.id);
    const buyerAdmin = await buyer.signIn("admin");
    expectProblem(
      await buyerAdmin.POST(PAYMENTS, {
        ...inInvoice(buyer.org.id, invoice.id),
        body: { paidOn: today(), amountOre: 100, method: "bankgiro" },
      }),
      403,
      "forbidden",
    );
    const otherAdmin = await other.signIn("admin");
    expectProblem(
      await otherAdmin.POST(PAYMENTS, {
        ...inInvoice(other.org.id, invoice.id),
        body: { paidOn: today(), amountOre: 100, method: "bankgiro" },
      }),
      403,
      "forbidden",
    );
  });

  it("marks a Stripe-mirrored invoice for marking paid out of band when bankgiro pays it", async () => {
    const buyer = await freshTenant(env);
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const invoice = await issuedInvoice(env, buyer.org.id, {
      totalOre: 50_000,
      stripeInvoiceId: "in_test_1",
    });
    expectData(
      await nns.POST(PAYMENTS, {
        ...inInvoice(env.nns.id, invoice.id),
        body: { paidOn: today(), amountOre: 50_000, method: "bankgiro" },
      }),
      201,
    );
    const jobs = await env.t.db.ownerSql(
      "select data from pgboss.job where name = 'stripe.mark-paid-out-of-band'",
    );
    expect(jobs.map((j) => j.data)).toContainEqual({
      organizationId: env.nns.id,
      invoiceId: invoice.id,
      stripeInvoiceId: "in_test_1",
    });
  });

  it("answers 409 for a draft, a credit note and a fully credited invoice (the ledger's own)", async () => {
    const f = await draftedTraining(env);
    const body = { paidOn: today(), amountOre: 100, method: "bankgiro" as const };
    const draftId = f.draftFor(f.b.org.id);
    expectProblem(await f.nns.POST(PAYMENTS, { ...inInvoice(env.nns.id, draftId), body }), 409, "conflict");
    const invoiceId = f.draftFor(f.a.org.id);
    expectData(await issue(env, f.nns, invoiceId));
    const credit = expectData(
      await f.nns.POST("/orgs/{orgId}/invoices/{invoiceId}/credit-notes", {
        ...inInvoice(env.nns.id, invoiceId),
        body: { reason: "Utbildningen ställdes in" },
      }),
      201,
    );
    expect(credit.kind).toBe("credit_note");
    for (const id of [invoiceId, credit.id]) {
      expectProblem(await f.nns.POST(PAYMENTS, { ...inInvoice(env.nns.id, id), body }), 409, "conflict");
    }
  });
});

describe("without a Stripe key", () => {
  it("keeps every förbund on bankgiro and answers Stripe's webhook 503 with the reason", async () => {
    const buyer = await freshTenant(env);
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const customer = { params: { path: { orgId: env.nns.id, buyerOrganizationId: buyer.org.id } } };
    expect(
      expectData(await nns.GET("/orgs/{orgId}/billing/customers/{buyerOrganizationId}", customer)),
    ).toMatchObject({
      paymentMethod: "bankgiro",
      stripeAvailable: false,
    });
    const refused = await nns.PUT("/orgs/{orgId}/billing/customers/{buyerOrganizationId}", {
      ...customer,
      body: { paymentMethod: "stripe" },
    });
    expect(expectProblem(refused, 409, "conflict").detail).toMatch(/STRIPE_SECRET_KEY/);
    // Stripe calls with no cookie and no Origin, as any server does.
    const webhook = await new Client(env).raw("POST", "/v1/webhooks/stripe", {
      rawBody: '{"id":"evt_1","type":"invoice.paid"}',
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      origin: null,
    });
    expect(expectProblem(webhook, 503, "service_unavailable").detail).toMatch(/Stripe är inte konfigurerat/);
    expect(webhook.headers.get("retry-after")).toBe("3600");
  });
});
