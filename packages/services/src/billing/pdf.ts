import { formatKronor, type InvoiceDocument, type InvoiceDocumentLine } from "@nns/domain";
import { forEachPage, openTaggedA4 } from "../pdf/document.js";
import {
  artifact,
  INK,
  LEFT,
  MUTED,
  type Pdf,
  put,
  RIGHT,
  rule,
  SHADE,
  WIDTH,
  within,
} from "../pdf/drawing.js";
import {
  addressLines,
  formatBankgiro,
  formatPlusgiro,
  formatVatRate,
  organizationNumberLabel,
} from "./format.js";

/**
 * The invoice or credit note as a Swedish A4 PDF: the layout a Swedish accounts-payable clerk knows
 * (seller top left, title and number top right, the buyer's address where a window envelope shows it,
 * lines, VAT per rate, totals, a payment box with bankgiro and OCR, the company facts in the footer).
 * The output is byte-identical for the same document: the creation date is the issue date.
 */

/** Content stops here; the footer sits below it on every page. */
const CONTENT_BOTTOM = 745;
const FOOTER_TOP = 768;

/** The line table's columns: description, net, rate, VAT. */
const COLUMNS = [
  { label: "Beskrivning", x: LEFT, width: 265, align: "left" },
  { label: "Belopp exkl. moms", x: 320, width: 90, align: "right" },
  { label: "Momssats", x: 415, width: 50, align: "right" },
  { label: "Moms", x: 470, width: 75, align: "right" },
] as const;

function title(doc: InvoiceDocument): string {
  return doc.kind === "invoice" ? "Faktura" : "Kreditnota";
}

/** Seller as the letterhead, title and number at the right, then the buyer's address block. */
function firstPageHeader(pdf: Pdf, doc: InvoiceDocument): number {
  const sellerName = put(pdf, doc.seller.legalName, LEFT, 50, { size: 13, bold: true, width: 250 });
  put(pdf, addressLines(doc.seller.address).join("\n"), LEFT, 54 + sellerName, { color: MUTED, width: 250 });

  put(pdf, title(doc).toUpperCase(), 330, 48, {
    tag: "H1",
    size: 20,
    bold: true,
    width: 215,
    align: "right",
  });
  const facts: [string, string][] = [
    [doc.kind === "invoice" ? "Fakturanummer" : "Kreditnotanummer", doc.number],
    ["Fakturadatum", doc.issueDate],
  ];
  if (doc.dueDate) facts.push(["Förfallodatum", doc.dueDate]);
  let y = 78;
  for (const [label, value] of facts) {
    put(pdf, label, 330, y, { color: MUTED, width: 110 });
    put(pdf, value, 440, y, { bold: true, width: 105, align: "right" });
    y += 13;
  }

  // Where a C5 window envelope shows the recipient (SS 637 01: right half, about 45 mm down).
  put(pdf, "Faktureringsadress", 330, 135, { size: 7.5, color: MUTED, width: 215 });
  const buyerName = put(pdf, doc.buyer.legalName, 330, 146, { size: 10.5, bold: true, width: 215 });
  const buyerLines = [
    ...addressLines(doc.buyer.address),
    organizationNumberLabel(doc.buyer.organizationNumber),
    ...(doc.buyer.vatNumber ? [`Momsreg.nr ${doc.buyer.vatNumber}`] : []),
  ];
  const buyerBottom = 148 + buyerName + put(pdf, buyerLines.join("\n"), 330, 148 + buyerName, { width: 215 });
  return detailsGrid(pdf, doc, Math.max(buyerBottom, 215) + 14);
}

/** The terms a payer looks for, in a shaded band: referens, terms, due date, late interest. */
function detailsGrid(pdf: Pdf, doc: InvoiceDocument, top: number): number {
  const cells: [string, string][] = [["Er referens", doc.buyerReference]];
  if (doc.kind === "invoice") {
    cells.push(["Betalningsvillkor", doc.paymentTerms]);
    if (doc.dueDate) cells.push(["Förfallodatum", doc.dueDate]);
  }
  if (doc.seller.invoiceEmail) cells.push(["Frågor om fakturan", doc.seller.invoiceEmail]);
  const cellWidth = WIDTH / cells.length;
  artifact(pdf, () => pdf.rect(LEFT, top, WIDTH, 34).fill(SHADE));
  cells.forEach(([label, value], i) => {
    const x = LEFT + 8 + i * cellWidth;
    put(pdf, label, x, top + 6, { size: 7.5, color: MUTED, width: cellWidth - 12 });
    put(pdf, value, x, top + 17, { bold: true, width: cellWidth - 12 });
  });
  let y = top + 46;
  if (doc.creditedInvoice) {
    const { number, issueDate } = doc.creditedInvoice;
    y += put(pdf, `Krediterar faktura ${number} (${issueDate})`, LEFT, y, { bold: true, size: 10 }) + 4;
  }
  put(pdf, "Avser", LEFT, y, { size: 7.5, color: MUTED });
  y += 10;
  y += put(pdf, doc.note, LEFT, y, { size: 9.5 });
  return y + 14;
}

