import { sharedPeppolValidator } from "@nns/services";
import { describe, expect, it } from "vitest";
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
import { emailsTo, inTraining, plannedTraining } from "./training-fixtures.js";

const env = useTestApp();

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
    expect((mail[0]?.attachments as { filename: string }[]).map((a) => a.filename)).toEqual([
      `faktura-${second?.number}.pdf`,
      `faktura-${second?.number}.xml`,
    ]);
    expectProblem(await issue(env, f.nns, drafts[0]?.invoice.id as string), 409, "conflict");
  });

  it("refuses a training that is only planned, saying why in Swedish", async () => {
    const f = await plannedTraining(env);
    const problem = expectProblem(await draftsOf(env, f.nns, f.trainingId), 409, "conflict");
    expect(problem.detail).toContain("planerad");
  });
});
