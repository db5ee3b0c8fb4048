/**
 * The security suite's progression fixtures: per förbund its own published instrument version and one
 * participant measured twice on it, so that `{instrumentId}`, `{versionId}`, `{participantId}` and
 * `{measurementId}` name real rows that side A may reach and side B may not; and the check that NNS, whose
 * admins hold every permission in their own organization, never gets a participant's data from any
 * progression route.
 */
import { createIntervention, enterOrganization, systemContext } from "@nns/services";
import { sampleContent } from "@nns/services/testing";
import { expect } from "vitest";
import type { TestEnv } from "./helpers.js";
import { insertInstrumentVersion, insertParticipant, insertReadings } from "./progression-fixtures.js";

export interface ProgressionIds {
  instrumentId: string;
  versionId: string;
  participantId: string;
  measurementId: string;
  participantCode: string;
}

export async function progressionFixture(env: TestEnv): Promise<Record<"A" | "B", ProgressionIds>> {
  const system = systemContext(env.deps, "security-suite");
  const sides = {} as Record<"A" | "B", ProgressionIds>;
  for (const [side, org] of [
    ["A", env.orgA],
    ["B", env.orgB],
  ] as const) {
    const ctx = await enterOrganization(system, org.id);
    const { instrumentId, versionId } = await insertInstrumentVersion(env, {
      organizationId: org.id,
      key: `sakerhet-${side.toLowerCase()}`,
      name: `Säkerhetsinstrument ${side}`,
      national: false,
    });
    const insats = await createIntervention(ctx, {
      content: sampleContent({ title: `Progression ${side}` }),
    });
    const participant = await insertParticipant(env, {
      organizationId: org.id,
      interventionId: insats.id,
      gender: "woman",
      startDate: "2026-01-12",
    });
    const [measurementId] = await insertReadings(env, {
      organizationId: org.id,
      participantId: participant.id,
      instrumentOrganizationId: org.id,
      versionId,
      respondent: "participant",
      readings: [
        ["2026-01-12", [2, 4]],
        ["2026-04-13", [4, 2]],
      ],
    });
    sides[side] = {
      instrumentId,
      versionId,
      participantId: participant.id,
      measurementId: measurementId as string,
      participantCode: participant.code,
    };
  }
  return sides;
}

/** The query a report needs: a förbund's own report on a version its participants were measured on. */
export const reportQuery = (versionId: string) => ({
  scope: "organization",
  instrumentVersionId: versionId,
  respondent: "participant",
});

/**
 * What an NNS admin got from a progression route: a refusal, or (reads only) an answer in which no
 * participant of either förbund appears. Writes must be refused outright.
 */
export function expectNoIndividualData(
  method: string,
  res: { status: number; body: unknown },
  sides: readonly Partial<Record<keyof ProgressionIds, string>>[],
): void {
  if (method !== "GET") {
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    return;
  }
  if (res.status >= 400) {
    expect([400, 403, 404]).toContain(res.status);
    return;
  }
  const text = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
  for (const ids of sides) {
    for (const key of ["participantId", "participantCode", "measurementId"] as const) {
      expect(text).not.toContain(ids[key]);
    }
  }
}
