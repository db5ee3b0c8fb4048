import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deriveResults,
  diffContent,
  nextState,
  percentOneDecimal,
  ResultCountsError,
} from "../src/catalog/index.js";
import { AppError } from "../src/errors.js";
import { API_KEY_SCOPES, effectivePermissions, permissionsForRole } from "../src/permissions.js";

/** Seed 002's results table, in its order; the report counts the first three as positive. */
const RESAM_CATEGORIES = [
  { code: "vocational_rehabilitation", positive: true },
  { code: "reduced_sick_leave", positive: true },
  { code: "job_seeking_studies_work", positive: true },
  { code: "back_to_fk", positive: false },
  { code: "dropped_out", positive: false },
  { code: "social_services", positive: false },
];

describe("derived results", () => {
  it("gives RESAM's published figures from its counts (seed 002)", () => {
    const derived = deriveResults(
      {
        participantsWomen: 56,
        participantsMen: 47,
        participantsOther: 0,
        outcomes: {
          vocational_rehabilitation: 10,
          reduced_sick_leave: 2,
          job_seeking_studies_work: 50,
          back_to_fk: 34,
          dropped_out: 3,
          social_services: 4,
        },
      },
      RESAM_CATEGORIES,
    );
    expect(derived.participantsTotal).toBe(103);
    expect(derived.outcomeShares.map((s) => s.sharePercent)).toEqual([9.7, 1.9, 48.5, 33.0, 2.9, 3.9]);
    expect(derived.positiveCount).toBe(62);
    expect(derived.positiveSharePercent).toBe(60.2);
    expect(derived.withoutOutcome).toBe(0);
  });

  it("rounds half away from zero on the first decimal", () => {
    expect(percentOneDecimal(1, 2000)).toBe(0.1); // 0.05 %
    expect(percentOneDecimal(1, 2001)).toBe(0); // 0.04998 %
    expect(percentOneDecimal(1, 3)).toBe(33.3);
    expect(percentOneDecimal(2, 3)).toBe(66.7);
    expect(percentOneDecimal(0, 0)).toBeNull();
  });

  it("stays within a twentieth of a percent of the exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (whole, n) => {
        const part = n % (whole + 1);
        const share = percentOneDecimal(part, whole) as number;
        expect(Math.abs(share - (100 * part) / whole)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it("refuses more outcomes than participants, unknown categories and negative counts, naming the field", () => {
    const base = { participantsWomen: 1, participantsMen: 1, participantsOther: 0 };
    const fails = (outcomes: Record<string, number>, rule: string, field: string) => {
      try {
        deriveResults({ ...base, outcomes }, RESAM_CATEGORIES);
        throw new Error("expected a ResultCountsError");
      } catch (error) {
        expect(error).toBeInstanceOf(ResultCountsError);
        expect(error).toMatchObject({ rule, field });
      }
    };
    fails({ back_to_fk: 3 }, "at_most_participants", "outcomes");
    fails({ somewhere: 1 }, "known_outcome_category", "outcomes.somewhere");
    fails({ back_to_fk: -1 }, "non_negative_integer", "outcomes.back_to_fk");
  });
});

describe("version diff", () => {
  it("reports changed leaves by path and added and removed tags", () => {
    const before = {
      title: "RESAM",
      goals: { volumeGoalParticipants: 30, resultGoalPercent: 40 },
      methods: ["solution_focused"],
      links: [],
    };
    const after = {
      title: "RESAM – resursteam",
      goals: { volumeGoalParticipants: 35, resultGoalPercent: 40 },
      methods: ["solution_focused", "motivational_interviewing"],
      links: [{ kind: "evaluation", title: "Slutrapport", url: "https://example.se/resam.pdf" }],
    };
    expect(diffContent(before, after)).toEqual([
      { field: "goals.volumeGoalParticipants", kind: "changed", before: 30, after: 35 },
      { field: "links", kind: "changed", before: [], after: after.links },
      { field: "methods", kind: "items", added: ["motivational_interviewing"], removed: [] },
      { field: "title", kind: "changed", before: "RESAM", after: "RESAM – resursteam" },
    ]);
  });

  it("is empty for equal content and reports fields that appear or disappear", () => {
    expect(diffContent({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual([]);
    expect(diffContent({ a: 1 }, { b: 2 })).toEqual([
      { field: "a", kind: "removed", before: 1 },
      { field: "b", kind: "added", after: 2 },
    ]);
  });
});

describe("editorial workflow", () => {
  const editor = { editorial: false, selfPublishing: false };
  const nns = { editorial: true, selfPublishing: false };
  const selfPublisher = { editorial: false, selfPublishing: true };

  it("goes draft → submitted → published → archived, and edits of a published entry start a draft", () => {
    expect(nextState("draft", "submit", editor)).toBe("submitted");
    expect(nextState("submitted", "publish", nns)).toBe("published");
    expect(nextState("published", "edit", editor)).toBe("draft");
    expect(nextState("published", "archive", editor)).toBe("archived");
    expect(nextState("submitted", "return", nns)).toBe("returned");
    expect(nextState("returned", "edit", editor)).toBe("returned");
    expect(nextState("returned", "submit", editor)).toBe("submitted");
    expect(nextState("submitted", "withdraw", editor)).toBe("draft");
  });

  it("lets only the editorial team or a self-publishing förbund publish or return", () => {
    expect(() => nextState("submitted", "publish", editor)).toThrow(AppError);
    expect(() => nextState("submitted", "return", editor)).toThrow(/editorial/);
    expect(nextState("draft", "publish", selfPublisher)).toBe("published");
    // The editorial team publishes what was submitted, not drafts it has not been asked to review.
    expect(() => nextState("draft", "publish", nns)).toThrow(/cannot be given/);
  });

  it("refuses to edit a submitted or archived entry", () => {
    expect(() => nextState("submitted", "edit", editor)).toThrow(/submitted/);
    expect(() => nextState("archived", "edit", nns)).toThrow(/archived/);
    expect(() => nextState("archived", "archive", nns)).toThrow(AppError);
  });
});

describe("catalogue permissions", () => {
  it("lets editors write, viewers read, and only NNS hold the editorial capability", () => {
    expect(permissionsForRole("editor").has("interventions:write")).toBe(true);
    expect(permissionsForRole("viewer").has("interventions:write")).toBe(false);
    expect(permissionsForRole("org_admin").has("catalog:editorial")).toBe(false);
    expect(effectivePermissions(null, true, "forbund").has("catalog:editorial")).toBe(true);
    expect(API_KEY_SCOPES).not.toContain("catalog:editorial");
  });
});
