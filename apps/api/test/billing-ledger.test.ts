import {
  createWebhookEndpoint,
  enterOrganization,
  sharedPeppolValidator,
  systemContext,
} from "@nns/services";
import { beforeAll, describe, expect, it } from "vitest";
import {
  confirmedTraining,
  draftsOf,
  issue,
  SELLER,
  setInvoicingDetails,
  setSellerSettings,
  storedUbl,
} from "./billing-fixtures.js";
import { expectData, expectProblem } from "./client.js";
import { useTestApp } from "./helpers.js";
import { emailsTo, inOrg, inTraining, plannedTraining } from "./training-fixtures.js";

const env = useTestApp();
// The queue without workers: an invoice.issued delivery is enqueued, and nothing sends it.
beforeAll(() => env.deps.jobs.start());

describe("drafting a training's invoices", () => {
  it("drafts seed 003's two invoices of 25 000 + 6 250 kr, once however often it is asked", async () => {
    const f = await confirmedTraining(env);
    await setSellerSettings(env, f.nns);
    await setInvoicingDetails(f.a);
    const first = expectData(await draftsOf(env, f.nns, f.trainingId));
    expect(first.drafts.map((d) => d.invoice.buyer.organizationId)).toEqual([f.a.org.id, f.b.org.id]);
    for (const { invoice } of first.drafts) {
      expect(invoice).toMatchObject({
        status: "draft",
        netOre: 2_500_000,
        vatOre: 625_000,
        totalOre: 3_125_000,
      });
      expect(invoice.lines).toEqual([
        expect.objectContaining({
          kind: "shared",
          netOre: 2_500_000,
          vatCategory: "S",
          vatRateBasisPoints: 2500,
        }),
      ]);
    }
    expect(first.drafts[0]?.missing).toEqual([]);
    expect(first.drafts[0]?.buyerReference).toBe("Anna Lindqvist");
    expect(first.drafts[1]?.missing.map((m) => m.rule)).toEqual([
      "invoicing_details_missing",
      "reference_missing",
    ]);
    const again = expectData(await draftsOf(env, f.nns, f.trainingId));
    expect(again.drafts.map((d) => d.invoice.id)).toEqual(first.drafts.map((d) => d.invoice.id));
    const rows = await env.t.db.ownerSql("select count(*)::int as n from invoices where training_id = $1", [
      f.trainingId,
    ]);
    expect(rows[0]?.n).toBe(2);
  });

  it("issues both with consecutive numbers, valid Peppol documents, an email to each förbund", async () => {
    const f = await confirmedTraining(env);
    await setSellerSettings(env, f.nns);
    await setInvoicingDetails(f.a);
    await setInvoicingDetails(f.b, { defaultReference: null });
    const adminB = await f.b.signIn("admin");
    expectData(
      await adminB.PUT("/orgs/{orgId}/trainings/{trainingId}/invoice-reference", {
        ...inTraining(f.b.org.id, f.trainingId),
        body: { reference: "Projekt BIP, Bertil" },
      }),
    );
    // Both NNS and förbund b listen for invoice.issued; the event is b's news, not the seller's.
    for (const org of [env.nns.id, f.b.org.id]) {
      await createWebhookEndpoint(await enterOrganization(systemContext(env.deps, "test"), org), {
        url: "https://hooks.example.se/faktura",
        events: ["invoice.issued"],
      });
    }
    const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
    const issued = [];
    for (const d of drafts) issued.push(expectData(await issue(env, f.nns, d.invoice.id)));
    const [first, second] = issued;
    const [year, seq] = (first?.number ?? "").split("-").map(Number);
    expect(second?.number).toBe(`${year}-${String((seq ?? 0) + 1).padStart(4, "0")}`);
    expect(first).toMatchObject({
      status: "issued",
      totalOre: 3_125_000,
      balanceOre: 3_125_000,
      buyerReference: "Anna Lindqvist",
    });
    expect(second?.buyerReference).toBe("Projekt BIP, Bertil");
    expect(first?.ocr).toMatch(/^\d+$/);
    const validator = sharedPeppolValidator();
    for (const invoice of issued) {
      const result = await validator.validate(await storedUbl(env, invoice.id));
      expect(result.fatal).toEqual([]);
    }
    const mail = await emailsTo(env, `faktura.${f.b.org.slug}@test.se`);
    expect(mail.map((m) => m.subject)).toEqual([`Faktura ${second?.number} från ${SELLER.legalName}`]);
    expect((mail[0]?.attachments as { filename: string }[] | undefined)?.map((a) => a.filename)).toEqual([
      `faktura-${second?.number}.pdf`,
      `faktura-${second?.number}.xml`,
    ]);
    expectProblem(await issue(env, f.nns, drafts[0]?.invoice.id as string), 409, "conflict");
    const events = await env.t.db.ownerSql(
      "select organization_id, payload from webhook_deliveries where event_type = 'invoice.issued'",
    );
    expect(events.map((e) => e.organization_id)).toEqual([f.b.org.id]);
    const payload = events[0]?.payload as { data: { object: { number: string } } } | undefined;
    expect(payload?.data.object.number).toBe(second?.number);
  });

  it("discards the draft of a förbund that has left the training when drafting again", async () => {
    const f = await confirmedTraining(env);
    const first = expectData(await draftsOf(env, f.nns, f.trainingId));
    expectData(
      await f.nns.DELETE("/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}", {
        params: { path: { orgId: env.nns.id, trainingId: f.trainingId, partyId: f.b.org.id } },
      }),
    );
    const again = expectData(await draftsOf(env, f.nns, f.trainingId));
    expect(again.drafts.map((d) => [d.invoice.buyer.organizationId, d.invoice.totalOre])).toEqual([
      [f.a.org.id, 6_250_000],
    ]);
    const left = await env.t.db.ownerSql("select 1 from invoices where id = $1", [
      first.drafts[1]?.invoice.id,
    ]);
    expect(left).toEqual([]);
  });

  it("refuses a training that is only planned, saying why in Swedish", async () => {
    const f = await plannedTraining(env);
    const problem = expectProblem(await draftsOf(env, f.nns, f.trainingId), 409, "conflict");
    expect(problem.detail).toContain("planerad");
  });
});

