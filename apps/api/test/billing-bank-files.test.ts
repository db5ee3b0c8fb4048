import { bgMaxFile } from "@nns/services/testing";
import { describe, expect, it } from "vitest";
import {
  confirmedTraining,
  draftsOf,
  issue,
  setInvoicingDetails,
  setSellerSettings,
} from "./billing-fixtures.js";
import { type Client, expectData, expectProblem } from "./client.js";
import { stockholmDay, useTestApp } from "./helpers.js";
import { inOrg } from "./training-fixtures.js";

const env = useTestApp();
const today = () => stockholmDay();

/** A BgMax file for `bankgiro` with one deposit on `date` holding `payments` (reference, öre, serial), base64. */
function bgmax(bankgiro: string, date: string, payments: [string, number, string][], test = false): string {
  return bgMaxFile(
    bankgiro,
    date,
    payments.map(([reference, amountOre, serial]) => ({
      reference,
      amountOre,
      serial,
      payerName: "Samordningsförbundet Halland",
    })),
    { test },
  ).toString("base64");
}

const importFile = (nns: Client, content: string, filename = "BgMax_20270502.txt") =>
  nns.POST("/orgs/{orgId}/billing/bank-files", { ...inOrg(env.nns.id), body: { filename, content } });

async function twoIssuedInvoices() {
  const f = await confirmedTraining(env);
  await setSellerSettings(env, f.nns);
  await setInvoicingDetails(f.a);
  await setInvoicingDetails(f.b);
  const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
  const issued = [];
  for (const d of drafts) issued.push(expectData(await issue(env, f.nns, d.invoice.id)));
  return { f, issued };
}

describe("importing Bankgirot's payment file", () => {
  it("registers each payment on the invoice its OCR names, reports the rest, and adds nothing when imported again", async () => {
    const { f, issued } = await twoIssuedInvoices();
    const [first, second] = issued;
    if (!first?.ocr || !second?.ocr) throw new Error("issued invoices carry an OCR reference");
    const content = bgmax("50501055", today(), [
      [first.ocr, 3_125_000, "000000000101"],
      [second.ocr, 1_000_000, "000000000102"],
      ["Kurslitteratur", 50_000, "000000000103"],
    ]);
    const report = expectData(await importFile(f.nns, content));
    expect(report.registeredCount).toBe(2);
    expect(report.registeredOre).toBe(4_125_000);
    expect(report.items.map((i) => [i.outcome, i.invoiceNumber, i.amountOre])).toEqual([
      ["registered", first.number, 3_125_000],
      ["registered", second.number, 1_000_000],
      ["unmatched", null, 50_000],
    ]);
    expect(report.items[0]?.payerName).toBe("Samordningsförbundet Halland");

    const paid = expectData(
      await f.nns.GET("/orgs/{orgId}/invoices/{invoiceId}", {
        params: { path: { orgId: env.nns.id, invoiceId: first.id } },
      }),
    );
    expect(paid).toMatchObject({ status: "paid", balanceOre: 0 });
    expect(paid.payments).toEqual([
      expect.objectContaining({
        method: "bank_file",
        amountOre: 3_125_000,
        paidOn: today(),
        reference: first.ocr,
      }),
    ]);
    const partly = expectData(
      await f.nns.GET("/orgs/{orgId}/invoices/{invoiceId}", {
        params: { path: { orgId: env.nns.id, invoiceId: second.id } },
      }),
    );
    expect(partly).toMatchObject({ status: "partly_paid", balanceOre: 2_125_000 });

    const again = expectData(await importFile(f.nns, content));
    expect(again.registeredCount).toBe(0);
    expect(again.items.map((i) => i.outcome)).toEqual([
      "already_registered",
      "already_registered",
      "unmatched",
    ]);
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from invoice_payments where method = 'bank_file'",
    );
    expect(rows[0]?.n).toBe(2);
  });

  it("refuses a broken file, Bankgirot's test file and another bankgiro's file, registering nothing", async () => {
    const { f, issued } = await twoIssuedInvoices();
    const ocr = issued[0]?.ocr as string;
    const good = Buffer.from(bgmax("50501055", today(), [[ocr, 100, "1"]]), "base64").toString("latin1");
    const truncated = Buffer.from(good.split("\r\n").slice(0, -1).join("\r\n"), "latin1").toString("base64");
    const broken = expectProblem(await importFile(f.nns, truncated), 400, "validation_failed");
    expect(broken.errors).toEqual([expect.objectContaining({ field: "body.content", rule: "bgmax_format" })]);
    const test = expectProblem(
      await importFile(f.nns, bgmax("50501055", today(), [[ocr, 100, "2"]], true)),
      400,
      "validation_failed",
    );
    expect(test.errors?.[0]?.rule).toBe("bgmax_test_file");
    const other = expectProblem(
      await importFile(f.nns, bgmax("56781234", today(), [[ocr, 100, "3"]])),
      409,
      "conflict",
    );
    expect(other.detail).toContain("56781234");
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from invoice_payments where invoice_id = any($1::uuid[])",
      [issued.map((i) => i.id)],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("is NNS's: a förbund cannot import a payment file", async () => {
    const { f } = await twoIssuedInvoices();
    const admin = await f.a.signIn("admin");
    const res = await admin.POST("/orgs/{orgId}/billing/bank-files", {
      ...inOrg(f.a.org.id),
      body: { filename: "x.txt", content: bgmax("50501055", today(), []) },
    });
    expect([403, 404]).toContain(res.response.status);
  });
});
