import { MUNICIPALITIES } from "@nns/db/reference";
import type { InterventionContent } from "@nns/domain";
import type { MemberPartyInput } from "./organization-input.js";

/** Fixtures shared by the tests of this package and of the apps (`@nns/services/testing`). */
export { RESAM_INTERIM_RESULTS, RESAM_RESULTS } from "./catalog/demo-catalog.js";
export { PLACEHOLDER_SKAPA, PLACEHOLDER_SKAPA_DEFINITION } from "./progression/placeholder-skapa.js";
export * from "./progression/seed-instruments.js";

/** A complete, valid intervention content (the national vocabularies of migration 0006); tests override what they look at. */
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
export { type BgMaxTestPayment, bgMaxFile } from "./billing/bgmax-file.js";
export {
  FakeStripe,
  type FakeStripeFault,
  type FakeStripeRequest,
  signedEvent,
} from "./billing/stripe/fake-stripe.js";
export { statisticsFixtureRows, writeStatisticsFixture } from "./statistics/test-fixture.js";
export { type ReceivedWebhook, WebhookReceiver } from "./webhooks/receiver.js";

/**
 * Huvudmän that make a valid förbund in a län under lag (2003:1210): Försäkringskassan, Arbetsförmedlingen,
 * the län's region and the given kommuner (by default the län's first kommun in SCB's list).
 */
export function finsamMemberParties(
  countyCode = "13",
  municipalityCodes?: readonly string[],
): MemberPartyInput[] {
  const kommuner = municipalityCodes ?? [
    MUNICIPALITIES.find((m) => m.countyCode === countyCode)?.code ?? `${countyCode}00`,
  ];
  return [
    { kind: "fk" },
    { kind: "af" },
    { kind: "region", countyCode },
    ...kommuner.map((municipalityCode) => ({ kind: "kommun" as const, municipalityCode })),
  ];
}
