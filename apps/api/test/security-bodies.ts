import { RESAM_RESULTS, sampleContent } from "@nns/services/testing";
import { SECURITY_DEFINITION } from "./security-instruments.js";

/** Valid bodies, so that requests about another organization's resource get past validation to the service. */
const SOON = new Date(Date.now() + 7 * 86_400_000);
export const VALID_BODIES: Record<string, unknown> = {
  "POST /orgs/{orgId}/progression/participants/{participantId}/self-rating-links": {
    instrumentVersionId: "00000000-0000-4000-8000-000000000000",
  },
  "PUT /orgs/{orgId}/progression/settings": { retentionMonths: 12 },
  "POST /self-rating/{token}": { answers: { P1: 3 } },
  "PATCH /orgs/{orgId}/members/{userId}": { role: "viewer" },
  "POST /orgs/{orgId}/training-requests/{requestId}/decline": { note: "Inte i år." },
  "POST /orgs/{orgId}/trainings/{trainingId}/transitions": { action: "confirm" },
  "PUT /orgs/{orgId}/trainings/{trainingId}/parties/{partyId}": { seats: 5 },
  "PUT /orgs/{orgId}/trainings/{trainingId}/public-signup": { open: true, consentText: "Jag samtycker." },
  "POST /orgs/{orgId}/trainings/{trainingId}/sessions": {
    title: "Extra",
    startsAt: SOON.toISOString(),
    endsAt: new Date(SOON.getTime() + 3_600_000).toISOString(),
    mode: "digital",
  },
  "POST /orgs/{orgId}/trainings/{trainingId}/participants": {
    name: "Suite Person",
    email: "suite.person@test.se",
    contactConsent: false,
    sessionIds: ["00000000-0000-4000-8000-000000000000"],
  },
  "PUT /orgs/{orgId}/trainings/{trainingId}/sessions/{sessionId}/attendance": {
    entries: [{ registrationId: "00000000-0000-4000-8000-000000000000", attended: true }],
  },
  "POST /orgs/{orgId}/trainings/{trainingId}/print-costs": { description: "Tryck", amountOre: 10_000 },
  "POST /orgs/{orgId}/trainings/{trainingId}/cohosts": {
    organizationId: "00000000-0000-4000-8000-000000000000",
  },
  "POST /orgs/{orgId}/trainings/{trainingId}/budget/lines": {
    category: "venue",
    description: "Lokal",
    budgetOre: 100_000,
  },
  "PATCH /orgs/{orgId}/trainings/{trainingId}/budget/lines/{lineId}": { actualOre: 90_000 },
  "PUT /orgs/{orgId}/trainings/{trainingId}/event-figures": { registered: 10, attended: 8 },
  "POST /orgs/{orgId}/trainings/{trainingId}/past-participants": {
    name: "Suite Person",
    email: "suite.past@test.se",
    sessionIds: ["00000000-0000-4000-8000-000000000000"],
    attended: true,
  },
  "POST /orgs/{orgId}/event-series": { name: "Inspirationsdag" },
  "PATCH /orgs/{orgId}/event-series/{seriesId}": { description: "Årlig" },
  "PUT /orgs/{orgId}/trainings/{trainingId}/series": { seriesId: null },
  "POST /orgs/{orgId}/interventions": { content: sampleContent() },
  "PUT /orgs/{orgId}/interventions/{interventionId}": { content: sampleContent() },
  "PUT /orgs/{orgId}/interventions/{interventionId}/results": RESAM_RESULTS,
  "PUT /orgs/{orgId}/catalog-settings": { selfPublishing: false },
  "POST /orgs/{orgId}/progression/participants/{participantId}/measurements": {
    instrumentVersionId: "00000000-0000-4000-8000-000000000000",
    respondent: "coach",
    measuredOn: "2026-01-14",
    answers: { S1: 3 },
  },
  "POST /orgs/{orgId}/webhook-endpoints": {
    url: "https://hooks.example.se/nns",
    events: ["training.created"],
  },
  "PATCH /orgs/{orgId}/webhook-endpoints/{endpointId}": { description: "Ändrad" },
  "POST /orgs/{orgId}/interventions/{interventionId}/return": { comment: "Komplettera målgruppen." },
  "PUT /orgs/{orgId}/trainings/{trainingId}/invoice-reference": { reference: "Säkerhetssviten" },
  "POST /orgs/{orgId}/newsletters/{publicationId}/subscribers": {
    email: "suite.subscriber@test.se",
    consentText: "Säkerhetssviten.",
    attestConsent: true,
  },
  "POST /orgs/{orgId}/newsletters/{publicationId}/subscribers/import": {
    csv: "email\nsuite.import@test.se\n",
    consentText: "Säkerhetssviten.",
    attestConsent: true,
  },
  "POST /orgs/{orgId}/interventions/{interventionId}/co-owners": {
    organizationId: "00000000-0000-4000-8000-000000000000",
  },
  "POST /orgs/{orgId}/newsletters/{publicationId}/publishers": {
    organizationId: "00000000-0000-4000-8000-000000000000",
  },
  "PUT /orgs/{orgId}/newsletters/{publicationId}/contact": { contact: "Box 1, 100 00 Stockholm" },
  "POST /orgs/{orgId}/newsletters/{publicationId}/issues": { subject: "Säkerhetssviten" },
  "POST /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections": { heading: "Avsnitt" },
  "PUT /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/section-order": { sectionIds: [] },
  "POST /orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/schedule": {
    scheduledAt: SOON.toISOString(),
  },
  "POST /orgs/{orgId}/progression/instruments": { key: "sakerhetssviten", name: "Säkerhetssviten" },
  "POST /orgs/{orgId}/progression/instruments/{instrumentId}/versions": { definition: SECURITY_DEFINITION },
  "POST /orgs/{orgId}/progression/instruments/{instrumentId}/versions/import": {
    definition: SECURITY_DEFINITION,
  },
  "PUT /orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}": {
    definition: SECURITY_DEFINITION,
  },
  "PUT /orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/mappings": {
    fromVersionId: "00000000-0000-4000-8000-000000000000",
    items: [],
  },
  "PUT /orgs/{orgId}/interventions/{interventionId}/progression-instruments": { versionIds: [] },
};
