import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// Metrics of the 14 standard fonts, which the PDF names but does not embed.
const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts/",
);

export function openPdf(pdf: Buffer) {
  return getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, standardFontDataUrl }).promise;
}

/** The text of each page as a reader (or a screen reader) gets it, with Swedish spaces made plain. */
export async function pagesText(pdf: Buffer): Promise<string[]> {
  const document = await openPdf(pdf);
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join("\n");
    pages.push(text.replace(/\u00a0/g, " "));
  }
  await document.destroy();
  return pages;
}

type StructNode = { role?: string; children?: StructNode[] };

/** The structure roles of each page, depth first, as assistive technology walks them. */
export async function pageRoles(pdf: Buffer): Promise<string[][]> {
  const document = await openPdf(pdf);
  const roles = (node: StructNode): string[] => [
    ...(node.role ? [node.role] : []),
    ...(node.children ?? []).flatMap(roles),
  ];
  const pages: string[][] = [];
  for (let n = 1; n <= document.numPages; n++) {
    pages.push(roles((await (await document.getPage(n)).getStructTree()) as StructNode));
  }
  await document.destroy();
  return pages;
}
