import type { Gender } from "./follow-up.js";

/** The cost lines of an event day (lokal, fika, föreläsare, övrigt). */
export const EVENT_COST_CATEGORIES = ["venue", "catering", "speaker", "other"] as const;
export type EventCostCategory = (typeof EVENT_COST_CATEGORIES)[number];

export interface EventFiguresInput {
  registered: number;
  attended: number;
  attendedWomen: number;
  attendedMen: number;
  attendedOther: number;
  surveyResponses: number | null;
  /** The survey's average on its 1–5 scale. */
  satisfaction: number | null;
}

export interface FigureProblem {
  field: keyof EventFiguresInput;
  rule: string;
  message: string;
}

/**
 * What the counts of a day must agree on. More may attend than registered (people come on the day), but
 * no more women, men and others than attended, and no more survey answers than people there.
 */
export function eventFigureProblems(input: EventFiguresInput): FigureProblem[] {
  const problems: FigureProblem[] = [];
  if (input.attendedWomen + input.attendedMen + input.attendedOther > input.attended) {
    problems.push({
      field: "attendedWomen",
      rule: "gender_exceeds_attended",
      message: "Kvinnor, män och övriga kan tillsammans inte vara fler än de som deltog.",
    });
  }
  if (input.surveyResponses !== null && input.surveyResponses > input.attended) {
    problems.push({
      field: "surveyResponses",
      rule: "responses_exceed_attended",
      message: "Fler kan inte ha svarat på enkäten än som deltog.",
    });
  }
  if (input.satisfaction !== null && input.surveyResponses === null) {
    problems.push({
      field: "surveyResponses",
      rule: "required_with_satisfaction",
      message: "Ange hur många som svarade på enkäten.",
    });
  }
  return problems;
}

export interface MemberPartyPerson {
  /** Null: not tied to a member party (free-text employer only). */
  memberPartyId: string | null;
  gender: Gender | null;
  registered: boolean;
  attended: boolean;
}

export interface MemberPartyCounts {
  memberPartyId: string | null;
  /** Null when hidden: fewer than the minimum group size, or hidden so a hidden one cannot be worked out. */
  registered: number | null;
  attended: number | null;
  attendedWomen: number | null;
  attendedMen: number | null;
}

/**
 * Counts by member party, each hidden below the minimum group size. When exactly one group's count is
 * hidden, the next smallest is hidden too (complementary suppression), so the total shown elsewhere cannot
 * give the hidden one away. Groups keep the order of `memberPartyIds`, then "not tied".
 */
export function countsByMemberParty(
  people: readonly MemberPartyPerson[],
  memberPartyIds: readonly string[],
  minGroupSize: number,
): MemberPartyCounts[] {
  const groups = [...memberPartyIds, null].map((memberPartyId) => {
    const inGroup = people.filter((p) => p.memberPartyId === memberPartyId);
    const attended = inGroup.filter((p) => p.attended);
    return {
      memberPartyId,
      registered: inGroup.filter((p) => p.registered).length,
      attended: attended.length,
      attendedWomen: attended.filter((p) => p.gender === "woman").length,
      attendedMen: attended.filter((p) => p.gender === "man").length,
    };
  });
  const keys = ["registered", "attended", "attendedWomen", "attendedMen"] as const;
  const hidden = new Map<(typeof keys)[number], Set<number>>();
  for (const key of keys)
    hidden.set(
      key,
      suppressed(
        groups.map((g) => g[key]),
        minGroupSize,
      ),
    );
  return groups.map((group, index) => {
    const shown = (key: (typeof keys)[number]) => (hidden.get(key)?.has(index) ? null : group[key]);
    return {
      memberPartyId: group.memberPartyId,
      registered: shown("registered"),
      attended: shown("attended"),
      attendedWomen: shown("attendedWomen"),
      attendedMen: shown("attendedMen"),
    };
  });
}

/** Indexes of the counts to hide: 1…min−1 (a zero says nobody and identifies no one), plus a complement. */
function suppressed(counts: readonly number[], minGroupSize: number): Set<number> {
  const hidden = new Set(
    counts.flatMap((count, index) => (count > 0 && count < minGroupSize ? [index] : [])),
  );
  if (hidden.size === 1) {
    const next = counts
      .map((count, index) => ({ count, index }))
      .filter(({ count, index }) => !hidden.has(index) && count > 0)
      .sort((a, b) => a.count - b.count || a.index - b.index)[0];
    if (next) hidden.add(next.index);
  }
  return hidden;
}

export interface EventBudgetLine {
  category: EventCostCategory;
  budgetOre: number;
  actualOre: number | null;
  vatRateBasisPoints: number;
}

export interface EventBudgetTotals {
  budgetOre: number;
  /** Over the lines whose actual cost is known; null while none is. */
  actualOre: number | null;
  /** Actual minus budget over the lines with an actual cost: positive is over budget. */
  varianceOre: number | null;
  byCategory: { category: EventCostCategory; budgetOre: number; actualOre: number | null }[];
}

/** The amount a line costs the hosts now: its actual cost once known, its budget until then. */
export function eventLineCostOre(line: Pick<EventBudgetLine, "budgetOre" | "actualOre">): number {
  return line.actualOre ?? line.budgetOre;
}

export function eventBudgetTotals(lines: readonly EventBudgetLine[]): EventBudgetTotals {
  const sumActual = (of: readonly EventBudgetLine[]) => {
    const known = of.filter((l) => l.actualOre !== null);
    return known.length === 0 ? null : known.reduce((a, l) => a + (l.actualOre ?? 0), 0);
  };
  const withActual = lines.filter((l) => l.actualOre !== null);
  const actualOre = sumActual(lines);
  return {
    budgetOre: lines.reduce((a, l) => a + l.budgetOre, 0),
    actualOre,
    varianceOre: actualOre === null ? null : actualOre - withActual.reduce((a, l) => a + l.budgetOre, 0),
    byCategory: EVENT_COST_CATEGORIES.flatMap((category) => {
      const of = lines.filter((l) => l.category === category);
      if (of.length === 0) return [];
      return [{ category, budgetOre: of.reduce((a, l) => a + l.budgetOre, 0), actualOre: sumActual(of) }];
    }),
  };
}
