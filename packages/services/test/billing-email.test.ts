import { transaction } from "@nns/db";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderInvoicePdf } from "../src/billing/pdf.js";
import { type Deps, startBackgroundWork } from "../src/index.js";
import { invoiceIssuedEmail } from "../src/mail/billing-templates.js";
import { seedCreditNote, seedInvoice } from "./billing-documents.js";
import { testDeps } from "./deps.js";

const UBL =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice><cbc:ID>2027-0001</cbc:ID><cbc:Note>Åre</cbc:Note></Invoice>\n';
const ORGANIZATION_ID = "00000000-0000-4000-8000-000000000002";

/** A MIME part's decoded body, found by the file name nodemailer gave it. */
function attachment(raw: string, filename: string): Buffer {
  const boundary = /boundary="?([^"\r\n;]+)"?/.exec(raw)?.[1];
  if (!boundary) throw new Error("not a multipart message");
  const part = raw.split(`--${boundary}`).find((p) => p.includes(`filename=${filename}`));
  if (!part) throw new Error(`no part named ${filename}`);
  const [head = "", body = ""] = part.split(/\r\n\r\n/);
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64");
  if (encoding === "7bit" || encoding === "8bit") return Buffer.from(body.replace(/\r\n$/, ""), "utf8");
  throw new Error(`unexpected transfer encoding ${encoding}`);
}

describe("invoice email", () => {
  it("says in Swedish what to pay, to which bankgiro, with which OCR, and attaches PDF and e-invoice", async () => {
    const document = seedInvoice();
    const email = await invoiceIssuedEmail({
      to: "ekonomi@example.se",
      document,
      organizationId: ORGANIZATION_ID,
      pdf: Buffer.from("%PDF-1.3 test"),
      ubl: UBL,
      downloadUrl: "http://localhost:3000/fakturor/2027-0001",
    });
    expect(email.subject).toBe("Faktura 2027-0001 från Nationella nätverket för samordningsförbund");
    expect(email.template).toBe("invoice_issued");
    const text = email.text.replace(/\u00a0/g, " ");
    for (const part of [
      "faktura 2027-0001",
      "31 250,00 kr",
      "senast 2027-02-14",
      "bankgiro 5678-1234",
      `OCR-nummer ${document.ocr}`,
      "Er referens: Anna Ödman",
      "http://localhost:3000/fakturor/2027-0001",
      "faktura@nns.se",
    ])
      expect(text).toContain(part);
    expect(email.html).toContain('lang="sv"');
    expect(email.attachments).toEqual([
      {
        filename: "faktura-2027-0001.pdf",
        contentType: "application/pdf",
        content: Buffer.from("%PDF-1.3 test").toString("base64"),
        encoding: "base64",
      },
      { filename: "faktura-2027-0001.xml", contentType: "application/xml; charset=utf-8", content: UBL },
    ]);
  });

  it("says a credit note is not to be paid and names the invoice it credits", async () => {
    const email = await invoiceIssuedEmail({
      to: "ekonomi@example.se",
      document: seedCreditNote(),
      organizationId: ORGANIZATION_ID,
      pdf: Buffer.alloc(1),
      ubl: UBL,
      downloadUrl: "http://localhost:3000/fakturor/2027-0003",
    });
    expect(email.subject).toBe("Kreditnota 2027-0003 från Nationella nätverket för samordningsförbund");
    expect(email.template).toBe("credit_note_issued");
    expect(email.text).toContain("krediterar faktura 2027-0001 (2027-01-15). Beloppet ska inte betalas.");
    expect(email.text).not.toContain("OCR");
    expect(email.attachments?.map((a) => a.filename)).toEqual([
      "kreditnota-2027-0003.pdf",
      "kreditnota-2027-0003.xml",
    ]);
  });
});

describe("invoice email over SMTP", () => {
  let t: TestDatabase;
  let smtp: SMTPServer;
  let deps: Deps;
  const messages: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          messages.push(Buffer.concat(chunks).toString("utf8"));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const { port } = smtp.server.address() as { port: number };
    deps = testDeps(t.db, { mail: { smtpUrl: `smtp://127.0.0.1:${port}` } });
    await startBackgroundWork(deps, { info: () => undefined });
  });

  afterAll(async () => {
    await deps?.jobs.stop();
    deps?.mailer.close();
    await t?.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("delivers the PDF byte-identical and the e-invoice as sent", async () => {
    const document = seedInvoice();
    const pdf = await renderInvoicePdf(document);
    const email = await invoiceIssuedEmail({
      to: "ekonomi@example.se",
      document,
      organizationId: ORGANIZATION_ID,
      pdf,
      ubl: UBL,
      downloadUrl: "http://localhost:3000/fakturor/2027-0001",
    });
    // Delivery does not depend on whose email it is; this database has no organizations.
    await transaction(deps.db, {}, (tx) => deps.mailer.queue(tx, { ...email, organizationId: null }));
    await vi.waitFor(() => expect(messages).toHaveLength(1), { timeout: 20_000, interval: 100 });
    const raw = messages[0] ?? "";
    expect(raw).toMatch(/Content-Type: application\/pdf; name=faktura-2027-0001.pdf/);
    expect(attachment(raw, "faktura-2027-0001.pdf").equals(pdf)).toBe(true);
    expect(attachment(raw, "faktura-2027-0001.xml").toString("utf8")).toBe(UBL);
  });
});
