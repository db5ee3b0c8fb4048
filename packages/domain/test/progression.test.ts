import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AggregateCell,
  checkAnswers,
  containsPersonalIdentityNumber,
  groupFigures,
  type InstrumentDefinition,
  occasions,
  PARTICIPANT_CODE,
  PARTICIPANT_CODE_ALPHABET,
  participantCode,
  suppress,
} from "../src/progression/index.js";

const K = 5;
const groups = (...ns: number[]) => ns.map((n, i) => ({ key: String.fromCharCode(97 + i), n }));
const hiddenOf = (s: ReturnType<typeof suppress>) => Object.fromEntries(s.hidden);

describe("suppress", () => {
  it("shows a group of k and hides one of k − 1", () => {
    expect(hiddenOf(suppress(groups(K, K, K), 3 * K, K))).toEqual({});
    const below = suppress(groups(K - 1, K, K + 1), 3 * K, K);
    expect(below.hidden.get("a")).toBe("too_few");
  });

  it("hides the smallest other group with people when exactly one is hidden", () => {
    const s = suppress(groups(2, 9, 6, 7), 24, K);
    expect(hiddenOf(s)).toEqual({ a: "too_few", c: "complementary" });
    expect(s.totalHidden).toBe(false);
  });

  it("shows empty groups: they say nothing about anyone, and are no complement", () => {
    const s = suppress(groups(0, 3, 8, 0), 11, K);
    expect(hiddenOf(s)).toEqual({ b: "too_few", c: "complementary" });
  });

  it("hides the total when a lone hidden group has no complement", () => {
    // The total (8) is at least k, but beside only empty groups it would give the group of three away.
    const s = suppress(groups(3, 0), 8, K);
    expect(hiddenOf(s)).toEqual({ a: "too_few" });
    expect(s.totalHidden).toBe(true);
  });

  it("needs no complement when the hidden groups hold at least k between them", () => {
    const s = suppress(groups(2, 4, 9), 15, K);
    expect(hiddenOf(s)).toEqual({ a: "too_few", b: "too_few" });
    expect(s.totalHidden).toBe(false);
  });

  it("hides another group when the hidden ones hold fewer than k between them", () => {
    // One and one: the total minus the shown groups would describe two people together.
    const s = suppress(groups(1, 1, 10, 12), 24, K);
    expect(hiddenOf(s)).toEqual({ a: "too_few", b: "too_few", c: "complementary" });
    expect(s.totalHidden).toBe(false);
  });

  it("hides everything when the total is under k", () => {
    const s = suppress(groups(2, 2), 4, K);
    expect(s.totalHidden).toBe(true);
    expect(hiddenOf(s)).toEqual({ a: "too_few", b: "too_few" });
  });

  it("never lets the total minus the shown groups describe fewer than k people, or one group", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 10 }),
        (sizes, k) => {
          const table = groups(...sizes);
          const total = sizes.reduce((a, b) => a + b, 0);
          const { hidden, totalHidden } = suppress(table, total, k);
          // Every group under k with people in it is hidden.
          for (const g of table) if (g.n > 0 && g.n < k) expect(hidden.has(g.key)).toBe(true);
          if (totalHidden) return;
          const shown = table.filter((g) => !hidden.has(g.key)).reduce((sum, g) => sum + g.n, 0);
          if (hidden.size === 0) return;
          expect(total - shown).toBeGreaterThanOrEqual(k);
          expect(table.filter((g) => hidden.has(g.key) && g.n > 0).length).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const scale = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Inte alls" },
    { value: 5, label: "Helt" },
  ],
};
const DEFINITION: InstrumentDefinition = {
  items: [
    {
      code: "A",
      label: "Arbete",
      group: "Arbete",
      questions: { participant: "Jag söker arbete.", coach: "Söker arbete." },
      scale,
      direction: "higher_is_better",
    },
    {
      code: "B",
      label: "Oro",
      group: "Hälsa",
      questions: { participant: "Jag känner oro." },
      scale,
      direction: "lower_is_better",
    },
    {
      code: "C",
      label: "Samarbete",
      group: "Samspel",
      questions: { coach: "Samarbetar." },
      scale,
      direction: "higher_is_better",
    },
  ],
};
const PARTICIPANT_ITEMS = DEFINITION.items.slice(0, 2);

