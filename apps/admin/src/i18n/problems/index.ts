import type { Problem } from "@nns/api-client";
import i18n from "i18next";
import { en } from "./en";
import { sv } from "./sv";

/** Every text for a refused request, by language: the one place the admin turns codes and rules into words. */
export const problemTexts = { sv, en };
export type ProblemLanguage = keyof typeof problemTexts;

/** The app's language (i18n/index sets it on the shared i18next instance); Swedish before that. */
function texts(language?: ProblemLanguage) {
  return problemTexts[language ?? (i18n.language === "en" ? "en" : "sv")];
}

/** The admin's own checks made before sending carry this rule: their message is already the admin's text. */
export const LOCAL_RULE = "local";

/** A rule of the Peppol BIS Billing 3.0 validation (BR-CO-10, PEPPOL-EN16931-R001, SE-R-005). */
export const PEPPOL_RULE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

/** The entry of an object by a key from outside (a rule, a path segment), never one of Object's own. */
function entry<T extends object>(texts: T, key: string): string | undefined {
  return Object.hasOwn(texts, key) ? (texts[key as keyof T] as string) : undefined;
}

/** A rule's text in this list, if it has one: Peppol findings, zod's formats and codes, the services' rules. */
export function knownRuleText(rule: string, language?: ProblemLanguage): string | undefined {
  const { rules, zod, formats, peppol } = texts(language);
  if (PEPPOL_RULE.test(rule)) return peppol;
  if (rule.startsWith("invalid_format:")) {
    return entry(formats, rule.slice("invalid_format:".length)) ?? zod.invalid_format;
  }
  return entry(rules, rule) ?? entry(zod, rule);
}

/** A field error's text by its rule; never the API's message, which is English for schema rules. */
export function ruleText(rule: string, language?: ProblemLanguage): string {
  return knownRuleText(rule, language) ?? texts(language).unknownRule;
}

/** What to say for a field left empty: fill it in, or make a choice. */
export function requiredText(choice: boolean): string {
  const t = texts();
  return choice ? t.requiredChoice : t.required;
}

/**
 * What is gone, from the request's path: the last collection followed by an id (`/trainings/{id}/sessions`
 * names the training), since that is the most specific thing the request named.
 */
function goneText(instance: string, language?: ProblemLanguage): string | null {
  const { gone } = texts(language);
  const segments = instance.split("/").filter(Boolean);
  for (let i = segments.length - 2; i >= 0; i--) {
    const text = entry(gone, segments[i] ?? "");
    if (text) return text;
  }
  return null;
}

/**
 * The problem as one sentence, by its code. A malformed id in the path (`path.trainingId`) is a link to
 * something that cannot exist, so it reads like not found.
 */
export function problemSentence(problem: Problem, language?: ProblemLanguage): string {
  const { codes } = texts(language);
  const errors = problem.errors ?? [];
  const pathOnly = errors.length > 0 && errors.every((e) => e.field.startsWith("path."));
  if (problem.code === "not_found" || pathOnly)
    return goneText(problem.instance, language) ?? codes.not_found;
  return entry(codes, problem.code) ?? codes.internal;
}
