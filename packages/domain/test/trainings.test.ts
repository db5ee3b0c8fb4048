import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  certificationStatus,
  costBreakdown,
  countyRelation,
  followUpFigures,
  hasFreeSeat,
  isCertifiedFor,
  nextToPromote,
  type PairableRequest,
  seatsLeft,
  suggestPairings,
} from "../src/index.js";

describe("cost breakdown", () => {
  const bip = [{ description: "BIP/SKAPA", amountOre: 5_000_000, vatRateBasisPoints: 2500 }];
  const party = (
    organizationId: string,
    seats: number | null = null,
    printCosts: { description: string; amountOre: number; vatRateBasisPoints: number }[] = [],
  ) => ({
    organizationId,
    seats,
    printCosts,
  });

  it("gives two förbund sharing 50 000 kr 25 000 kr each, with VAT on each share", () => {
    const result = costBreakdown("equal", bip, [party("a"), party("b")]);
    expect(result.parties.map((p) => p.sharedNetOre)).toEqual([2_500_000, 2_500_000]);
    expect(result.parties.map((p) => p.vatOre)).toEqual([625_000, 625_000]);
    expect(result.totalOre).toBe(6_250_000);
  });

  it("keeps print costs with the förbund that added them", () => {
    const result = costBreakdown("equal", bip, [
      party("a", null, [{ description: "Tryck", amountOre: 120_000, vatRateBasisPoints: 2500 }]),
      party("b"),
    ]);
    expect(result.parties[0]).toMatchObject({
      sharedNetOre: 2_500_000,
      printNetOre: 120_000,
      vatOre: 655_000,
      totalOre: 3_275_000,
    });
    expect(result.parties[1]).toMatchObject({ printNetOre: 0, totalOre: 3_125_000 });
  });

  it("splits by seats in proportion, ties to the förbund that joined first", () => {
    const result = costBreakdown(
      "seats",
      [{ description: "x", amountOre: 100, vatRateBasisPoints: 0 }],
      [party("a", 1), party("b", 1), party("c", 1)],
    );
    expect(result.parties.map((p) => p.sharedNetOre)).toEqual([34, 33, 33]);
    const weighted = costBreakdown("seats", bip, [party("a", 15), party("b", 10)]);
    expect(weighted.parties.map((p) => p.sharedNetOre)).toEqual([3_000_000, 2_000_000]);
  });

  it("refuses the seats rule when a förbund has no seats", () => {
    expect(() => costBreakdown("seats", bip, [party("a", 10), party("b", null)])).toThrow(RangeError);
  });

  it("always sums shares to the shared total, each the floor or ceiling of its exact share", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("equal" as const, "seats" as const),
        (amounts, seats, rule) => {
          const lines = amounts.map((amountOre) => ({
            description: "l",
            amountOre,
            vatRateBasisPoints: 2500,
          }));
          const result = costBreakdown(
            rule,
            lines,
            seats.map((s, i) => party(`p${i}`, s)),
          );
          const total = amounts.reduce((a, b) => a + b, 0);
          expect(result.parties.reduce((a, p) => a + p.sharedNetOre, 0)).toBe(total);
          const weights = seats.map((s) => (rule === "seats" ? s : 1));
          const weightSum = weights.reduce((a, b) => a + b, 0);
          for (const [lineIndex, line] of lines.entries()) {
            for (const [i, p] of result.parties.entries()) {
              const share = p.lines[lineIndex]?.netOre ?? -1;
              const exact = (line.amountOre * (weights[i] as number)) / weightSum;
              expect(share === Math.floor(exact) || share === Math.ceil(exact)).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe("seats and the waiting list", () => {
  it("gives a seat while the session and the förbund's allocation have room", () => {
    expect(hasFreeSeat({ capacity: 25, confirmed: 24 }, { allocation: null, confirmed: 24 })).toBe(true);
    expect(hasFreeSeat({ capacity: 25, confirmed: 25 }, { allocation: null, confirmed: 25 })).toBe(false);
    expect(hasFreeSeat({ capacity: 25, confirmed: 10 }, { allocation: 10, confirmed: 10 })).toBe(false);
    expect(hasFreeSeat({ capacity: null, confirmed: 400 }, { allocation: 10, confirmed: 10 })).toBe(true);
    expect(seatsLeft({ capacity: 25, confirmed: 20 }, { allocation: 12, confirmed: 10 })).toBe(2);
    expect(seatsLeft({ capacity: null, confirmed: 20 }, { allocation: 12, confirmed: 10 })).toBeNull();
  });

  it("promotes the earliest waiting person whose förbund still has room", () => {
    const parties = new Map([
      ["a", { allocation: 10, confirmed: 10 }],
      ["b", { allocation: 15, confirmed: 14 }],
    ]);
    const waiting = [
      { id: "w3", organizationId: "b", sequence: 30 },
      { id: "w1", organizationId: "a", sequence: 10 },
      { id: "w2", organizationId: "b", sequence: 20 },
    ];
    expect(nextToPromote({ capacity: 25, confirmed: 24 }, waiting, parties)?.id).toBe("w2");
    expect(nextToPromote({ capacity: 25, confirmed: 25 }, waiting, parties)).toBeNull();
  });
});

describe("certifications", () => {
  const cert = { certifiedOn: "2025-01-01", validUntil: "2027-01-31" };
  it("is valid, expiring within 90 days, or expired", () => {
    expect(certificationStatus(cert, "2026-06-01")).toBe("valid");
    expect(certificationStatus(cert, "2026-11-24")).toBe("expiring");
    expect(certificationStatus(cert, "2027-02-01")).toBe("expired");
    expect(certificationStatus({ ...cert, revokedAt: new Date() }, "2026-06-01")).toBe("revoked");
    expect(certificationStatus({ certifiedOn: "2027-01-01", validUntil: null }, "2026-06-01")).toBe(
      "not_yet_valid",
    );
  });

  it("covers a training only when valid on every one of its days", () => {
    expect(isCertifiedFor([cert], "2027-01-20", "2027-01-31")).toBe(true);
    expect(isCertifiedFor([cert], "2027-01-20", "2027-02-01")).toBe(false);
    expect(
      isCertifiedFor([cert, { certifiedOn: "2027-01-15", validUntil: null }], "2027-01-20", "2027-03-01"),
    ).toBe(true);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("pairing suggestions", () => {
  const request = (id: string, over: Partial<PairableRequest>): PairableRequest => ({
    id,
    organizationId: `org-${id}`,
    countyCode: "13",
    periodStart: "2027-02-01",
    periodEnd: "2027-04-30",
    expectedParticipants: 12,
    deliveryPreference: "either",
    openToSharing: true,
    ...over,
  });

  it("knows which län border each other", () => {
    expect(countyRelation("13", "13")).toBe("same");
    expect(countyRelation("13", "06")).toBe("neighbouring");
    expect(countyRelation("13", "25")).toBe("distant");
    expect(countyRelation("09", "01")).toBe("distant");
  });

  it("pairs förbund open to sharing in the same or a neighbouring län with overlapping periods, same län first", () => {
    const suggestions = suggestPairings([
      request("halland", {}),
      request("jonkoping", { countyCode: "06", periodStart: "2027-04-01", periodEnd: "2027-06-30" }),
      request("halland2", { periodStart: "2027-03-01" }),
      request("norrbotten", { countyCode: "25" }),
      request("closed", { openToSharing: false }),
      request("later", { periodStart: "2027-09-01", periodEnd: "2027-10-01" }),
      request("digital", { deliveryPreference: "digital", countyCode: "14" }),
      request("onsite", { deliveryPreference: "on_site", countyCode: "14" }),
    ]);
    const pairs = suggestions.map((s) => s.requestIds.join("+"));
    expect(pairs[0]).toBe("halland+halland2");
    expect(pairs).toContain("halland+jonkoping");
    expect(pairs.some((p) => p.includes("norrbotten") || p.includes("closed") || p.includes("later"))).toBe(
      false,
    );
    expect(pairs).not.toContain("digital+onsite");
    const hj = suggestions.find((s) => s.requestIds.join("+") === "halland+jonkoping");
    expect(hj).toMatchObject({
      countyRelation: "neighbouring",
      overlap: { start: "2027-04-01", end: "2027-04-30" },
      overlapDays: 30,
      combinedParticipants: 24,
    });
  });
});

describe("follow-up figures", () => {
  it("counts registered, attended and women and men attending, and hides satisfaction below the minimum group", () => {
    const people = [
      { organizationId: "a", gender: "woman" as const, registered: true, attended: true },
      { organizationId: "a", gender: "man" as const, registered: true, attended: true },
      { organizationId: "a", gender: null, registered: true, attended: true },
      { organizationId: "a", gender: "woman" as const, registered: true, attended: false },
    ];
    const answers = [4, 5, 3, 4].map((overall) => ({
      organizationId: "a",
      scores: { overall },
      comment: "Bra",
    }));
    const few = followUpFigures(people, answers, 5);
    expect(few).toMatchObject({
      registered: 4,
      attended: 3,
      attendedWomen: 1,
      attendedMen: 1,
      attendedOtherOrNotStated: 1,
    });
    expect(few.satisfaction).toEqual({ responses: 4, averages: null, distribution: null, comments: null });
    const enough = followUpFigures(
      people,
      [...answers, { organizationId: "a", scores: { overall: 5 }, comment: null }],
      5,
    );
    expect(enough.satisfaction.averages?.overall).toBe(4.2);
    expect(enough.satisfaction.averages?.content).toBeNull();
    // Scores 4, 5, 3, 4, 5: none gave 1 or 2.
    expect(enough.satisfaction.distribution?.overall).toEqual([0, 0, 1, 2, 2]);
    expect(enough.satisfaction.distribution?.content).toEqual([0, 0, 0, 0, 0]);
    expect(enough.satisfaction.comments).toEqual(["Bra", "Bra", "Bra", "Bra"]);
  });
});