describe("groupFigures", () => {
  const cell = (
    group: string | null,
    itemIndex: number,
    n: number,
    sums: [number, number],
    counts: [number, number, number],
  ): AggregateCell => ({
    group,
    itemIndex,
    n,
    firstSum: sums[0],
    latestSum: sums[1],
    improved: counts[0],
    unchanged: counts[1],
    worse: counts[2],
  });
  // Group a: six people; group b: five, none asked item B; the total over both.
  const cells = [
    cell(null, 1, 11, [22, 28], [5, 4, 2]),
    cell(null, 2, 6, [24, 15], [5, 1, 0]),
    cell("a", 1, 6, [12, 18], [4, 1, 1]),
    cell("a", 2, 6, [24, 15], [5, 1, 0]),
    cell("b", 1, 5, [10, 10], [1, 3, 1]),
  ];

  it("gives means, distance travelled in the better direction and shares, as worked out by hand", () => {
    const { total, groups: byGroup } = groupFigures(cells, PARTICIPANT_ITEMS, K);
    expect(total).toEqual({
      group: null,
      suppressed: false,
      n: 11,
      items: [
        {
          code: "A",
          label: "Arbete",
          meanFirst: 2,
          meanLatest: 2.55,
          distance: 0.55,
          improvedPercent: 45.5,
          unchangedPercent: 36.4,
          worsePercent: 18.2,
        },
        {
          code: "B",
          label: "Oro",
          meanFirst: 4,
          meanLatest: 2.5,
          distance: 1.5,
          improvedPercent: 83.3,
          unchangedPercent: 16.7,
          worsePercent: 0,
        },
      ],
    });
    expect(byGroup).toEqual([
      {
        group: "a",
        suppressed: false,
        n: 6,
        items: [
          {
            code: "A",
            label: "Arbete",
            meanFirst: 2,
            meanLatest: 3,
            distance: 1,
            improvedPercent: 66.7,
            unchangedPercent: 16.7,
            worsePercent: 16.7,
          },
          {
            code: "B",
            label: "Oro",
            meanFirst: 4,
            meanLatest: 2.5,
            distance: 1.5,
            improvedPercent: 83.3,
            unchangedPercent: 16.7,
            worsePercent: 0,
          },
        ],
      },
      {
        group: "b",
        suppressed: false,
        n: 5,
        items: [
          {
            code: "A",
            label: "Arbete",
            meanFirst: 2,
            meanLatest: 2,
            distance: 0,
            improvedPercent: 20,
            unchangedPercent: 60,
            worsePercent: 20,
          },
          {
            code: "B",
            label: "Oro",
            meanFirst: 0,
            meanLatest: 0,
            distance: 0,
            improvedPercent: null,
            unchangedPercent: null,
            worsePercent: null,
          },
        ],
      },
    ]);
  });

  it("withholds a group under k and its complement, keeping the total", () => {
    const { total, groups: byGroup } = groupFigures(cells, PARTICIPANT_ITEMS, 6);
    expect(total).toMatchObject({ suppressed: false, n: 11 });
    expect(byGroup).toEqual([
      { group: "a", suppressed: true, reason: "complementary" },
      { group: "b", suppressed: true, reason: "too_few" },
    ]);
  });
});

