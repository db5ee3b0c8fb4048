/**
 * Drawing on a pdfkit A4 page for the product's PDFs (invoices, the statistics board report): the page
 * grid, the colours, and text and rules that also go into the PDF's structure tree.
 */

export const LEFT = 50;
export const RIGHT = 545;
export const WIDTH = RIGHT - LEFT;
export const INK = "#1a1a1a";
export const MUTED = "#5a5a5a";
export const RULE = "#b9b9b9";
export const SHADE = "#eef1f5";

export type Pdf = PDFKit.PDFDocument;
type Structure = PDFKit.PDFStructureElement;

/**
 * The PDF is tagged, so a screen reader gets headings, paragraphs and tables in reading order: `put`
 * adds its text to the structure element the page is being written into, and what repeats on every page
 * (rules, the continuation heading, the repeated table header) is marked as an artifact instead.
 */
const containers = new WeakMap<Pdf, Structure>();

/** The document's root in the structure tree, which `put` writes into until told otherwise. */
export function beginStructure(pdf: Pdf): Structure {
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  containers.set(pdf, root);
  return root;
}

export function within(
  pdf: Pdf,
  tag: string,
  draw: () => void,
  options?: PDFKit.Mixins.StructureElementOptions,
): void {
  const outer = containers.get(pdf);
  // Inside an artifact nothing is structure.
  if (!outer) {
    draw();
    return;
  }
  const element = pdf.struct(tag, options);
  outer.add(element);
  containers.set(pdf, element);
  draw();
  containers.set(pdf, outer);
  element.end();
}

export function artifact(pdf: Pdf, draw: () => void, type?: "Pagination"): void {
  const outer = containers.get(pdf);
  if (!outer) {
    draw();
    return;
  }
  containers.delete(pdf);
  pdf.markContent("Artifact", type ? { type } : undefined);
  draw();
  pdf.endMarkedContent();
  containers.set(pdf, outer);
}

/**
 * A drawing a screen reader announces by its alternative text: everything drawn inside, labels included,
 * is the figure's content rather than structure of its own, so the alt text must say what it shows.
 */
export function figure(pdf: Pdf, alt: string, draw: () => void): void {
  const outer = containers.get(pdf);
  if (!outer) {
    draw();
    return;
  }
  containers.delete(pdf);
  outer.add(pdf.struct("Figure", { alt: printable(alt) }, draw));
  containers.set(pdf, outer);
}

/** WinAnsi beyond Latin-1: the characters of 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const SUBSTITUTES: Record<string, string> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2009": " ",
  "\u202f": "\u00a0",
  "\u2032": "'",
  "\u2033": '"',
};

function inWinAnsi(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return (
    c === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c)
  );
}

/**
 * Text as the standard fonts can show it. pdfkit writes a character outside WinAnsi as whatever byte it
 * happens to map to, which would print a wrong letter on a legal document; instead a typographic variant
 * becomes its plain form, a letter with an accent WinAnsi lacks loses the accent (ň → n), and anything
 * else becomes `?`, visibly missing rather than silently wrong.
 */
export function printable(text: string): string {
  return [...text.normalize("NFC")]
    .map((c) => {
      if (inWinAnsi(c)) return c;
      const substitute = SUBSTITUTES[c];
      if (substitute) return substitute;
      const bare = c.normalize("NFD").replace(/\p{M}/gu, "");
      return bare !== "" && bare !== c && [...bare].every(inWinAnsi) ? bare : "?";
    })
    .join("");
}

export interface TextStyle {
  /** The structure tag: `P` unless a heading or table cell. */
  tag?: string;
  size?: number;
  bold?: boolean;
  color?: string;
  width?: number;
  align?: "left" | "right" | "center";
  /** What a screen reader says instead of the text, e.g. `Uppgift saknas` for a dash. */
  actual?: string;
}

export function put(pdf: Pdf, raw: string, x: number, y: number, style: TextStyle = {}): number {
  const text = printable(raw);
  pdf
    .font(style.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(style.size ?? 9)
    .fillColor(style.color ?? INK);
  const options = { width: style.width ?? WIDTH, align: style.align ?? "left", lineGap: 1 };
  const draw = () => pdf.text(text, x, y, options);
  const parent = containers.get(pdf);
  if (parent) parent.add(pdf.struct(style.tag ?? "P", style.actual ? { actual: style.actual } : {}, draw));
  else draw();
  return pdf.heightOfString(text, options);
}

export function rule(pdf: Pdf, y: number, from = LEFT, to = RIGHT): void {
  artifact(pdf, () => pdf.moveTo(from, y).lineTo(to, y).lineWidth(0.5).strokeColor(RULE).stroke());
}
