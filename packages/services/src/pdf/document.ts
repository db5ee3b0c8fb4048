import PDFDocument from "pdfkit";
import { beginStructure, LEFT, type Pdf, RIGHT } from "./drawing.js";

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  /** Fixed by the content (an issue date, an import time), so the same content gives the same bytes. */
  creationDate: Date;
}

/**
 * A tagged A4 PDF in Swedish on the page grid of drawing.ts. Pages are buffered so that footers with
 * "Sida n av m" can be written once the page count is known (`forEachPage`). Helvetica is one of the PDF
 * standard fonts in WinAnsi encoding, which holds å, ä, ö and é, so nothing is embedded; pdfkit derives
 * the file id from the document info, so the output is byte-identical for the same content.
 */
export function openTaggedA4(info: PdfInfo): { pdf: Pdf; finish: () => Promise<Buffer> } {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 50, bottom: 20, left: LEFT, right: 595.28 - RIGHT },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: "sv-SE",
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: "NNS-plattformen",
      Producer: "NNS-plattformen (PDFKit)",
      CreationDate: info.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const root = beginStructure(pdf);
  return {
    pdf,
    finish: () => {
      root.end();
      pdf.end();
      return done;
    },
  };
}

/** Visits every page once all are laid out, with its number from 1 and the count. */
export function forEachPage(pdf: Pdf, visit: (page: number, pages: number) => void): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    visit(i - start + 1, count);
  }
}