describe("occasions", () => {
  it("marks the start done and the first follow-up due about three months in", () => {
    expect(occasions({ startDate: "2026-01-01", endDate: null }, ["2026-01-03"], "2026-04-05")).toEqual([
      { kind: "start", dueOn: "2026-01-01", state: "done", measuredOn: "2026-01-03" },
      { kind: "follow_up", dueOn: "2026-04-02", state: "due", measuredOn: null },
    ]);
  });

  it("fulfils each occasion with its nearest measurement and marks a missed end overdue", () => {
    expect(
      occasions(
        { startDate: "2026-01-01", endDate: "2026-06-30" },
        ["2026-04-10", "2026-01-01"],
        "2026-09-01",
      ),
    ).toEqual([
      { kind: "start", dueOn: "2026-01-01", state: "done", measuredOn: "2026-01-01" },
      { kind: "follow_up", dueOn: "2026-04-02", state: "done", measuredOn: "2026-04-10" },
      { kind: "end", dueOn: "2026-06-30", state: "overdue", measuredOn: null },
    ]);
  });

  it("calls an overdue occasion missed once a later one is done or due, so it stops asking", () => {
    // The start was never measured; the first follow-up was.
    const [start, followUp] = occasions(
      { startDate: "2026-01-01", endDate: null },
      ["2026-04-01"],
      "2026-04-20",
    );
    expect(start).toMatchObject({ kind: "start", state: "missed" });
    expect(followUp).toMatchObject({ kind: "follow_up", state: "done" });
    // Nothing measured: only the latest open occasion asks; the earlier ones are missed.
    const none = occasions({ startDate: "2026-01-01", endDate: null }, [], "2026-07-20");
    expect(none.map((o) => o.state)).toEqual(["missed", "missed", "due"]);
    // Still overdue while nothing later has begun.
    expect(occasions({ startDate: "2026-01-01", endDate: null }, [], "2026-02-10")[0]?.state).toBe("overdue");
  });

  it("keeps an occasion more than 30 days ahead upcoming", () => {
    const [, followUp] = occasions({ startDate: "2026-01-01", endDate: null }, ["2026-01-01"], "2026-02-15");
    expect(followUp).toMatchObject({ dueOn: "2026-04-02", state: "upcoming" });
  });
});

describe("checkAnswers", () => {
  it("returns the values in item order for a complete answer", () => {
    expect(checkAnswers(DEFINITION, "participant", { B: 2, A: 4 })).toEqual({ ok: true, values: [4, 2] });
    expect(checkAnswers(DEFINITION, "coach", { A: 1, C: 5 })).toEqual({ ok: true, values: [1, 5] });
  });

  it("names every unknown, missing and off-scale answer", () => {
    const result = checkAnswers(DEFINITION, "participant", { A: 6, C: 3, X: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.rule])).toEqual([
      ["answers.C", "unknown_item"],
      ["answers.X", "unknown_item"],
      ["answers.A", "scale"],
      ["answers.B", "required"],
    ]);
    const half = checkAnswers(DEFINITION, "participant", { A: 2.5, B: 1 });
    expect(half.ok ? [] : half.errors.map((e) => e.rule)).toEqual(["scale"]);
  });
});

describe("containsPersonalIdentityNumber", () => {
  it.each([
    "19850612-1234",
    "850612-1234",
    "8506121234",
    "198506121234",
    "850612+1234",
    "850672-1234",
    "Deltagaren (850612 1234) har börjat",
  ])("finds %s", (text) => expect(containsPersonalIdentityNumber(text)).toBe(true));

  it.each([
    "0739876543",
    "08-123 456 78",
    "073-987 65 43",
    "Möte 2026-11-24 kl. 10",
    "20 deltagare, 3 av 12 klara",
    "851312-1234",
    "850600-1234",
  ])("lets %s pass", (text) => expect(containsPersonalIdentityNumber(text)).toBe(false));
});

describe("participantCode", () => {
  it("maps bytes onto the alphabet without look-alike characters", () => {
    expect(participantCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]))).toBe("2345-6789");
    expect(participantCode(new Uint8Array([31, 30, 255, 8, 9, 10, 11, 12]))).toBe("2Z9A-BCDE");
    expect(PARTICIPANT_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(() => participantCode(new Uint8Array(7))).toThrow();
  });

  it("always makes a code of the documented shape", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        expect(participantCode(bytes)).toMatch(PARTICIPANT_CODE);
      }),
    );
  });
});
