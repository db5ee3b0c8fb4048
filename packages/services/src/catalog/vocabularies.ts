import {
  catalogFocusAreas,
  catalogMethods,
  catalogOutcomeCategories,
  catalogTargetGroups,
  counties,
  type Executor,
  municipalities,
} from "@nns/db";
import { AppError, type FieldError, type InterventionContent } from "@nns/domain";
import { asc, eq, inArray, isNull } from "drizzle-orm";

export interface Vocabularies {
  focusAreas: { code: string; orientation: "individual" | "structural"; labelSv: string }[];
  targetGroups: { code: string; labelSv: string }[];
  methods: { code: string; labelSv: string }[];
  outcomeCategories: { code: string; labelSv: string; positive: boolean; position: number }[];
}

export async function readVocabularies(tx: Executor): Promise<Vocabularies> {
  const [focusAreas, targetGroups, methods, outcomeCategories] = await Promise.all([
    tx.select().from(catalogFocusAreas).orderBy(asc(catalogFocusAreas.code)),
    tx
      .select({ code: catalogTargetGroups.code, labelSv: catalogTargetGroups.labelSv })
      .from(catalogTargetGroups)
      .where(isNull(catalogTargetGroups.retiredAt))
      .orderBy(asc(catalogTargetGroups.labelSv)),
    tx.select().from(catalogMethods).orderBy(asc(catalogMethods.labelSv)),
    tx.select().from(catalogOutcomeCategories).orderBy(asc(catalogOutcomeCategories.position)),
  ]);
  return { focusAreas, targetGroups, methods, outcomeCategories };
}

/**
 * Checks the controlled-vocabulary fields of content against the lists in the database, reporting every
 * offending field at once (the shape and lengths are checked by the API schema before this).
 */
export async function checkContent(
  tx: Executor,
  content: InterventionContent,
  prefix = "body.content",
): Promise<void> {
  const vocab = await readVocabularies(tx);
  const errors: FieldError[] = [];
  const focus = vocab.focusAreas.find((f) => f.code === content.focusArea);
  if (!focus)
    errors.push({
      field: `${prefix}.focusArea`,
      rule: "known_focus_area",
      message: "Okänd preciserad inriktning.",
    });
  else if (focus.orientation !== content.orientation)
    errors.push({
      field: `${prefix}.focusArea`,
      rule: "focus_area_of_orientation",
      message: "Den preciserade inriktningen hör till den andra inriktningen.",
    });
  const unknown = (values: string[], known: { code: string }[]) =>
    values.filter((v) => !known.some((k) => k.code === v));
  for (const code of unknown(content.targetGroups, vocab.targetGroups))
    errors.push({
      field: `${prefix}.targetGroups`,
      rule: "known_target_group",
      message: `Okänd målgrupp: ${code}.`,
    });
  for (const code of unknown(content.methods, vocab.methods))
    errors.push({ field: `${prefix}.methods`, rule: "known_method", message: `Okänd metod: ${code}.` });
  if (content.municipalityCodes.length > 0) {
    const found = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(inArray(municipalities.code, content.municipalityCodes));
    for (const code of unknown(content.municipalityCodes, found))
      errors.push({
        field: `${prefix}.municipalityCodes`,
        rule: "known_municipality",
        message: `Okänd kommunkod: ${code}.`,
      });
  }
  if (content.startDate && content.endDate && content.endDate < content.startDate)
    errors.push({
      field: `${prefix}.endDate`,
      rule: "not_before_start",
      message: "Slutdatum får inte ligga före startdatum.",
    });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.field}: ${e.message}`).join(" "), {
      errors,
    });
}

/** Kommun and län of an area, with names, for the public entry and its search text. */
export async function placesOf(tx: Executor, municipalityCodes: string[]) {
  if (municipalityCodes.length === 0) return { municipalities: [], counties: [] };
  const rows = await tx
    .select({
      code: municipalities.code,
      name: municipalities.name,
      countyCode: counties.code,
      countyName: counties.name,
    })
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .where(inArray(municipalities.code, municipalityCodes))
    .orderBy(asc(municipalities.code));
  const countyMap = new Map(rows.map((r) => [r.countyCode, r.countyName]));
  return {
    municipalities: rows.map((r) => ({ code: r.code, name: r.name })),
    counties: [...countyMap]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
