/**
 * Progression data written straight into the tables as the owner, for tests of what reads it: an
 * instrument version, participants and their readings. The trigger of 0015_progression.sql keeps
 * progression_progress as the services' writes would.
 */
import { randomBytes } from "node:crypto";
import { type InstrumentDefinition, participantCode, type Respondent } from "@nns/domain";
import type { TestEnv } from "./helpers.js";

const scale = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Stämmer inte alls" },
    { value: 5, label: "Stämmer helt" },
  ],
};

/** Three items: A to both respondents (higher is better), B to the participant (lower is better), C to the coach. */
export const TEST_DEFINITION: InstrumentDefinition = {
  items: [
    {
      code: "A",
      label: "Arbete",
      group: "Arbete",
      questions: { participant: "Jag vet hur jag söker arbete.", coach: "Deltagaren söker arbete." },
      scale,
      direction: "higher_is_better",
    },
    {
      code: "B",
      label: "Oro",
      group: "Hälsa",
      questions: { participant: "Jag känner oro inför framtiden." },
      scale,
      direction: "lower_is_better",
    },
    {
      code: "C",
      label: "Samarbete",
      group: "Samspel",
      questions: { coach: "Deltagaren samarbetar med andra." },
      scale,
      direction: "higher_is_better",
    },
  ],
};

export async function insertInstrumentVersion(
  env: TestEnv,
  options: { organizationId: string; key: string; name: string; national: boolean; placeholder?: boolean },
): Promise<{ instrumentId: string; versionId: string }> {
  const [instrument] = await env.t.db.ownerSql(
    `insert into progression_instruments (organization_id, key, name, national, placeholder)
     values ($1, $2, $3, $4, $5) returning id`,
    [options.organizationId, options.key, options.name, options.national, options.placeholder ?? false],
  );
  const [version] = await env.t.db.ownerSql(
    `insert into progression_instrument_versions (organization_id, instrument_id, number, status, definition, published_at)
     values ($1, $2, 1, 'published', $3::jsonb, now()) returning id`,
    [options.organizationId, instrument?.id, JSON.stringify(TEST_DEFINITION)],
  );
  return { instrumentId: String(instrument?.id), versionId: String(version?.id) };
}

export interface SeedParticipant {
  organizationId: string;
  interventionId: string;
  gender: "woman" | "man" | "other" | "not_stated";
  startDate: string;
  birthYear?: number;
  ageBand?: string;
  coachUserId?: string;
}

export async function insertParticipant(
  env: TestEnv,
  p: SeedParticipant,
): Promise<{ id: string; code: string }> {
  const code = participantCode(randomBytes(8));
  const [row] = await env.t.db.ownerSql(
    `insert into progression_participants (organization_id, code, intervention_id, coach_user_id, gender,
       birth_year, age_band, start_date) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      p.organizationId,
      code,
      p.interventionId,
      p.coachUserId ?? null,
      p.gender,
      p.birthYear ?? null,
      p.ageBand ?? null,
      p.startDate,
    ],
  );
  return { id: String(row?.id), code };
}

/** One reading per entry, all in one statement (the trigger then builds first and latest once). */
export async function insertReadings(
  env: TestEnv,
  options: {
    organizationId: string;
    participantId: string;
    instrumentOrganizationId: string;
    versionId: string;
    respondent: Respondent;
    readings: [measuredOn: string, answers: number[]][];
  },
): Promise<string[]> {
  const rows = await env.t.db.ownerSql(
    `insert into progression_measurements (organization_id, participant_id, instrument_organization_id,
       instrument_version_id, respondent, measured_on, answers, source)
     select $1, $2, $3, $4, $5, r.on::date, array(select jsonb_array_elements_text(r.answers)::smallint), 'coach'
       from jsonb_to_recordset($6::jsonb) as r("on" text, answers jsonb) returning id`,
    [
      options.organizationId,
      options.participantId,
      options.instrumentOrganizationId,
      options.versionId,
      options.respondent,
      JSON.stringify(options.readings.map(([on, answers]) => ({ on, answers }))),
    ],
  );
  return rows.map((r) => String(r.id));
}
