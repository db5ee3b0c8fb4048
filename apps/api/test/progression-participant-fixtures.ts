import { transaction } from "@nns/db";
import type { InstrumentDefinition } from "@nns/domain";
import { createProgressionParticipant, type OrgContext, recordMeasurement } from "@nns/services";
import {
  PLACEHOLDER_SKAPA,
  PLACEHOLDER_SKAPA_DEFINITION,
  type SeededVersion,
  seedChosenVersions,
  seedPublishedVersion,
} from "@nns/services/testing";
import type { TestEnv } from "./helpers.js";

let serial = 0;

/**
 * A national instrument of NNS's with one published version (the SKAPA placeholder unless another
 * definition is given), written as seed data: the instruments' own API is tested in its own file.
 */
export async function nationalInstrument(
  env: TestEnv,
  definition: InstrumentDefinition = PLACEHOLDER_SKAPA_DEFINITION,
): Promise<SeededVersion> {
  serial += 1;
  return transaction(env.deps.db, { organizationId: env.nns.id }, (tx) =>
    seedPublishedVersion(tx, {
      organizationId: env.nns.id,
      key: `skapa-${serial}`,
      name: PLACEHOLDER_SKAPA.name,
      national: true,
      placeholder: true,
      definition,
    }),
  );
}

/** The versions a förbund measures one of its insatser with. */
export async function chooseVersions(
  env: TestEnv,
  organizationId: string,
  interventionId: string,
  versions: readonly SeededVersion[],
): Promise<void> {
  await transaction(env.deps.db, { organizationId }, (tx) =>
    seedChosenVersions(tx, organizationId, interventionId, versions),
  );
}

/** Answers to every item a respondent is asked, all `value`. */
export function answersOf(
  definition: InstrumentDefinition,
  respondent: "participant" | "coach",
  value: number,
): Record<string, number> {
  return Object.fromEntries(
    definition.items.filter((i) => i.questions[respondent] !== undefined).map((i) => [i.code, value]),
  );
}

/**
 * A participant of the förbund's insats (measured with the SKAPA placeholder) with one reading, for the
 * suites that need an id of each: `ctx` is the förbund as operations enter it.
 */
export async function measuredParticipant(
  env: TestEnv,
  ctx: OrgContext,
  interventionId: string,
): Promise<{ participantId: string; measurementId: string }> {
  const version = await nationalInstrument(env);
  await chooseVersions(env, ctx.organization.id, interventionId, [version]);
  const participant = await createProgressionParticipant(ctx, {
    interventionId,
    gender: "woman",
    ageBand: "20-29",
    startDate: "2026-01-12",
  });
  const measurement = await recordMeasurement(ctx, participant.id, {
    instrumentVersionId: version.versionId,
    respondent: "coach",
    measuredOn: "2026-01-14",
    answers: answersOf(PLACEHOLDER_SKAPA_DEFINITION, "coach", 3),
  });
  return { participantId: participant.id, measurementId: measurement.id };
}
