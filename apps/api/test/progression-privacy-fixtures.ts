import { randomBytes } from "node:crypto";
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionInterventionInstruments,
  progressionMeasurements,
  progressionParticipants,
  transaction,
} from "@nns/db";
import { type InstrumentDefinition, participantCode } from "@nns/domain";
import { createIntervention } from "@nns/services";
import { sampleContent } from "@nns/services/testing";
import type { Tenant, TestEnv, TestUser } from "./helpers.js";

/**
 * Progression rows written straight into the tables, as seed data would be (row-level security as the
 * application role, in the owner's scope): these tests are about what self-rating, export, erasure and
 * retention do with participants and measurements, not about how they were made.
 */

const SCALE = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Stämmer inte alls" },
    { value: 3, label: "Stämmer delvis" },
    { value: 5, label: "Stämmer helt" },
  ],
};

/** Two questions to the participant (P2 where lower is better) and one to the coach only. */
export const DEFINITION: InstrumentDefinition = {
  items: [
    {
      code: "P1",
      group: "Arbete",
      label: "Tro på arbete",
      questions: { participant: "Jag tror att jag kan få ett arbete.", coach: "Deltagaren tror på arbete." },
      scale: SCALE,
      direction: "higher_is_better",
    },
    {
      code: "H1",
      group: "Arbete",
      label: "Handledarens bedömning",
      questions: { coach: "Deltagaren är redo för praktik." },
      scale: SCALE,
      direction: "higher_is_better",
    },
    {
      code: "P2",
      group: "Hälsa",
      label: "Oro",
      questions: { participant: "Jag känner mig orolig för framtiden." },
      scale: SCALE,
      direction: "lower_is_better",
    },
  ],
};

export interface InstrumentFixture {
  instrumentId: string;
  versionId: string;
  /** The NNS organization keeping it. */
  organizationId: string;
}

let serial = 0;

/** A national instrument of NNS's with one published version. */
export async function nationalInstrument(
  env: TestEnv,
  definition: InstrumentDefinition = DEFINITION,
  status: "published" | "draft" = "published",
): Promise<InstrumentFixture> {
  serial += 1;
  const organizationId = env.nns.id;
  return transaction(env.deps.db, { organizationId }, async (tx) => {
    const [instrument] = await tx
      .insert(progressionInstruments)
      .values({ organizationId, key: `prov-${serial}`, name: `Provinstrument ${serial}`, national: true })
      .returning({ id: progressionInstruments.id });
    const [version] = await tx
      .insert(progressionInstrumentVersions)
      .values({
        organizationId,
        instrumentId: instrument?.id as string,
        number: 1,
        status,
        definition,
        publishedAt: status === "published" ? new Date() : null,
      })
      .returning({ id: progressionInstrumentVersions.id });
    return { instrumentId: instrument?.id as string, versionId: version?.id as string, organizationId };
  });
}

/** An insats of the förbund's, with the given versions chosen for it. */
export async function interventionWith(
  tenant: Tenant,
  env: TestEnv,
  instruments: InstrumentFixture[],
): Promise<string> {
  const intervention = await createIntervention(tenant.ctx, {
    content: sampleContent({ title: "Resursteam unga vuxna" }),
  });
  if (instruments.length > 0) {
    await transaction(env.deps.db, { organizationId: tenant.org.id }, (tx) =>
      tx.insert(progressionInterventionInstruments).values(
        instruments.map((i) => ({
          organizationId: tenant.org.id,
          interventionId: intervention.id,
          instrumentOrganizationId: i.organizationId,
          instrumentVersionId: i.versionId,
        })),
      ),
    );
  }
  return intervention.id;
}

export interface ParticipantFixture {
  interventionId: string;
  coach: TestUser | null;
  gender?: "woman" | "man" | "other" | "not_stated";
  birthYear?: number | null;
  startDate?: string;
  endDate?: string | null;
}

export async function insertParticipant(
  env: TestEnv,
  organizationId: string,
  fixture: ParticipantFixture,
): Promise<{ id: string; code: string }> {
  const code = participantCode(randomBytes(8));
  return transaction(
    env.deps.db,
    { organizationId, settings: { "app.progression_all": "on" } },
    async (tx) => {
      const [row] = await tx
        .insert(progressionParticipants)
        .values({
          organizationId,
          code,
          interventionId: fixture.interventionId,
          coachUserId: fixture.coach?.id ?? null,
          gender: fixture.gender ?? "woman",
          birthYear: fixture.birthYear ?? 1998,
          startDate: fixture.startDate ?? "2026-01-12",
          endDate: fixture.endDate ?? null,
        })
        .returning({ id: progressionParticipants.id });
      return { id: row?.id as string, code };
    },
  );
}

export async function insertMeasurement(
  env: TestEnv,
  organizationId: string,
  m: {
    participantId: string;
    instrument: InstrumentFixture;
    respondent: "participant" | "coach";
    measuredOn: string;
    answers: number[];
    comment?: string;
    recordedBy?: TestUser;
  },
): Promise<string> {
  return transaction(
    env.deps.db,
    { organizationId, settings: { "app.progression_all": "on" } },
    async (tx) => {
      const [row] = await tx
        .insert(progressionMeasurements)
        .values({
          organizationId,
          participantId: m.participantId,
          instrumentOrganizationId: m.instrument.organizationId,
          instrumentVersionId: m.instrument.versionId,
          respondent: m.respondent,
          measuredOn: m.measuredOn,
          answers: m.answers,
          comment: m.comment ?? null,
          source: "coach",
          recordedByUserId: m.recordedBy?.id ?? null,
        })
        .returning({ id: progressionMeasurements.id });
      return row?.id as string;
    },
  );
}

/** Rows per table for one participant, read as the owner: what erasure must leave behind and what not. */
export async function rowsAbout(env: TestEnv, participantId: string) {
  const count = async (table: string) => {
    const [row] = await env.t.db.ownerSql(
      `select count(*)::int as n from ${table} where participant_id = $1`,
      [participantId],
    );
    return Number(row?.n);
  };
  return {
    participants: Number(
      (
        await env.t.db.ownerSql("select count(*)::int as n from progression_participants where id = $1", [
          participantId,
        ])
      )[0]?.n,
    ),
    measurements: await count("progression_measurements"),
    progress: await count("progression_progress"),
    links: await count("progression_self_rating_links"),
    accessLog: await count("progression_access_log"),
  };
}