/** A later page starts with a short heading saying whose document continues. */
function continuationHeader(pdf: Pdf, doc: InvoiceDocument): number {
  artifact(
    pdf,
    () => {
      put(pdf, doc.seller.legalName, LEFT, 50, { bold: true, width: 300 });
      put(pdf, `${title(doc)} ${doc.number} (fortsättning)`, 300, 50, { width: 245, align: "right" });
      rule(pdf, 66);
    },
    "Pagination",
  );
  return 80;
}

function tableHeader(pdf: Pdf, y: number): number {
  within(pdf, "TR", () => {
    for (const column of COLUMNS) {
      const style = { tag: "TH", size: 8, bold: true, width: column.width, align: column.align };
      put(pdf, column.label, column.x, y, style);
    }
  });
  rule(pdf, y + 13);
  return y + 18;
}

function lineCells(line: InvoiceDocumentLine): string[] {
  return [
    line.description,
    formatKronor(line.netOre),
    formatVatRate(line.vatRateBasisPoints),
    formatKronor(line.vatOre),
  ];
}

function lineHeight(pdf: Pdf, line: InvoiceDocumentLine): number {
  pdf.font("Helvetica").fontSize(9);
  return pdf.heightOfString(line.description, { width: COLUMNS[0].width, lineGap: 1 }) + 6;
}

/** The VAT summary, totals, payment box and interest text: kept together, after the last line. */
function closingHeight(doc: InvoiceDocument): number {
  return 110 + 14 * doc.vatSummary.length + (doc.kind === "invoice" ? 110 : 40);
}

function vatSummary(pdf: Pdf, doc: InvoiceDocument, top: number): number {
  put(pdf, "Momsspecifikation", LEFT, top, { tag: "H2", size: 8, bold: true });
  const columns = [
    { label: "Momssats", x: LEFT, width: 70, align: "left" as const },
    { label: "Underlag", x: LEFT + 70, width: 85, align: "right" as const },
    { label: "Moms", x: LEFT + 155, width: 85, align: "right" as const },
  ];
  let y = top + 13;
  within(pdf, "Table", () => {
    within(pdf, "TR", () => {
      for (const c of columns) {
        put(pdf, c.label, c.x, y, { tag: "TH", size: 7.5, color: MUTED, width: c.width, align: c.align });
      }
    });
    rule(pdf, y + 11, LEFT, LEFT + 240);
    y += 15;
    for (const row of doc.vatSummary) {
      const rate = row.vatCategory === "E" ? "Momsfri" : formatVatRate(row.vatRateBasisPoints);
      const cells = [rate, formatKronor(row.taxableOre), formatKronor(row.vatOre)];
      within(pdf, "TR", () => {
        columns.forEach((c, i) => {
          put(pdf, cells[i] ?? "", c.x, y, { tag: "TD", width: c.width, align: c.align });
        });
      });
      y += 13;
    }
  });
  for (const row of doc.vatSummary) {
    if (row.exemptionReason)
      y += put(pdf, row.exemptionReason, LEFT, y, { size: 7.5, color: MUTED, width: 240 }) + 2;
  }
  return y;
}

function totals(pdf: Pdf, doc: InvoiceDocument, top: number): number {
  const x = 330;
  const rows: [string, string][] = [
    ["Summa exkl. moms", formatKronor(doc.netOre)],
    ["Moms", formatKronor(doc.vatOre)],
  ];
  let y = top;
  for (const [label, value] of rows) {
    put(pdf, label, x, y, { width: 110 });
    put(pdf, value, x + 110, y, { width: 105, align: "right" });
    y += 14;
  }
  rule(pdf, y, x, RIGHT);
  y += 6;
  const label = doc.kind === "invoice" ? "Att betala" : "Att kreditera";
  put(pdf, label, x, y, { size: 11, bold: true, width: 110 });
  put(pdf, formatKronor(doc.totalOre), x + 100, y, { size: 11, bold: true, width: 115, align: "right" });
  return y + 20;
}

