/**
 * Every refusal the server can give has words in the admin, in Swedish and in English: each code of the
 * error catalogue, each zod issue code the validation hook passes on, and each rule the API, the domain and
 * the services name in a field error. The rules are read from their source, so a new rule without a text
 * here fails this test (zod's string formats are checked by the compiler: problems/sv.ts `satisfies` them).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem } from "@nns/api-client";
import { ERROR_CATALOGUE } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { ZodIssueCode } from "zod";
import { knownRuleText, problemSentence, problemTexts } from "../src/i18n/problems";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SOURCES = ["packages/services/src", "packages/domain/src", "apps/api/src"];
const LANGUAGES = ["sv", "en"] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The ways source names a rule: `rule: "x"` (or a ternary of two), the helpers called as
 * (field, "rule", "message"): fieldError and the services' local `fail` and `error`, and the [/pattern/, "rule", "message"] tables that
 * turn a refinement's message into a rule.
 */
const RULE_PATTERNS = [
  /\brule:\s*"([^"]+)"/g,
  /\brule:[^,\n]*\?\s*"([^"]+)"\s*:\s*"([^"]+)"/g,
  /\b(?:fieldError|fail|error|invalid|ResultCountsError)\(\s*[^,()]+,\s*"([a-z][a-z0-9_]*(?::[a-z0-9_]+)?)",/g,
  /\[\s*\/(?:[^/\n\\]|\\.)+\/[a-z]*\s*,\s*"([a-z][a-z0-9_]*)"/g,
];

function rulesInSource(): string[] {
  const rules = new Set<string>();
  for (const dir of SOURCES) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const source = readFileSync(file, "utf8");
      for (const pattern of RULE_PATTERNS) {
        for (const match of source.matchAll(pattern)) {
          for (const rule of match.slice(1)) if (rule) rules.add(rule);
        }
      }
    }
  }
  return [...rules].sort();
}

function problem(code: string, instance: string, errors?: Problem["errors"]): Problem {
  return {
    type: "",
    title: "",
    status: 400,
    detail: "The training does not exist.",
    code,
    instance,
    requestId: "",
    ...(errors ? { errors } : {}),
  };
}

describe("problem texts", () => {
  const rules = rulesInSource();

  it("finds the rules the server names (the scan still works)", () => {
    // A handful known to be in the source, from each way of naming one.
    for (const rule of [
      "required_on_site",
      "session_over",
      "no_nul_character",
      "too_short",
      "scale_steps",
      "row_count",
    ]) {
      expect(rules).toContain(rule);
    }
    expect(rules.length).toBeGreaterThan(100);
  });

  it.each(LANGUAGES)("has a %s text for every rule the server can emit", (language) => {
    const missing = rules.filter((rule) => !knownRuleText(rule, language)?.trim());
    expect(missing).toEqual([]);
  });

  it("keeps no text for a rule the server no longer names", () => {
    // Seller settings name a malformed giro number by its field, `rule: field`, which no scan can read.
    const named = new Set([...rules, "bankgiro", "plusgiro"]);
    const stale = Object.keys(problemTexts.sv.rules).filter((rule) => !named.has(rule));
    expect(stale).toEqual([]);
  });

  it.each(LANGUAGES)("has a %s text for every zod issue code", (language) => {
    const missing = Object.values(ZodIssueCode).filter((code) => !knownRuleText(code, language)?.trim());
    expect(missing).toEqual([]);
    for (const format of Object.keys(problemTexts[language].formats)) {
      expect(knownRuleText(`invalid_format:${format}`, language)).toBe(
        problemTexts[language].formats[format as keyof (typeof problemTexts)["sv"]["formats"]],
      );
    }
  });

  it.each(LANGUAGES)("has a %s text for every code in the error catalogue", (language) => {
    const codes = problemTexts[language].codes;
    const missing = Object.keys(ERROR_CATALOGUE).filter(
      (code) => !Object.hasOwn(codes, code) || !codes[code as keyof typeof codes].trim(),
    );
    expect(missing).toEqual([]);
  });

  it("names what is gone from the request's path, never the API's English", () => {
    expect(problemSentence(problem("not_found", "/v1/orgs/1/trainings/2"), "sv")).toBe(
      "Utbildningen finns inte (längre).",
    );
    expect(problemSentence(problem("not_found", "/v1/orgs/1/trainings/2/participants"), "sv")).toBe(
      "Utbildningen finns inte (längre).",
    );
    expect(problemSentence(problem("not_found", "/v1/orgs/1"), "sv")).toBe(
      "Organisationen finns inte (längre).",
    );
    const badId = problem("validation_failed", "/v1/orgs/1/trainings/nope", [
      { field: "path.trainingId", rule: "invalid_format:uuid", message: "Invalid UUID" },
    ]);
    expect(problemSentence(badId, "sv")).toBe("Utbildningen finns inte (längre).");
    expect(problemSentence(badId, "en")).toBe("The training does not exist (any more).");
  });

  it("speaks Swedish for swedish people: no sv text is the same as its en text", () => {
    const same = Object.entries(problemTexts.sv.codes).filter(
      ([code, text]) => text === problemTexts.en.codes[code as keyof typeof problemTexts.en.codes],
    );
    expect(same).toEqual([]);
  });
});
