import type { Schemas } from "@nns/api-client";
import type { InterventionContent } from "@nns/domain";
import { expect } from "vitest";
import { type Client, expectData } from "./client.js";

/** A complete, valid intervention content; tests override what they look at. */
export function sampleContent(overrides: Partial<InterventionContent> = {}): InterventionContent {
  return {
    title: "Resursteam för samordnad rehabilitering",
    summary: "Ett samordnat team av Arbetsförmedlingen, Försäkringskassan och regionen.",
    description: "Teamet arbetar **lösningsfokuserat** med motiverande samtal.",
    orientation: "individual",
    focusArea: "vocational_rehabilitation",
    targetGroups: ["long_term_sick"],
    targetGroupNote: null,
    memberParties: ["fk", "af", "region", "kommun"],
    municipalityCodes: ["1380"],
    startDate: "2024-01-01",
    endDate: null,
    status: "ongoing",
    followUpMethod: "Uppföljning Finsam",
    esfFunded: false,
    budget: [{ year: 2024, amountOre: 1_500_000_00, financingParties: ["Samordningsförbundet"] }],
    goals: {
      resultGoalPercent: 40,
      resultGoalWithinMonths: 12,
      volumeGoalParticipants: 30,
      plannedThroughputMonths: 6,
    },
    methods: ["solution_focused", "motivational_interviewing"],
    links: [],
    contacts: [{ name: "Karin Helander", role: "Projektledare", email: "karin@example.se", phone: null }],
    ...overrides,
  };
}

/** RESAM's results (seed 002): 103 participants, outcomes in the order of its results table. */
export const RESAM_RESULTS = {
  periodStart: "2007-09-01",
  periodEnd: "2010-12-31",
  participantsWomen: 56,
  participantsMen: 47,
  participantsOther: 0,
  outcomes: {
    vocational_rehabilitation: 10,
    reduced_sick_leave: 2,
    job_seeking_studies_work: 50,
    back_to_fk: 34,
    dropped_out: 3,
    social_services: 4,
  },
  averageEnrolmentMonths: 7.5,
  costOre: null,
  budgetOre: null,
};

export const INTERVENTIONS = "/orgs/{orgId}/interventions";
export const INTERVENTION = "/orgs/{orgId}/interventions/{interventionId}";
export const inOrg = (orgId: string) => ({ params: { path: { orgId } } });
export const intervention = (orgId: string, interventionId: string) => ({
  params: { path: { orgId, interventionId } },
});

/** A new draft of `sampleContent` with `overrides`, created by `client` in its förbund. */
export async function createIntervention(
  client: Client,
  orgId: string,
  overrides: Partial<InterventionContent> = {},
  parentId?: string,
): Promise<Schemas["Intervention"]> {
  return expectData(
    await client.POST(INTERVENTIONS, {
      ...inOrg(orgId),
      body: { content: sampleContent(overrides), parentId },
    }),
    201,
  );
}

const ACTIONS = {
  submit: "/orgs/{orgId}/interventions/{interventionId}/submit",
  withdraw: "/orgs/{orgId}/interventions/{interventionId}/withdraw",
  publish: "/orgs/{orgId}/interventions/{interventionId}/publish",
  return: "/orgs/{orgId}/interventions/{interventionId}/return",
  archive: "/orgs/{orgId}/interventions/{interventionId}/archive",
} as const;

/** A step of the editorial workflow on an intervention, as `orgId` sees it. */
export function act(
  client: Client,
  orgId: string,
  interventionId: string,
  action: keyof typeof ACTIONS,
  body: Schemas["WorkflowAction"] = {},
) {
  return client.POST(ACTIONS[action], { ...intervention(orgId, interventionId), body });
}

/** Replaces the working copy's content, with If-Match when `etag` is given. */
export function putContent(
  client: Client,
  orgId: string,
  interventionId: string,
  content: InterventionContent,
  etag?: string,
) {
  const { params } = intervention(orgId, interventionId);
  return client.PUT(INTERVENTION, {
    params: { ...params, header: etag ? { "if-match": etag } : undefined },
    body: { content },
  });
}

/** Created by `client`, submitted, and published by NNS's admin `nns`; returns its id. */
export async function publishNew(
  client: Client,
  nns: Client,
  orgId: string,
  overrides: Partial<InterventionContent>,
): Promise<string> {
  const { id } = await createIntervention(client, orgId, overrides);
  expectData(await act(client, orgId, id, "submit"));
  expect(expectData(await act(nns, orgId, id, "publish")).state).toBe("published");
  return id;
}