/** What the payer types into the bank: bankgiro or plusgiro, OCR, amount and due date. */
function paymentBox(pdf: Pdf, doc: InvoiceDocument, top: number): number {
  const cells: [string, string][] = [];
  if (doc.seller.bankgiro) cells.push(["Bankgiro", formatBankgiro(doc.seller.bankgiro)]);
  if (doc.seller.plusgiro) cells.push(["Plusgiro", formatPlusgiro(doc.seller.plusgiro)]);
  if (doc.ocr) cells.push(["OCR-nummer", doc.ocr]);
  if (doc.dueDate) cells.push(["Förfallodatum", doc.dueDate]);
  cells.push(["Att betala", formatKronor(doc.totalOre)]);
  artifact(pdf, () => pdf.rect(LEFT, top, WIDTH, 44).lineWidth(1).strokeColor(INK).stroke());
  const cellWidth = WIDTH / cells.length;
  cells.forEach(([label, value], i) => {
    const x = LEFT + 10 + i * cellWidth;
    put(pdf, label, x, top + 8, { size: 7.5, color: MUTED, width: cellWidth - 14 });
    put(pdf, value, x, top + 21, { size: 11, bold: true, width: cellWidth - 14 });
  });
  let y = top + 52;
  if (doc.ocr) {
    y += put(pdf, "Ange OCR-numret vid betalning så att betalningen kan kopplas till fakturan.", LEFT, y, {
      size: 8,
      color: MUTED,
    });
  }
  return y;
}

function closing(pdf: Pdf, doc: InvoiceDocument, top: number): void {
  const left = vatSummary(pdf, doc, top);
  const right = totals(pdf, doc, top);
  let y = Math.max(left, right) + 16;
  if (doc.kind === "invoice") {
    y = paymentBox(pdf, doc, y) + 4;
  } else {
    y += put(pdf, "Beloppet krediteras och ska inte betalas.", LEFT, y, { bold: true }) + 4;
  }
  put(pdf, doc.seller.lateInterestText, LEFT, y, { size: 8, color: MUTED });
}

/** The company facts a Swedish invoice must carry (ML 17 kap. 24 §), and the page number. */
function footer(pdf: Pdf, doc: InvoiceDocument, page: number, pages: number): void {
  const { seller } = doc;
  rule(pdf, FOOTER_TOP - 6);
  const third = WIDTH / 3;
  const blocks = [
    [seller.legalName, ...addressLines(seller.address)],
    [
      organizationNumberLabel(seller.organizationNumber),
      `Momsreg.nr ${seller.vatNumber}`,
      ...(seller.fSkatt ? ["Godkänd för F-skatt"] : []),
    ],
    [
      ...(seller.bankgiro ? [`Bankgiro ${formatBankgiro(seller.bankgiro)}`] : []),
      ...(seller.plusgiro ? [`Plusgiro ${formatPlusgiro(seller.plusgiro)}`] : []),
      seller.invoiceEmail,
    ],
  ];
  blocks.forEach((lines, i) => {
    put(pdf, lines.join("\n"), LEFT + i * third, FOOTER_TOP, { size: 7.5, color: MUTED, width: third - 8 });
  });
  artifact(
    pdf,
    () => put(pdf, `Sida ${page} av ${pages}`, LEFT, 812, { size: 7.5, color: MUTED, align: "right" }),
    "Pagination",
  );
}

export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const { pdf, finish } = openTaggedA4({
    title: `${title(doc)} ${doc.number}`,
    author: doc.seller.legalName,
    subject: `${title(doc)} ${doc.number} till ${doc.buyer.legalName}`,
    creationDate: new Date(`${doc.issueDate}T00:00:00Z`),
  });
  let y = firstPageHeader(pdf, doc);
  within(pdf, "Table", () => {
    y = tableHeader(pdf, y);
    for (const line of doc.lines) {
      const height = lineHeight(pdf, line);
      if (y + height > CONTENT_BOTTOM) {
        pdf.addPage();
        y = continuationHeader(pdf, doc);
        // The header row again for the eye; in the structure the table has it once.
        artifact(pdf, () => {
          y = tableHeader(pdf, y);
        });
      }
      within(pdf, "TR", () => {
        lineCells(line).forEach((cell, i) => {
          const column = COLUMNS[i] ?? COLUMNS[0];
          put(pdf, cell, column.x, y + 3, { tag: "TD", width: column.width, align: column.align });
        });
      });
      y += height;
      rule(pdf, y);
    }
  });
  if (y + 14 + closingHeight(doc) > CONTENT_BOTTOM) {
    pdf.addPage();
    y = continuationHeader(pdf, doc);
  }
  closing(pdf, doc, y + 14);

  // The company facts are read once, after the content; on later pages they repeat as an artifact.
  forEachPage(pdf, (page, pages) => {
    if (page === 1) footer(pdf, doc, page, pages);
    else artifact(pdf, () => footer(pdf, doc, page, pages), "Pagination");
  });
  return finish();
}
