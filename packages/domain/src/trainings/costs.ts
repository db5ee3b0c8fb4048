import { splitByLargestRemainder, vatOn } from "../money.js";

export const COST_SPLIT_RULES = ["equal", "seats"] as const;
export type CostSplitRule = (typeof COST_SPLIT_RULES)[number];

export interface SharedCostLine {
  description: string;
  /** Net amount of the whole line in öre, shared between the förbund. */
  amountOre: number;
  vatRateBasisPoints: number;
}

export interface CostParty {
  organizationId: string;
  /** Allocated seats; the weight under the `seats` rule. */
  seats: number | null;
  /**
   * The förbund's own costs, never shared. `paidBy` `owner`: the training's owner (NNS) paid the printer
   * and invoices the förbund for it; `organization` (the default): the förbund paid it itself.
   */
  printCosts: readonly {
    description: string;
    amountOre: number;
    vatRateBasisPoints: number;
    paidBy?: PrintPaidBy;
  }[];
}

export const PRINT_PAID_BY = ["organization", "owner"] as const;
export type PrintPaidBy = (typeof PRINT_PAID_BY)[number];

export interface PartyCostLine {
  description: string;
  kind: "shared" | "print";
  netOre: number;
  vatRateBasisPoints: number;
  vatOre: number;
  /** Print lines: who paid the printer; null for a share of the shared cost. */
  paidBy: PrintPaidBy | null;
  /** Whether the owner invoices this line: every shared share, and print costs the owner paid. */
  invoiced: boolean;
}

export interface PartyCost {
  organizationId: string;
  lines: PartyCostLine[];
  sharedNetOre: number;
  printNetOre: number;
  vatOre: number;
  totalOre: number;
  /** What the owner invoices this förbund: the `invoiced` lines. Its invoice's totals are exactly these. */
  invoicedNetOre: number;
  invoicedVatOre: number;
  invoicedTotalOre: number;
}

export interface CostBreakdown {
  rule: CostSplitRule;
  sharedNetOre: number;
  parties: PartyCost[];
  netOre: number;
  vatOre: number;
  totalOre: number;
}

/**
 * Each förbund's cost for one training: its share of every shared line (split by largest remainder, ties
 * to the förbund that joined first, which is the order `parties` must be given in), VAT on that share,
 * and its own print costs with their VAT. VAT is computed per line and förbund, as each förbund is
 * invoiced separately. Invoicing reads this breakdown; nothing else computes amounts.
 */
export function costBreakdown(
  rule: CostSplitRule,
  lines: readonly SharedCostLine[],
  parties: readonly CostParty[],
): CostBreakdown {
  const sharedNetOre = lines.reduce((a, l) => a + l.amountOre, 0);
  if (parties.length === 0) return { rule, sharedNetOre, parties: [], netOre: 0, vatOre: 0, totalOre: 0 };
  const weights = parties.map((p) => (rule === "seats" ? (p.seats ?? 0) : 1));
  if (rule === "seats" && weights.some((w) => w <= 0)) {
    throw new RangeError("every förbund needs an allocation of seats to split by seats");
  }
  const shares = lines.map((line) => splitByLargestRemainder(line.amountOre, weights));
  const result = parties.map((party, index): PartyCost => {
    const partyLines: PartyCostLine[] = lines.map((line, lineIndex) => {
      const netOre = shares[lineIndex]?.[index] ?? 0;
      return {
        description: line.description,
        kind: "shared",
        netOre,
        vatRateBasisPoints: line.vatRateBasisPoints,
        vatOre: vatOn(netOre, line.vatRateBasisPoints),
        paidBy: null,
        invoiced: true,
      };
    });
    for (const print of party.printCosts) {
      const paidBy = print.paidBy ?? "organization";
      partyLines.push({
        description: print.description,
        kind: "print",
        netOre: print.amountOre,
        vatRateBasisPoints: print.vatRateBasisPoints,
        vatOre: vatOn(print.amountOre, print.vatRateBasisPoints),
        paidBy,
        invoiced: paidBy === "owner",
      });
    }
    const sum = (kind: PartyCostLine["kind"] | null, key: "netOre" | "vatOre") =>
      partyLines.filter((l) => kind === null || l.kind === kind).reduce((a, l) => a + l[key], 0);
    const vatOre = sum(null, "vatOre");
    const invoiced = partyLines.filter((l) => l.invoiced);
    const invoicedNetOre = invoiced.reduce((a, l) => a + l.netOre, 0);
    const invoicedVatOre = invoiced.reduce((a, l) => a + l.vatOre, 0);
    return {
      organizationId: party.organizationId,
      lines: partyLines,
      sharedNetOre: sum("shared", "netOre"),
      printNetOre: sum("print", "netOre"),
      vatOre,
      totalOre: sum(null, "netOre") + vatOre,
      invoicedNetOre,
      invoicedVatOre,
      invoicedTotalOre: invoicedNetOre + invoicedVatOre,
    };
  });
  const total = (key: "vatOre" | "totalOre") => result.reduce((a, p) => a + p[key], 0);
  return {
    rule,
    sharedNetOre,
    parties: result,
    netOre: result.reduce((a, p) => a + p.sharedNetOre + p.printNetOre, 0),
    vatOre: total("vatOre"),
    totalOre: total("totalOre"),
  };
}
