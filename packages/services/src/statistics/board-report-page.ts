import { QUARTILE_SHORT_SV, type Quartile } from "@nns/domain";
import { artifact, INK, LEFT, MUTED, type Pdf, put, RIGHT, rule, WIDTH } from "../pdf/drawing.js";

/**
 * The board report's page furniture and flow: where content may go, the running header and footer every
 * page carries (title, demo marker, source, "Sida n av m"), and the quartile swatch that always stands
 * beside its word.
 */

/** Content of pages after the first starts below the running header and stops above the footer. */
export const CONTENT_TOP = 68;
export const CONTENT_BOTTOM = 780;
const FOOTER_TOP = 792;

/** SCB's report colours, darkened enough to tell apart in greyscale print; the word carries the meaning. */
export const QUARTILE_COLOURS: Record<Quartile, string> = {
  low: "#3d9a4b",
  middle: "#f2c230",
  high: "#d2392b",
};
export const DEMO_RED = "#b3261e";

export const DEMO_MARKER = "Demodata – påhittade siffror";

/** The y where the next block goes, and a new page when it would not fit above the footer. */
export class Flow {
  y: number;

  constructor(
    private readonly pdf: Pdf,
    top: number,
  ) {
    this.y = top;
  }

  /** Makes room for `height` points, starting a page if needed; true when it did. */
  need(height: number): boolean {
    if (this.y + height <= CONTENT_BOTTOM) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = CONTENT_TOP;
  }
}

/** A coloured square and the quartile's word; a missing quartile leaves the cell empty, without colour. */
export function quartileCell(pdf: Pdf, quartile: Quartile | null, x: number, y: number, tag = "TD"): void {
  if (quartile === null) {
    put(pdf, "", x, y, { tag, size: 8, width: 40 });
    return;
  }
  swatch(pdf, QUARTILE_COLOURS[quartile], x, y + 0.5);
  put(pdf, QUARTILE_SHORT_SV[quartile], x + 11, y, { tag, size: 8, width: 36 });
}

/** Decorative: the word beside it says the same. */
export function swatch(pdf: Pdf, colour: string, x: number, y: number, size = 8): void {
  artifact(pdf, () => {
    pdf.lineWidth(0.4).rect(x, y, size, size).fillAndStroke(colour, INK);
  });
}

export interface PageFurniture {
  title: string;
  subject: string;
  sourceLine: string;
  isDemo: boolean;
}

/**
 * What repeats on every page, all of it an artifact: the first page says it all in its body already, and
 * a screen reader should not hear it again on every page. The demo marker is in every page's footer, so
 * a page printed or copied alone still says its figures are made up.
 */
export function drawFurniture(pdf: Pdf, furniture: PageFurniture, page: number, pages: number): void {
  artifact(
    pdf,
    () => {
      if (page > 1) {
        put(pdf, `${furniture.title} · ${furniture.subject}`, LEFT, 36, { size: 8, color: MUTED });
        rule(pdf, 50);
      }
      rule(pdf, FOOTER_TOP - 5);
      const sourceWidth = furniture.isDemo ? WIDTH - 230 : WIDTH - 70;
      put(pdf, furniture.sourceLine, LEFT, FOOTER_TOP, { size: 7, color: MUTED, width: sourceWidth });
      if (furniture.isDemo) {
        put(pdf, DEMO_MARKER, LEFT + sourceWidth + 8, FOOTER_TOP, {
          size: 7,
          bold: true,
          color: DEMO_RED,
          width: 150,
        });
      }
      put(pdf, `Sida ${page} av ${pages}`, RIGHT - 70, FOOTER_TOP, {
        size: 7.5,
        color: MUTED,
        width: 70,
        align: "right",
      });
    },
    "Pagination",
  );
}
