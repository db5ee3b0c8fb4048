/**
 * What a key with exactly a route's scope needs for the route to succeed, for the security suite's positive
 * cases: fresh state of its own, so that one success (a removal, a withdrawal) does not take away what
 * other cases rely on. A route not listed here succeeds with the suite's shared fixtures of organization A.
 */

import {
  addPrintCost,
  addSession,
  applyWorkflowAction,
  createIntervention,
  createTraining,
  enterOrganization,
  grantRole,
  inviteCoOwner,
  inviteMember,
  registerParticipant,
  submitTrainingRequest,
  systemContext,
} from "@nns/services";
import { sampleContent } from "@nns/services/testing";
import { PASSWORD } from "./client.js";
import type { TestEnv } from "./helpers.js";
import { newsletterIssueRows } from "./newsletter-sending-fixtures.js";
import { reportQuery } from "./security-progression.js";

export interface KeySuccess {
  /** Path parameters replacing the shared fixtures. */
  ids?: Record<string, string>;
  body?: unknown;
  /** Query parameters the route requires. */
  query?: Record<string, string>;
}

export const TRAINING_REQUEST = {
  periodStart: "2027-02-01",
  periodEnd: "2027-04-30",
  expectedParticipants: 20,
  deliveryPreference: "either",
  openToSharing: true,
  contactName: "Kontakt Nyckel",
  contactEmail: "kontakt.nyckel@test.se",
} as const;

const IMPORT_CSV = [
  "title,summary,description,orientation,focusArea,targetGroups,memberParties,municipalityCodes,startDate,endDate,status,methods,esfFunded,volumeGoalParticipants",
  `"Importerad med nyckel","Kort sammanfattning","Beskrivning",individual,vocational_rehabilitation,young_adults,fk;af,1380,2025-01-01,,ongoing,motivational_interviewing,ja,30`,
].join("\n");

let counter = 0;
const unique = (prefix: string) => `${prefix}.${++counter}.${Date.now()}@test.se`;

export function keySuccessCases(
  env: TestEnv,
  shared: { trainingId: string; sessionId: string; versionId: string },
): Record<string, () => Promise<KeySuccess>> {
  const system = () => systemContext(env.deps, "security-suite");
  const orgA = () => enterOrganization(system(), env.orgA.id);
  const draft = async () => (await createIntervention(await orgA(), { content: sampleContent() })).id;
  const member = async (role: "editor" | "viewer") => {
    const { userId } = await grantRole(system(), {
      organizationSlug: env.orgA.slug,
      email: unique(role),
      name: "Medlem Nyckel",
      password: PASSWORD,
      role,
    });
    return userId;
  };
  const issue = async (status: "ready" | "sending" | "paused") => ({
    ids: await newsletterIssueRows(env.t.db, env.orgA.id, status),
    body: {},
  });
  const report = async () => ({ query: reportQuery(shared.versionId) });
  return {
    "GET /orgs/{orgId}/progression/reports": report,
    "GET /orgs/{orgId}/progression/reports/export": report,
    "POST /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/send": () => issue("ready"),
    "POST /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/pause": () => issue("sending"),
    "POST /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/resume": () => issue("paused"),
    "POST /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/cancel": () => issue("ready"),
    "POST /orgs/{orgId}/interventions/import": async () => ({ body: { csv: IMPORT_CSV } }),
    "POST /orgs/{orgId}/interventions/{interventionId}/submit": async () => ({
      ids: { interventionId: await draft() },
      body: {},
    }),
    "POST /orgs/{orgId}/interventions/{interventionId}/withdraw": async () => {
      const interventionId = await draft();
      await applyWorkflowAction(await orgA(), interventionId, "submit", {}, null);
      return { ids: { interventionId }, body: {} };
    },
    "POST /orgs/{orgId}/interventions/{interventionId}/archive": async () => ({
      ids: { interventionId: await draft() },
      body: {},
    }),
    "POST /orgs/{orgId}/interventions/{interventionId}/co-owners": async () => ({
      ids: { interventionId: await draft() },
      body: { organizationId: env.orgB.id },
    }),
    "DELETE /orgs/{orgId}/interventions/{interventionId}/co-owners/{coOwnerId}": async () => {
      const interventionId = await draft();
      await inviteCoOwner(await orgA(), interventionId, env.orgB.id);
      return { ids: { interventionId, coOwnerId: env.orgB.id } };
    },
    "POST /orgs/{orgId}/interventions/{interventionId}/co-ownership/accept": async () => {
      const orgB = await enterOrganization(system(), env.orgB.id);
      const { id } = await createIntervention(orgB, { content: sampleContent() });
      await inviteCoOwner(orgB, id, env.orgA.id);
      return { ids: { interventionId: id }, body: {} };
    },
    "POST /orgs/{orgId}/invitations": async () => ({ body: { email: unique("inbjuden"), role: "viewer" } }),
    "DELETE /orgs/{orgId}/invitations/{invitationId}": async () => {
      const invitation = await inviteMember(await orgA(), { email: unique("inbjuden"), role: "viewer" });
      return { ids: { invitationId: invitation.id } };
    },
    "PATCH /orgs/{orgId}/members/{userId}": async () => ({
      ids: { userId: await member("editor") },
      body: { role: "viewer" },
    }),
    "DELETE /orgs/{orgId}/members/{userId}": async () => ({ ids: { userId: await member("viewer") } }),
    "POST /orgs/{orgId}/training-requests": async () => ({ body: TRAINING_REQUEST }),
    "POST /orgs/{orgId}/training-requests/{requestId}/withdraw": async () => {
      const request = await submitTrainingRequest(await orgA(), TRAINING_REQUEST);
      return { ids: { requestId: request.id }, body: {} };
    },
    "DELETE /orgs/{orgId}/trainings/{trainingId}/print-costs/{printCostId}": async () => {
      const costs = await addPrintCost(await orgA(), shared.trainingId, {
        description: "Affischer",
        amountOre: 20_000,
        vatRateBasisPoints: 2500,
      });
      return {
        ids: { printCostId: costs.printCosts.find((c) => c.description === "Affischer")?.id as string },
      };
    },
    "POST /orgs/{orgId}/trainings/{trainingId}/participants": async () => ({
      body: {
        name: "Nyckel Person",
        email: unique("deltagare"),
        contactConsent: false,
        sessionIds: [shared.sessionId],
      },
    }),
    "POST /orgs/{orgId}/trainings/{trainingId}/past-participants": async () => {
      const org = await orgA();
      const event = await createTraining(org, { kind: "event", title: "Förra årets dag" });
      const startsAt = new Date(Date.now() - 30 * 86_400_000);
      const held = await addSession(org, event.id, {
        title: "Förra årets dag",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        mode: "digital",
      });
      return {
        ids: { trainingId: event.id },
        body: {
          name: "Efter Nyckel",
          email: unique("efter"),
          sessionIds: [held.sessions[0]?.id as string],
          attended: true,
        },
      };
    },
    "POST /orgs/{orgId}/trainings/{trainingId}/registrations/{registrationId}/cancel": async () => {
      const participant = await registerParticipant(await orgA(), shared.trainingId, {
        name: "Avbokas Nyckel",
        email: unique("avbokas"),
        contactConsent: false,
        sessionIds: [shared.sessionId],
      });
      return { ids: { registrationId: participant.registrations[0]?.id as string }, body: {} };
    },
  };
}