const lastNumber = async (orgId: string) =>
  Number(
    (
      await env.t.db.ownerSql(
        "select coalesce(max(last_number), 0)::int as n from invoice_series where organization_id = $1",
        [orgId],
      )
    )[0]?.n,
  );

describe("issuing refuses what is not ready, and gives the number back", () => {
  it("409 naming the missing invoicing details; 422 naming the Peppol rule; no number used by either", async () => {
    const f = await confirmedTraining(env);
    await setSellerSettings(env, f.nns);
    await setInvoicingDetails(f.a);
    const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
    const [forA, forB] = drafts.map((d) => d.invoice.id);
    const before = await lastNumber(env.nns.id);
    const missing = expectProblem(await issue(env, f.nns, forB as string), 409, "conflict");
    expect(missing.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["buyer.invoicingDetails", "invoicing_details_missing"],
      ["buyer.reference", "reference_missing"],
    ]);
    expect(await lastNumber(env.nns.id)).toBe(before);
    // An identifier scheme outside Peppol's EAS code list passes our input rules but not the official ones.
    const adminB = await f.b.signIn("admin");
    expectData(
      await adminB.PUT("/orgs/{orgId}/billing/invoicing-details", {
        ...inOrg(f.b.org.id),
        body: {
          address: { street: "Storgatan 1", postalCode: "30231", city: "Halmstad" },
          peppolId: { scheme: "9999" },
          defaultReference: "Bertil",
        },
      }),
    );
    const invalid = expectProblem(await issue(env, f.nns, forB as string), 422, "unprocessable");
    expect(invalid.errors?.length).toBeGreaterThan(0);
    expect(invalid.errors?.every((e) => e.field === "document" && /^[A-Z]/.test(e.rule))).toBe(true);
    expect(await lastNumber(env.nns.id)).toBe(before);
    const status = await env.t.db.ownerSql("select status, number from invoices where id = $1", [forB]);
    expect(status[0]).toEqual({ status: "draft", number: null });
    const issued = expectData(await issue(env, f.nns, forA as string));
    expect(Number(issued.number?.split("-")[1])).toBe(before + 1);
  });

  it("refuses a draft the breakdown has moved away from, until drafted again", async () => {
    const f = await confirmedTraining(env);
    await setSellerSettings(env, f.nns);
    await setInvoicingDetails(f.a);
    const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
    const adminA = await f.a.signIn("admin");
    const printed = (paidBy: "owner" | "organization", amountOre: number) =>
      adminA.POST("/orgs/{orgId}/trainings/{trainingId}/print-costs", {
        ...inTraining(f.a.org.id, f.trainingId),
        body: { description: `Tryck (${paidBy})`, amountOre, paidBy },
      });
    expectData(await printed("owner", 200_000), 201);
    expectData(await printed("organization", 90_000), 201);
    const stale = expectProblem(await issue(env, f.nns, drafts[0]?.invoice.id as string), 409, "conflict");
    expect(stale.detail).toContain("skapa utkasten igen");
    const again = expectData(await draftsOf(env, f.nns, f.trainingId));
    const forA = again.drafts[0]?.invoice;
    expect(forA?.id).toBe(drafts[0]?.invoice.id);
    expect(forA?.lines.map((l) => [l.kind, l.netOre, l.vatOre])).toEqual([
      ["shared", 2_500_000, 625_000],
      ["print", 200_000, 50_000],
    ]);
    const costs = expectData(
      await f.nns.GET("/orgs/{orgId}/trainings/{trainingId}/costs", inTraining(env.nns.id, f.trainingId)),
    );
    expect(forA?.totalOre).toBe(costs.parties[0]?.invoicedTotalOre);
    expect(costs.parties[0]?.totalOre).toBe(3_125_000 + 250_000 + 112_500);
    expectData(await issue(env, f.nns, forA?.id as string));
  });
});

