import { describe, expect, it } from "vitest";
import { expectData, expectProblem, signIn, walk } from "./client.js";
import { freshTenant, stockholmDay, useTestApp } from "./helpers.js";
import { draftInvoice, issuedInvoice } from "./invoice-fixtures.js";

const env = useTestApp();

/** A calendar date some days from today (UTC, as the fixture writes them). */
const day = stockholmDay;
const inInvoice = (orgId: string, invoiceId: string) => ({ params: { path: { orgId, invoiceId } } });

const LIST = "/orgs/{orgId}/invoices";

describe("the invoices list", () => {
  it("shows NNS everything it drafted and issued, and each förbund its own issued invoices only", async () => {
    const [a, b] = [await freshTenant(env), await freshTenant(env)];
    const late = await issuedInvoice(env, a.org.id, { issueDate: day(-45), dueDate: day(-15) });
    const current = await issuedInvoice(env, a.org.id, { issueDate: day(-2), dueDate: day(28) });
    const draft = await draftInvoice(env, a.org.id);
    const ofB = await issuedInvoice(env, b.org.id, { issueDate: day(-45), dueDate: day(-15) });
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const all = await walk(2, (cursor) =>
      nns.GET(LIST, {
        params: { path: { orgId: env.nns.id }, query: { buyerOrganizationId: a.org.id, limit: 2, cursor } },
      }),
    );
    expect(all.map((i) => i.id)).toEqual([draft.id, current.id, late.id]);
    const overdue = expectData(
      await nns.GET(LIST, { params: { path: { orgId: env.nns.id }, query: { status: "overdue" } } }),
    );
    expect(overdue.data.map((i) => i.id)).toEqual(expect.arrayContaining([late.id, ofB.id]));
    expect(overdue.data.map((i) => i.id)).not.toContain(current.id);
    expect(overdue.data.find((i) => i.id === late.id)).toMatchObject({ overdue: true, daysOverdue: 15 });
    const period = expectData(
      await nns.GET(LIST, {
        params: {
          path: { orgId: env.nns.id },
          query: { buyerOrganizationId: a.org.id, from: day(-10), to: day(0) },
        },
      }),
    );
    expect(period.data.map((i) => i.id)).toEqual([current.id]);
    expectProblem(
      await nns.GET(LIST, { params: { path: { orgId: env.nns.id }, query: { from: day(0), to: day(-1) } } }),
      400,
      "validation_failed",
    );

    const adminA = await a.signIn("admin");
    const mine = expectData(await adminA.GET(LIST, { params: { path: { orgId: a.org.id } } }));
    expect(mine.data.map((i) => i.id)).toEqual([current.id, late.id]);
    expect(mine.data[0]?.links.pdf).toBe(`/v1/orgs/${a.org.id}/invoices/${current.id}/pdf`);
    // Asking for another förbund's invoices by filter finds none of them.
    const theirs = expectData(
      await adminA.GET(LIST, {
        params: { path: { orgId: a.org.id }, query: { buyerOrganizationId: b.org.id } },
      }),
    );
    expect(theirs.data).toEqual([]);
    // An NNS person without billing:manage sees none of NNS's invoices.
    const viewer = await signIn(env, env.users.nnsViewer.email);
    expectProblem(await viewer.GET(LIST, { params: { path: { orgId: env.nns.id } } }), 403, "forbidden");
  });
});

describe("the aging of open invoices", () => {
  it("puts each förbund's open balance in its bucket and sums them, leaving paid invoices out", async () => {
    const [a, b] = [await freshTenant(env), await freshTenant(env)];
    const nns = await signIn(env, env.users.nnsAdmin.email);
    await issuedInvoice(env, a.org.id, { totalOre: 100_000, issueDate: day(-5), dueDate: day(25) });
    await issuedInvoice(env, a.org.id, { totalOre: 200_000, issueDate: day(-40), dueDate: day(-10) });
    const partly = await issuedInvoice(env, b.org.id, {
      totalOre: 300_000,
      issueDate: day(-75),
      dueDate: day(-45),
    });
    await issuedInvoice(env, b.org.id, { totalOre: 400_000, issueDate: day(-100), dueDate: day(-70) });
    const paid = await issuedInvoice(env, b.org.id, {
      totalOre: 500_000,
      issueDate: day(-100),
      dueDate: day(-70),
    });
    const pay = (invoiceId: string, amountOre: number) =>
      nns.POST("/orgs/{orgId}/invoices/{invoiceId}/payments", {
        ...inInvoice(env.nns.id, invoiceId),
        body: { paidOn: day(-1), amountOre, method: "bankgiro" },
      });
    expectData(await pay(partly.id, 120_000), 201);
    expectData(await pay(paid.id, 500_000), 201);

    const aging = expectData(
      await nns.GET("/orgs/{orgId}/invoices/aging", { params: { path: { orgId: env.nns.id } } }),
    );
    const ofA = aging.buyers.find((r) => r.organizationId === a.org.id);
    const ofB = aging.buyers.find((r) => r.organizationId === b.org.id);
    expect(ofA).toMatchObject({
      not_due: 100_000,
      "1_30": 200_000,
      "31_60": 0,
      over_60: 0,
      totalOre: 300_000,
    });
    expect(ofB).toMatchObject({ not_due: 0, "1_30": 0, "31_60": 180_000, over_60: 400_000, invoiceCount: 2 });
    // The total is the sum over förbund, bucket by bucket (other tests' invoices included).
    for (const bucket of ["not_due", "1_30", "31_60", "over_60", "totalOre"] as const) {
      expect(aging.total[bucket]).toBe(aging.buyers.reduce((sum, row) => sum + row[bucket], 0));
    }
  });

  it("is NNS's alone", async () => {
    const a = await freshTenant(env);
    const admin = await a.signIn("admin");
    expectProblem(
      await admin.GET("/orgs/{orgId}/invoices/aging", { params: { path: { orgId: a.org.id } } }),
      403,
      "forbidden",
    );
  });
});

describe("downloads", () => {
  it("give the seller and the buyer the frozen files, and another förbund a 404", async () => {
    const [a, b] = [await freshTenant(env), await freshTenant(env)];
    const invoice = await issuedInvoice(env, a.org.id);
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const [adminA, adminB] = [await a.signIn("admin"), await b.signIn("admin")];
    for (const [client, orgId] of [
      [nns, env.nns.id],
      [adminA, a.org.id],
    ] as const) {
      const pdf = await client.raw("GET", `/v1/orgs/${orgId}/invoices/${invoice.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toBe(
        `attachment; filename="faktura-${invoice.number}.pdf"`,
      );
      const ubl = await client.raw("GET", `/v1/orgs/${orgId}/invoices/${invoice.id}/ubl`);
      expect(ubl.status).toBe(200);
      expect(ubl.headers.get("content-type")).toMatch(/^application\/xml/);
      expect(ubl.headers.get("content-disposition")).toBe(
        `attachment; filename="faktura-${invoice.number}.xml"`,
      );
    }
    for (const format of ["pdf", "ubl"]) {
      expectProblem(
        await adminB.raw("GET", `/v1/orgs/${b.org.id}/invoices/${invoice.id}/${format}`),
        404,
        "not_found",
      );
    }
  });
});
