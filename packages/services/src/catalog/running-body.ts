// The body that runs a delprojekt when it is not a tenant: checked against SCB's reference data, and
// shown with the names of its place.
import { counties, type Executor, municipalities } from "@nns/db";
import { AppError, type FieldError, type RunningBody, runningBodyShapeErrors } from "@nns/domain";
import { eq } from "drizzle-orm";

/** Reports every wrong field of a running body at once, named under `prefix` (e.g. body.content). */
export async function checkRunningBody(
  tx: Executor,
  body: RunningBody | null | undefined,
  prefix = "body.content",
): Promise<void> {
  if (!body) return;
  const field = `${prefix}.runningBody`;
  const errors: FieldError[] = runningBodyShapeErrors(body).map((e) => ({
    field: `${field}.${e.field}`,
    rule: e.rule,
    message: e.message,
  }));
  if (body.municipalityCode) {
    const [found] = await tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, body.municipalityCode));
    if (!found)
      errors.push({
        field: `${field}.municipalityCode`,
        rule: "known_municipality",
        message: `Okänd kommunkod: ${body.municipalityCode}.`,
      });
  }
  if (body.countyCode) {
    const [found] = await tx
      .select({ code: counties.code })
      .from(counties)
      .where(eq(counties.code, body.countyCode));
    if (!found)
      errors.push({
        field: `${field}.countyCode`,
        rule: "known_county",
        message: `Okänd länskod: ${body.countyCode}.`,
      });
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.field}: ${e.message}`).join(" "), {
      errors,
    });
}

export interface RunningBodyView extends RunningBody {
  /** The kommun or län it works in, by name: "Gävle", "Skåne län"; null when it names no place. */
  placeName: string | null;
}

/** The running body as the public entry stores it: with its place named. */
export async function runningBodyView(
  tx: Executor,
  body: RunningBody | null | undefined,
): Promise<RunningBodyView | null> {
  if (!body) return null;
  let placeName: string | null = null;
  if (body.municipalityCode) {
    const [row] = await tx
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.code, body.municipalityCode));
    placeName = row?.name ?? null;
  } else if (body.countyCode) {
    const [row] = await tx
      .select({ name: counties.name })
      .from(counties)
      .where(eq(counties.code, body.countyCode));
    placeName = row?.name ?? null;
  }
  return { ...body, placeName };
}