describe("who sees an invoice", () => {
  it("the förbund invoiced sees it once issued; another förbund never; an issued invoice is never changed or deleted", async () => {
    const f = await confirmedTraining(env);
    await setSellerSettings(env, f.nns);
    await setInvoicingDetails(f.a);
    const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
    const [forA, forB] = drafts.map((d) => d.invoice.id as string);
    const [adminA, adminB, viewerA] = [
      await f.a.signIn("admin"),
      await f.b.signIn("admin"),
      await f.a.signIn("viewer"),
    ];
    const get = (client: typeof adminA, orgId: string, invoiceId: string) =>
      client.GET("/orgs/{orgId}/invoices/{invoiceId}", { params: { path: { orgId, invoiceId } } });
    expectProblem(await get(adminA, f.a.org.id, forA as string), 404, "not_found");
    expectData(await get(f.nns, env.nns.id, forA as string));
    const issued = expectData(await issue(env, f.nns, forA as string));
    const seen = expectData(await get(adminA, f.a.org.id, forA as string));
    expect(seen).toMatchObject({
      number: issued.number,
      totalOre: 3_125_000,
      status: "issued",
      overdue: false,
    });
    expect(seen.links.pdf).toBe(`/v1/orgs/${f.a.org.id}/invoices/${forA}/pdf`);
    expectProblem(await get(adminB, f.b.org.id, forA as string), 404, "not_found");
    expectProblem(await get(adminB, f.b.org.id, forB as string), 404, "not_found");
    expectProblem(await get(viewerA, f.a.org.id, forA as string), 403, "forbidden");
    const asApp = (statement: string) =>
      env.t.db.appTransaction(async (q) => {
        await q("select set_config('app.org_id', $1, true)", [env.nns.id]);
        return q(statement, [forA]);
      });
    await expect(
      asApp("update invoices set net_ore = 1, vat_ore = 0, total_ore = 1 where id = $1"),
    ).rejects.toThrow(/credit note/);
    await expect(asApp("update invoice_lines set net_ore = 1 where invoice_id = $1")).rejects.toThrow(
      /never change/,
    );
    await expect(asApp("delete from invoices where id = $1")).rejects.toThrow(/never deleted/);
    expectProblem(
      await f.nns.DELETE("/orgs/{orgId}/invoices/{invoiceId}", {
        params: { path: { orgId: env.nns.id, invoiceId: forA as string } },
      }),
      409,
      "conflict",
    );
    const discarded = await f.nns.DELETE("/orgs/{orgId}/invoices/{invoiceId}", {
      params: { path: { orgId: env.nns.id, invoiceId: forB as string } },
    });
    expect(discarded.response.status).toBe(204);
    expectProblem(await get(f.nns, env.nns.id, forB as string), 404, "not_found");
    // Drafting again leaves the issued invoice as it stands and drafts the discarded one anew.
    const again = expectData(await draftsOf(env, f.nns, f.trainingId));
    expect(again.drafts.map((d) => [d.invoice.id === forA, d.invoice.status])).toEqual([
      [true, "issued"],
      [false, "draft"],
    ]);
    expect(again.drafts[0]?.invoice.number).toBe(issued.number);
  });
});
