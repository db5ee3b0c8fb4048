import { type SetStateAction, useState } from "react";
import { ApiError, fieldErrors } from "../../../lib/api";
import { optional, parseKronor } from "../../../lib/format";
import { countyOfMunicipality } from "../../../lib/reference";
import type { Intervention, InterventionContent } from "../api";
import type { Row } from "./rows";

export interface LinkRow extends Row {
  kind: InterventionContent["links"][number]["kind"];
}

export const EMPTY: InterventionContent = {
  title: "",
  summary: "",
  description: "",
  orientation: "individual",
  // None chosen yet: the form asks for one before it is sent.
  focusArea: "" as InterventionContent["focusArea"],
  targetGroups: [],
  targetGroupNote: null,
  memberParties: [],
  municipalityCodes: [],
  startDate: null,
  endDate: null,
  status: "planned",
  followUpMethod: null,
  esfFunded: false,
  budget: [],
  goals: {
    resultGoalPercent: null,
    resultGoalWithinMonths: null,
    volumeGoalParticipants: null,
    plannedThroughputMonths: null,
  },
  methods: [],
  links: [],
  contacts: [],
};

export const GOALS = [
  "resultGoalPercent",
  "resultGoalWithinMonths",
  "volumeGoalParticipants",
  "plannedThroughputMonths",
] as const;

/**
 * The values the form holds in state because they are picked, not typed: the typed ones are read from
 * the form's fields on submit.
 */
export interface Choices {
  parentId: string;
  runningBody: RunningBodyChoice;
  orientation: InterventionContent["orientation"];
  focusArea: string | null;
  targetGroups: string[];
  memberParties: string[];
  municipalityCodes: string[];
  status: string;
  esfFunded: boolean;
  methods: string[];
}

/** The running body as picked: "none" while the owner runs the entry itself; the län also for a kommun. */
export interface RunningBodyChoice {
  kind: "none" | NonNullable<InterventionContent["runningBody"]>["kind"];
  countyCode: string | null;
  municipalityCode: string | null;
  name: string;
}

function initialRunningBody(body: InterventionContent["runningBody"]): RunningBodyChoice {
  if (!body) return { kind: "none", countyCode: null, municipalityCode: null, name: "" };
  return {
    kind: body.kind,
    countyCode:
      body.countyCode ?? (body.municipalityCode ? countyOfMunicipality(body.municipalityCode) : null),
    municipalityCode: body.municipalityCode,
    name: body.name,
  };
}

function runningBodyOf(choice: RunningBodyChoice): InterventionContent["runningBody"] {
  if (choice.kind === "none") return null;
  return {
    kind: choice.kind,
    name: choice.name.trim(),
    municipalityCode: choice.kind === "region" ? null : choice.municipalityCode,
    countyCode: choice.kind === "region" ? choice.countyCode : null,
  };
}

export type Choose = <K extends keyof Choices>(key: K, value: SetStateAction<Choices[K]>) => void;

/** What each section of the form reads and sets: the entry being edited and the values picked from lists. */
export interface SectionProps {
  content: InterventionContent;
  choices: Choices;
  choose: Choose;
}

export function useChoices(content: InterventionContent, initial?: Intervention): [Choices, Choose] {
  const [choices, setChoices] = useState<Choices>(() => ({
    parentId: initial?.parentId ?? "none",
    runningBody: initialRunningBody(content.runningBody),
    orientation: content.orientation,
    focusArea: content.focusArea || null,
    targetGroups: content.targetGroups,
    memberParties: content.memberParties,
    municipalityCodes: content.municipalityCodes,
    status: content.status,
    esfFunded: content.esfFunded,
    methods: content.methods,
  }));
  const choose: Choose = (key, value) =>
    setChoices((current) => ({
      ...current,
      [key]: typeof value === "function" ? value(current[key]) : value,
    }));
  return [choices, choose];
}

/** The API names content fields `body.content.<field>`; the form's fields are named by `<field>` alone. */
const byError = new WeakMap<object, Record<string, string>>();
export function contentFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return fieldErrors(error);
  let out = byError.get(error);
  if (!out) {
    out = {};
    for (const [field, message] of Object.entries(fieldErrors(error))) {
      out[field.replace(/^content\./, "")] ??= message;
    }
    byError.set(error, out);
  }
  return out;
}

/** "12,5" or "12.5" → 12.5; empty → null; anything else → NaN (reported beside the field). */
function decimal(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "")
    .trim()
    .replace(",", ".");
  if (text === "") return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The whole entry from the form: the typed fields by name, the picked values from state, and the
 * problems found before sending (an amount or a number that does not parse) by field name.
 */
export function readContent(
  data: FormData,
  choices: Choices,
  rows: { budget: Row[]; links: LinkRow[]; contacts: Row[] },
  messages: { badAmount: string; badNumber: string },
): { parentId: string | null; content: InterventionContent; local: Record<string, string> } {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const local: Record<string, string> = {};
  const budget = rows.budget.map((_, i) => {
    const amountOre = parseKronor(text(`budget.${i}.amountOre`));
    if (amountOre === null) local[`budget.${i}.amountOre`] = messages.badAmount;
    return {
      year: Number(text(`budget.${i}.year`)),
      amountOre: amountOre ?? 0,
      financingParties: text(`budget.${i}.financingParties`)
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean),
    };
  });
  const goals = Object.fromEntries(GOALS.map((goal) => [goal, decimal(data.get(`goals.${goal}`))])) as Record<
    (typeof GOALS)[number],
    number | null
  >;
  for (const [key, value] of Object.entries(goals))
    if (Number.isNaN(value)) local[`goals.${key}`] = messages.badNumber;
  return {
    local,
    parentId: choices.parentId === "none" ? null : choices.parentId,
    content: {
      title: text("title"),
      summary: text("summary"),
      description: String(data.get("description") ?? ""),
      orientation: choices.orientation,
      focusArea: (choices.focusArea ?? "") as InterventionContent["focusArea"],
      targetGroups: choices.targetGroups,
      targetGroupNote: optional(data.get("targetGroupNote")),
      memberParties: choices.memberParties as InterventionContent["memberParties"],
      municipalityCodes: [...choices.municipalityCodes].sort(),
      startDate: optional(data.get("startDate")),
      endDate: optional(data.get("endDate")),
      status: choices.status as InterventionContent["status"],
      followUpMethod: optional(data.get("followUpMethod")),
      esfFunded: choices.esfFunded,
      budget,
      goals,
      methods: choices.methods as InterventionContent["methods"],
      links: rows.links.map((row, i) => ({
        kind: row.kind,
        title: text(`links.${i}.title`),
        url: text(`links.${i}.url`),
      })),
      contacts: rows.contacts.map((_, i) => ({
        name: text(`contacts.${i}.name`),
        role: text(`contacts.${i}.role`),
        email: optional(data.get(`contacts.${i}.email`)),
        phone: optional(data.get(`contacts.${i}.phone`)),
      })),
      runningBody: runningBodyOf(choices.runningBody),
    },
  };
}
