import { fieldError } from "../errors.js";
import { vatOn } from "../money.js";
import type { PartyCost } from "../trainings/costs.js";
import type { InvoiceDocumentLine } from "./document.js";
import { vatCategoryOf } from "./ledger.js";

/**
 * A förbund's invoice lines, taken as they are from its cost breakdown: the lines the owner invoices
 * (every shared share, and print costs the owner paid), in the breakdown's order. No amount is computed
 * here, so the invoice's totals are the breakdown's `invoiced*` figures by construction.
 */
export function invoiceLinesOf(party: PartyCost): InvoiceDocumentLine[] {
  return party.lines
    .filter((line) => line.invoiced)
    .map((line, index) => ({
      position: index + 1,
      description: line.description,
      kind: line.kind,
      netOre: line.netOre,
      vatCategory: vatCategoryOf(line.vatRateBasisPoints),
      vatRateBasisPoints: line.vatRateBasisPoints,
      vatOre: line.vatOre,
    }));
}

export function lineTotals(lines: readonly Pick<InvoiceDocumentLine, "netOre" | "vatOre">[]): {
  netOre: number;
  vatOre: number;
  totalOre: number;
} {
  const netOre = lines.reduce((a, l) => a + l.netOre, 0);
  const vatOre = lines.reduce((a, l) => a + l.vatOre, 0);
  return { netOre, vatOre, totalOre: netOre + vatOre };
}

/** An invoice line with what earlier credit notes already took of it. */
export interface CreditableLine extends InvoiceDocumentLine {
  creditedNetOre: number;
  creditedVatOre: number;
}

/**
 * The lines of a credit note. A credit line keeps the position of the invoice line it credits, so later
 * credit notes know what is left of each line. Whole (`request` null): everything still left. Partial: the
 * net amount per line asked for, never more than is left of it; its VAT is the line's rate on that amount,
 * except that crediting all that is left takes all the VAT that is left, so a line credited in parts comes
 * to exactly its original VAT.
 */
export function creditLinesFor(
  lines: readonly CreditableLine[],
  request: readonly { position: number; netOre: number }[] | null,
): InvoiceDocumentLine[] {
  const left = (line: CreditableLine) => ({
    netOre: line.netOre - line.creditedNetOre,
    vatOre: line.vatOre - line.creditedVatOre,
  });
  const credit = (line: CreditableLine, netOre: number): InvoiceDocumentLine => {
    const rest = left(line);
    const vatOre =
      netOre === rest.netOre ? rest.vatOre : Math.min(rest.vatOre, vatOn(netOre, line.vatRateBasisPoints));
    const { creditedNetOre: _n, creditedVatOre: _v, ...base } = line;
    return { ...base, netOre, vatOre };
  };
  if (request === null) {
    return lines
      .filter((line) => left(line).netOre > 0 || left(line).vatOre > 0)
      .map((line) => credit(line, left(line).netOre));
  }
  const seen = new Set<number>();
  const result = request.map((asked, index) => {
    const line = lines.find((l) => l.position === asked.position);
    if (!line) {
      throw fieldError(
        `body.lines.${index}.position`,
        "unknown_line",
        `Fakturan har ingen rad ${asked.position}.`,
      );
    }
    if (seen.has(asked.position)) {
      throw fieldError(
        `body.lines.${index}.position`,
        "duplicate_line",
        `Rad ${asked.position} anges mer än en gång.`,
      );
    }
    seen.add(asked.position);
    const rest = left(line);
    if (!Number.isSafeInteger(asked.netOre) || asked.netOre <= 0 || asked.netOre > rest.netOre) {
      throw fieldError(
        `body.lines.${index}.netOre`,
        "at_most_left_to_credit",
        `Rad ${asked.position} kan krediteras med högst ${rest.netOre} öre exklusive moms.`,
      );
    }
    return credit(line, asked.netOre);
  });
  return result.sort((a, b) => a.position - b.position);
}
