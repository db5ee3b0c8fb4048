import {
  type CreditableLine,
  costBreakdown,
  creditLinesFor,
  type InvoiceDocumentLine,
  invoiceLinesOf,
  invoiceStatus,
  lineTotals,
  vatSummary,
} from "@nns/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const RATES = [2500, 1200, 600, 0];
const rate = fc.constantFrom(...RATES);
const amount = fc.integer({ min: 1, max: 20_000_000 });

const sharedLines = fc.array(
  fc.record({ description: fc.constant("Delad kostnad"), amountOre: amount, vatRateBasisPoints: rate }),
  { minLength: 1, maxLength: 4 },
);

const party = (id: number) =>
  fc.record({
    organizationId: fc.constant(`forbund-${id}`),
    seats: fc.integer({ min: 1, max: 25 }),
    printCosts: fc.array(
      fc.record({
        description: fc.constant("Tryck"),
        amountOre: amount,
        vatRateBasisPoints: rate,
        paidBy: fc.constantFrom("organization" as const, "owner" as const),
      }),
      { maxLength: 3 },
    ),
  });

const breakdowns = fc
  .tuple(fc.constantFrom("equal" as const, "seats" as const), sharedLines, fc.integer({ min: 1, max: 6 }))
  .chain(([rule, lines, count]) =>
    fc.tuple(
      fc.constant(rule),
      fc.constant(lines),
      fc.tuple(...Array.from({ length: count }, (_, i) => party(i))),
    ),
  )
  .map(([rule, lines, parties]) => ({ lines, parties, breakdown: costBreakdown(rule, lines, parties) }));

const untouched = (lines: InvoiceDocumentLine[]): CreditableLine[] =>
  lines.map((l) => ({ ...l, creditedNetOre: 0, creditedVatOre: 0 }));

describe("invoices drawn from random cost breakdowns", () => {
  it("each förbund's invoice totals its invoiced figures; all of them, the shared price plus owner-paid print", () => {
    fc.assert(
      fc.property(breakdowns, ({ lines, parties, breakdown }) => {
        let net = 0;
        for (const p of breakdown.parties) {
          const invoice = invoiceLinesOf(p);
          expect(lineTotals(invoice)).toEqual({
            netOre: p.invoicedNetOre,
            vatOre: p.invoicedVatOre,
            totalOre: p.invoicedTotalOre,
          });
          net += lineTotals(invoice).netOre;
        }
        const ownerPrint = parties
          .flatMap((p) => p.printCosts)
          .filter((c) => c.paidBy === "owner")
          .reduce((a, c) => a + c.amountOre, 0);
        expect(net).toBe(lines.reduce((a, l) => a + l.amountOre, 0) + ownerPrint);
      }),
    );
  });

  it("the VAT summary per rate is the VAT of the invoiced breakdown lines at that rate", () => {
    fc.assert(
      fc.property(breakdowns, ({ breakdown }) => {
        for (const p of breakdown.parties) {
          const summary = vatSummary(invoiceLinesOf(p));
          for (const r of RATES) {
            const expected = p.lines
              .filter((l) => l.invoiced && l.vatRateBasisPoints === r)
              .reduce((a, l) => ({ net: a.net + l.netOre, vat: a.vat + l.vatOre }), { net: 0, vat: 0 });
            const row = summary.find((s) => s.vatRateBasisPoints === r);
            expect({ net: row?.taxableOre ?? 0, vat: row?.vatOre ?? 0 }).toEqual(expected);
            if (row) expect(row.vatCategory).toBe(r === 0 ? "E" : "S");
          }
        }
      }),
    );
  });

  it("a whole credit note, after any partial ones, brings the balance to exactly zero", () => {
    fc.assert(
      fc.property(
        breakdowns,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        (b, cuts) => {
          for (const p of b.breakdown.parties) {
            const invoice = invoiceLinesOf(p);
            if (invoice.length === 0) continue;
            const creditable = untouched(invoice);
            let credited = 0;
            for (const cut of cuts) {
              const request = creditable
                .map((l) => ({
                  position: l.position,
                  netOre: Math.floor((l.netOre - l.creditedNetOre) * cut),
                }))
                .filter((r) => r.netOre > 0);
              if (request.length === 0) continue;
              for (const line of creditLinesFor(creditable, request)) {
                const target = creditable.find((l) => l.position === line.position) as CreditableLine;
                target.creditedNetOre += line.netOre;
                target.creditedVatOre += line.vatOre;
                credited += line.netOre + line.vatOre;
                expect(target.creditedVatOre).toBeLessThanOrEqual(target.vatOre);
              }
            }
            credited += lineTotals(creditLinesFor(creditable, null)).totalOre;
            const totalOre = p.invoicedTotalOre;
            expect(invoiceStatus({ issued: true, totalOre, creditedOre: credited, paidOre: 0 })).toEqual({
              status: "credited",
              balanceOre: 0,
            });
          }
        },
      ),
    );
  });
});
