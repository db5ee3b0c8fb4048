import { describe, expect, it } from "vitest";
import { parseSie } from "../../../packages/services/test/sie-parser.js";
import { issue } from "./billing-fixtures.js";
import { expectData, expectProblem } from "./client.js";
import { stockholmDay, useTestApp } from "./helpers.js";
import { draftedTraining } from "./invoice-fixtures.js";
import { inOrg } from "./training-fixtures.js";

const env = useTestApp();

const today = () => stockholmDay();

/** Semicolon CSV with quoted fields ("" inside quotes is one "), as Swedish Excel reads it. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) =>
      [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) =>
        (m[1] ?? "").replace(/^"|"$/g, "").replaceAll('""', '"'),
      ),
    );
}

/** Two issued invoices of seed 003: a paid in part by bankgiro, b credited in part. */
async function ledgerOfToday() {
  const f = await draftedTraining(env);
  const [a, b] = [f.draftFor(f.a.org.id), f.draftFor(f.b.org.id)];
  const invoiceA = expectData(await issue(env, f.nns, a));
  const invoiceB = expectData(await issue(env, f.nns, b));
  const at = (invoiceId: string) => ({ params: { path: { orgId: env.nns.id, invoiceId } } });
  expectData(
    await f.nns.POST("/orgs/{orgId}/invoices/{invoiceId}/payments", {
      ...at(a),
      body: { paidOn: today(), amountOre: 1_000_000, method: "bankgiro", reference: invoiceA.ocr },
    }),
    201,
  );
  const credit = expectData(
    await f.nns.POST("/orgs/{orgId}/invoices/{invoiceId}/credit-notes", {
      ...at(b),
      body: { reason: "En deltagare färre", lines: [{ position: 1, netOre: 500_000 }] },
    }),
    201,
  );
  return { f, invoiceA, invoiceB, credit };
}

describe("bookkeeping exports", () => {
  it("lists the period's invoices and credit notes for Swedish Excel", async () => {
    const { f, invoiceA, invoiceB, credit } = await ledgerOfToday();
    const res = await f.nns.GET("/orgs/{orgId}/billing/exports/invoices.csv", {
      params: { path: { orgId: env.nns.id }, query: { from: today(), to: today() } },
      parseAs: "arrayBuffer",
    });
    // Decoded keeping the byte order mark, which Response.text() would drop.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(expectData(res) as ArrayBuffer);
    expect(res.response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.response.headers.get("content-disposition")).toBe(
      `attachment; filename="fakturor-${today()}--${today()}.csv"`,
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header?.slice(0, 3)).toEqual(["Nummer", "Typ", "Kund"]);
    const row = (number: string | null) => rows.find((r) => r[0] === number);
    expect(row(invoiceA.number)).toEqual(
      expect.arrayContaining(["Faktura", "31250,00", "10000,00", "21250,00", "Delvis betald"]),
    );
    expect(row(invoiceB.number)).toEqual(expect.arrayContaining(["Faktura", "Delvis krediterad"]));
    expect(row(credit.number)).toEqual(expect.arrayContaining(["Kreditnota", "-6250,00"]));
  });

  it("books a balanced SIE 4 verification per invoice, credit note and payment, on the configured accounts", async () => {
    const { f, invoiceA, credit } = await ledgerOfToday();
    const sie = async () => {
      const res = await f.nns.GET("/orgs/{orgId}/billing/exports/bookkeeping.sie", {
        params: { path: { orgId: env.nns.id }, query: { from: today(), to: today() } },
        parseAs: "arrayBuffer",
      });
      expect(res.response.status).toBe(200);
      expect(res.response.headers.get("content-disposition")).toMatch(/filename="bokforing-.*\.se"/);
      return parseSie(Buffer.from(res.data as ArrayBuffer));
    };
    const file = await sie();
    expect(file.one("#SIETYP")).toEqual(["4"]);
    expect(file.one("#FORMAT")).toEqual(["PC8"]);
    expect(file.one("#FNAMN")).toEqual(["Nationella nätverket för samordningsförbund"]);
    for (const ver of file.verifications) {
      expect(
        ver.transactions.reduce((sum, t) => sum + t.amountOre, 0),
        ver.text,
      ).toBe(0);
    }
    const find = (fragment: string) => file.verifications.find((v) => v.text.includes(fragment));
    const invoice = find(`Faktura ${invoiceA.number}`);
    expect(invoice?.series).toBe("F");
    expect(invoice?.transactions.map((t) => [t.account, t.amountOre])).toEqual(
      expect.arrayContaining([
        ["1510", 3_125_000],
        ["3001", -2_500_000],
        ["2611", -625_000],
      ]),
    );
    expect(find(`Kreditnota ${credit.number}`)?.transactions).toContainEqual(
      expect.objectContaining({ account: "1510", amountOre: -625_000 }),
    );
    const payment = find(`Betalning faktura ${invoiceA.number}`);
    expect(payment?.series).toBe("B");
    expect(payment?.transactions.map((t) => [t.account, t.amountOre])).toEqual([
      ["1930", 1_000_000],
      ["1510", -1_000_000],
    ]);

    // The accountant books bankgiro on another bank account.
    const accounts = expectData(
      await f.nns.PUT("/orgs/{orgId}/billing/accounts", { ...inOrg(env.nns.id), body: { bank: "1940" } }),
    );
    expect(accounts).toMatchObject({ bank: "1940", receivables: "1510" });
    const again = await sie();
    expect(
      again.verifications.find((v) => v.text.includes(`Betalning faktura ${invoiceA.number}`))
        ?.transactions[0],
    ).toMatchObject({ account: "1940" });
  });

  it("keeps a SIE file to one fiscal year, and the exports to NNS", async () => {
    const { f } = await ledgerOfToday();
    const year = Number(today().slice(0, 4));
    const across = await f.nns.GET("/orgs/{orgId}/billing/exports/bookkeeping.sie", {
      params: { path: { orgId: env.nns.id }, query: { from: `${year - 1}-12-01`, to: `${year}-01-31` } },
    });
    expect(expectProblem(across, 400, "validation_failed").errors?.[0]?.rule).toBe("one_fiscal_year");
    const admin = await f.a.signIn("admin");
    expectProblem(
      await admin.GET("/orgs/{orgId}/billing/exports/invoices.csv", {
        params: { path: { orgId: f.a.org.id } },
      }),
      403,
      "forbidden",
    );
  });
});
