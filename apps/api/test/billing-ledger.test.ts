import { describe, expect, it } from "vitest";
import { confirmedTraining, draftsOf, setInvoicingDetails, setSellerSettings } from "./billing-fixtures.js";
import { expectData, expectProblem } from "./client.js";
import { useTestApp } from "./helpers.js";
import { plannedTraining } from "./training-fixtures.js";

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

  it("refuses a training that is only planned, saying why in Swedish", async () => {
    const f = await plannedTraining(env);
    const problem = expectProblem(await draftsOf(env, f.nns, f.trainingId), 409, "conflict");
    expect(problem.detail).toContain("planerad");
  });
});
