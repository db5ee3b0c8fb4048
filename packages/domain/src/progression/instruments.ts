import { z } from "zod";
import { containsPersonalIdentityNumber } from "./pseudonymity.js";

/**
 * Progression instruments are data NNS (or a förbund, for its own) loads, never code: SKAPA's official
 * wording is not public, so the platform ships only a placeholder and docs/progression.md says how the
 * real one is loaded. A version's definition is what this schema accepts; once published it is frozen
 * (the database refuses changes), so every measurement keeps meaning what it meant when it was taken.
 */

export const RESPONDENTS = ["participant", "coach"] as const;
export type Respondent = (typeof RESPONDENTS)[number];

export const DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const INSTRUMENT_VERSION_STATUSES = ["draft", "published", "retired"] as const;
export type InstrumentVersionStatus = (typeof INSTRUMENT_VERSION_STATUSES)[number];

/** Item codes: short, stable, safe in CSV headers and URLs (e.g. `P1`, `H11`, `halsa.somn`). */
export const ITEM_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
/** An instrument's key, unique per owner: lower case, digits and hyphens (e.g. `skapa`). */
export const INSTRUMENT_KEY = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** The widest scale accepted: answers are stored as small integers and compared step by step. */
export const MAX_SCALE_STEPS = 10;
export const MAX_ITEMS = 60;

// Instrument texts are read by every förbund and shown to participants: no personnummer may hide in them.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !containsPersonalIdentityNumber(value), "holds a personal identity number");

export const scaleSchema = z
  .object({
    min: z.number().int().min(0).max(100),
    max: z.number().int().min(1).max(100),
    anchors: z
      .array(z.object({ value: z.number().int(), label: text(80) }))
      .min(2)
      .max(MAX_SCALE_STEPS + 1),
  })
  .superRefine((scale, ctx) => {
    if (scale.max <= scale.min) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "must be greater than min" });
      return;
    }
    if (scale.max - scale.min > MAX_SCALE_STEPS) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `at most ${MAX_SCALE_STEPS} steps from min` });
    }
    const seen = new Set<number>();
    scale.anchors.forEach((anchor, i) => {
      if (anchor.value < scale.min || anchor.value > scale.max) {
        ctx.addIssue({ code: "custom", path: ["anchors", i, "value"], message: "must lie within the scale" });
      }
      if (seen.has(anchor.value)) {
        ctx.addIssue({ code: "custom", path: ["anchors", i, "value"], message: "is already labelled" });
      }
      seen.add(anchor.value);
    });
    for (const end of [scale.min, scale.max]) {
      if (!seen.has(end)) {
        ctx.addIssue({
          code: "custom",
          path: ["anchors"],
          message: `both ends of the scale need a label (${end})`,
        });
      }
    }
  });
export type Scale = z.infer<typeof scaleSchema>;

export const itemSchema = z
  .object({
    code: z.string().regex(ITEM_CODE, "letters, digits, _ . - (starting with a letter), at most 32"),
    label: text(120),
    group: text(80),
    /** The question as put to each respondent; an item asked of one respondent only has one. */
    questions: z
      .object({ participant: text(500).optional(), coach: text(500).optional() })
      .refine((q) => q.participant !== undefined || q.coach !== undefined, {
        message: "at least one respondent's question is required",
      }),
    scale: scaleSchema,
    direction: z.enum(DIRECTIONS),
  })
  .strict();
export type InstrumentItem = z.infer<typeof itemSchema>;

export const definitionSchema = z
  .object({ items: z.array(itemSchema).min(1).max(MAX_ITEMS) })
  .strict()
  .superRefine((definition, ctx) => {
    const codes = new Map<string, number>();
    definition.items.forEach((item, i) => {
      const key = item.code.toLowerCase();
      if (codes.has(key)) {
        ctx.addIssue({ code: "custom", path: ["items", i, "code"], message: "is used by another item" });
      }
      codes.set(key, i);
    });
  });
export type InstrumentDefinition = z.infer<typeof definitionSchema>;

/** The items put to one respondent, in the definition's order: the answer array's order. */
export function itemsFor(definition: InstrumentDefinition, respondent: Respondent): InstrumentItem[] {
  return definition.items.filter((item) => item.questions[respondent] !== undefined);
}

export type AnswerCheck =
  | { ok: true; values: number[] }
  | { ok: false; errors: { field: string; rule: string; message: string }[] };

/**
 * Checks one measurement's answers (item code → value) against the items put to the respondent: every
 * item answered, each value a whole step on its scale, no unknown codes. Returns the values in item order.
 */
export function checkAnswers(
  definition: InstrumentDefinition,
  respondent: Respondent,
  answers: Readonly<Record<string, number>>,
): AnswerCheck {
  const items = itemsFor(definition, respondent);
  const errors: { field: string; rule: string; message: string }[] = [];
  const known = new Set(items.map((i) => i.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) {
      errors.push({
        field: `answers.${code}`,
        rule: "unknown_item",
        message: `No item ${code} for this respondent.`,
      });
    }
  }
  const values = items.map((item) => {
    const value = answers[item.code];
    if (value === undefined) {
      errors.push({
        field: `answers.${item.code}`,
        rule: "required",
        message: "Every item needs an answer.",
      });
      return 0;
    }
    if (!Number.isInteger(value) || value < item.scale.min || value > item.scale.max) {
      errors.push({
        field: `answers.${item.code}`,
        rule: "scale",
        message: `A whole number from ${item.scale.min} to ${item.scale.max}.`,
      });
    }
    return value;
  });
  return errors.length ? { ok: false, errors } : { ok: true, values };
}
