import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VOCABULARY_CODE_MAX, vocabularyCode } from "../src/index.js";

describe("vocabularyCode", () => {
  it("makes a code from a Swedish label: å, ä and ö folded, everything else joined by _", () => {
    expect(vocabularyCode("Basal kroppskännedom", new Set())).toBe("basal_kroppskannedom");
    expect(vocabularyCode("Språkpraktik för kortutbildade", new Set())).toBe(
      "sprakpraktik_for_kortutbildade",
    );
    expect(vocabularyCode("  Supported Employment/IPS ", new Set())).toBe("supported_employment_ips");
    expect(vocabularyCode("–", new Set())).toBe("term");
  });

  it("numbers a taken code from 2", () => {
    expect(vocabularyCode("Hälsosamtal", new Set(["halsosamtal"]))).toBe("halsosamtal_2");
    expect(vocabularyCode("Hälsosamtal", new Set(["halsosamtal", "halsosamtal_2"]))).toBe("halsosamtal_3");
  });

  it("always gives a free code the API's pattern accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string()), (label, taken) => {
        const set = new Set([...taken, vocabularyCode(label, new Set())]);
        const code = vocabularyCode(label, set);
        expect(code).toMatch(/^[a-z0-9_]+$/);
        expect(code.length).toBeLessThanOrEqual(VOCABULARY_CODE_MAX);
        expect(set.has(code)).toBe(false);
      }),
    );
  });
});
