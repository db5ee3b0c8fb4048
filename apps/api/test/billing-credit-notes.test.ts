import { sharedPeppolValidator } from "@nns/services";
import { describe, expect, it } from "vitest";
import {
  confirmedTraining,
  draftsOf,
  issue,
  setInvoicingDetails,
  setSellerSettings,
  storedUbl,
} from "./billing-fixtures.js";
import { type Client, expectData, expectProblem } from "./client.js";
import { type TestEnv, useTestApp } from "./helpers.js";

const env = useTestApp();

async function issuedInvoice(testEnv: TestEnv) {
  const f = await confirmedTraining(testEnv);
  await setSellerSettings(testEnv, f.nns);
  await setInvoicingDetails(f.a);
  const { drafts } = expectData(await draftsOf(testEnv, f.nns, f.trainingId));
  const invoice = expectData(await issue(testEnv, f.nns, drafts[0]?.invoice.id as string));
  return { ...f, invoice };
}

const credit = (
  nns: Client,
  invoiceId: string,
  body: { reason: string; lines?: { position: number; netOre: number }[] },
) =>
  nns.POST("/orgs/{orgId}/invoices/{invoiceId}/credit-notes", {
    params: { path: { orgId: env.nns.id, invoiceId } },
    body,
  });

const getInvoice = (nns: Client, invoiceId: string) =>
  nns.GET("/orgs/{orgId}/invoices/{invoiceId}", { params: { path: { orgId: env.nns.id, invoiceId } } });

describe("credit notes", () => {
  it("a whole credit note credits the invoice: balance 0, a valid Peppol CreditNote, next in the series", async () => {
    const f = await issuedInvoice(env);
    const note = expectData(await credit(f.nns, f.invoice.id, { reason: "Utbildningen ställdes in" }), 201);
    expect(note).toMatchObject({
      kind: "credit_note",
      status: "issued",
      creditedInvoiceId: f.invoice.id,
      totalOre: 3_125_000,
      dueDate: null,
      ocr: null,
      buyerReference: f.invoice.buyerReference,
    });
    expect(Number(note.number?.split("-")[1])).toBe(Number(f.invoice.number?.split("-")[1]) + 1);
    const ubl = await storedUbl(env, note.id);
    expect(ubl).toContain("<CreditNote");
    expect((await sharedPeppolValidator().validate(ubl)).fatal).toEqual([]);
    const after = expectData(await getInvoice(f.nns, f.invoice.id));
    expect(after).toMatchObject({ status: "credited", creditedOre: 3_125_000, balanceOre: 0 });
    expect(after.creditNotes).toEqual([expect.objectContaining({ id: note.id, number: note.number })]);
    expectProblem(await credit(f.nns, f.invoice.id, { reason: "En gång till" }), 409, "conflict");
    // Fully credited, the förbund can be invoiced anew for the training.
    const redrafted = expectData(await draftsOf(env, f.nns, f.trainingId));
    expect(redrafted.drafts[0]?.invoice).toMatchObject({ status: "draft", totalOre: 3_125_000 });
    expect(redrafted.drafts[0]?.invoice.id).not.toBe(f.invoice.id);
  });

  it("partial credit notes never take more than is left, and together come to exactly the invoice", async () => {
    const f = await issuedInvoice(env);
    const part = expectData(
      await credit(f.nns, f.invoice.id, {
        reason: "Fem färre deltagare",
        lines: [{ position: 1, netOre: 500_001 }],
      }),
      201,
    );
    expect(part).toMatchObject({ netOre: 500_001, vatOre: 125_000, totalOre: 625_001 });
    expect(expectData(await getInvoice(f.nns, f.invoice.id))).toMatchObject({
      status: "partly_credited",
      creditedOre: 625_001,
      balanceOre: 3_125_000 - 625_001,
    });
    const tooMuch = expectProblem(
      await credit(f.nns, f.invoice.id, {
        reason: "För mycket",
        lines: [{ position: 1, netOre: 2_000_000 }],
      }),
      400,
      "validation_failed",
    );
    expect(tooMuch.errors).toEqual([
      expect.objectContaining({ field: "body.lines.0.netOre", rule: "at_most_left_to_credit" }),
    ]);
    expectProblem(
      await credit(f.nns, f.invoice.id, { reason: "Fel rad", lines: [{ position: 2, netOre: 1 }] }),
      400,
      "validation_failed",
    );
    const rest = expectData(
      await credit(f.nns, f.invoice.id, { reason: "Resten", lines: [{ position: 1, netOre: 1_999_999 }] }),
      201,
    );
    expect(rest.vatOre + part.vatOre).toBe(625_000);
    expect(expectData(await getInvoice(f.nns, f.invoice.id))).toMatchObject({
      status: "credited",
      balanceOre: 0,
    });
  });

  it("a draft is discarded, not credited; a förbund cannot credit", async () => {
    const f = await confirmedTraining(env);
    const { drafts } = expectData(await draftsOf(env, f.nns, f.trainingId));
    expectProblem(
      await credit(f.nns, drafts[0]?.invoice.id as string, { reason: "Utkast" }),
      409,
      "conflict",
    );
    const adminA = await f.a.signIn("admin");
    const refused = await adminA.POST("/orgs/{orgId}/invoices/{invoiceId}/credit-notes", {
      params: { path: { orgId: f.a.org.id, invoiceId: drafts[0]?.invoice.id as string } },
      body: { reason: "Vi vill inte betala" },
    });
    expectProblem(refused, 403, "forbidden");
  });
});
