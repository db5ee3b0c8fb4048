import type { InterventionContent } from "@nns/domain";
import { enterOrganization } from "../access.js";
import type { ServiceContext } from "../context.js";
import { asMember } from "../demo-progression.js";
import { acceptCoOwnership, inviteCoOwner } from "./co-owners.js";
import { createIntervention } from "./interventions.js";
import { type ResultInput, recordResults } from "./results.js";
import { applyWorkflowAction } from "./workflow.js";

const blank: Omit<InterventionContent, "title" | "summary" | "description" | "municipalityCodes"> = {
  orientation: "individual",
  focusArea: "vocational_rehabilitation",
  targetGroups: [],
  targetGroupNote: null,
  memberParties: ["fk", "af", "region", "kommun"],
  startDate: null,
  endDate: null,
  status: "ongoing",
  followUpMethod: "Uppföljning Finsam",
  esfFunded: false,
  budget: [],
  goals: {
    resultGoalPercent: null,
    resultGoalWithinMonths: null,
    volumeGoalParticipants: null,
    plannedThroughputMonths: null,
  },
  methods: [],
  links: [],
  contacts: [],
};

async function publishNew(
  ctx: ServiceContext,
  organizationId: string,
  content: InterventionContent,
  parentId: string | null = null,
) {
  const org = await enterOrganization(ctx, organizationId);
  const created = await createIntervention(org, { parentId, content });
  await applyWorkflowAction(org, created.id, "submit", {}, null);
  await applyWorkflowAction(org, created.id, "publish", {}, null);
  return { org, id: created.id };
}

/**
 * RESAM's final report (seed 002), cumulative from the start: 103 participants, outcomes in the order of
 * its results table, the breakdown of those who went to work, the ~25 assessed but never enrolled, the
 * participant survey and Payoff's socio-economic evaluation. The budget table's lines are named in the
 * seed with their shares of a post; its amounts are not in the source text, so none are invented here.
 */
export const RESAM_RESULTS: ResultInput = {
  periodStart: "2007-09-01",
  periodEnd: "2010-12-31",
  kind: "cumulative",
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
  budgetLines: [
    { description: "Läkare", sharePercent: 20, budgetOre: null, costOre: null },
    { description: "Socialkonsulent AF", sharePercent: 50, budgetOre: null, costOre: null },
    { description: "Personlig handläggare FK", sharePercent: 70, budgetOre: null, costOre: null },
    { description: "Resor", sharePercent: null, budgetOre: null, costOre: null },
    { description: "Lokalhyra", sharePercent: null, budgetOre: null, costOre: null },
  ],
  subOutcomes: [
    { outcome: "job_seeking_studies_work", label: "Anställning inom kommunerna", count: 8 },
    { outcome: "job_seeking_studies_work", label: "Anställning på den privata arbetsmarknaden", count: 9 },
    { outcome: "job_seeking_studies_work", label: "Startat eget företag", count: 2 },
  ],
  assessedNotEnrolled: 25,
  survey: {
    responses: 21,
    summary:
      "Snabbenkät i november 2010 om deltagarna haft nytta av Resam. Övervägande positiva svar: deltagarna tycker att teamet gett dem tid, förståelse, respekt och stöttning. De negativa synpunkterna gäller svårigheter att hitta rätt arbetsträningsplats.",
    figures: [],
  },
  socioEconomic: {
    paybackMonths: 27,
    netBenefitOre: 160_000_000,
    netBenefitYears: 5,
    method:
      "Samhällsekonomisk utvärdering av Payoff (slutredovisning, bilaga 1). Lönsamheten är negativ på kort sikt (1 år) och positiv på fem års sikt.",
  },
};

/**
 * RESAM's first report, April 2009, cumulative from the same start: 50 participants and 44 % positive
 * (seed 002). The seed gives only those two figures; the split below is one that gives them.
 */
export const RESAM_INTERIM_RESULTS: ResultInput = {
  periodStart: "2007-09-01",
  periodEnd: "2009-04-30",
  kind: "cumulative",
  participantsWomen: 27,
  participantsMen: 23,
  participantsOther: 0,
  outcomes: {
    vocational_rehabilitation: 5,
    reduced_sick_leave: 1,
    job_seeking_studies_work: 16,
    back_to_fk: 12,
    dropped_out: 1,
    social_services: 2,
  },
  averageEnrolmentMonths: null,
  costOre: null,
  budgetOre: null,
};

/**
 * Demo entries of the insatskatalog, from the seeds: RESAM (seed 002) with its reported results, the
 * national project Hälsofrämjande etablering with its local delprojekt (seed 004), one more published
 * entry and one draft, and in Halland one entry waiting for NNS's editorial team and one returned with
 * comments, so every workflow state can be seen in the admin.
 */
export async function seedDemoCatalog(
  ctx: ServiceContext,
  orgIdBySlug: (slug: string) => string,
): Promise<void> {
  const resam = await publishNew(ctx, orgIdBySlug("norra-vastmanland"), {
    ...blank,
    title: "RESAM – ett samordnat resursteam för Fagersta, Norberg och Skinnskatteberg",
    summary:
      "Samordnad rehabilitering och arbetsförmågebedömning för personer långt från arbetsmarknaden, i ett team med Arbetsförmedlingen, Försäkringskassan och läkare.",
    description:
      "Resam arbetade med samverkan och samordning av rehabiliteringsinsatser för personer som står långt ifrån arbetsmarknaden.\n\n**Framgångsfaktorer:** nära teamarbete, en egen lokal som neutralt rum, lösningsfokuserad metodik och läkarinsatsen.\n\nEn samhällsekonomisk utvärdering (Payoff) visar att projektet är återbetalt efter 27 månader.",
    targetGroups: ["long_term_sick", "activity_compensation", "far_from_labour_market"],
    municipalityCodes: ["1904", "1962", "1982"],
    startDate: "2007-09-01",
    endDate: "2010-12-31",
    status: "ended",
    goals: {
      resultGoalPercent: 40,
      resultGoalWithinMonths: 12,
      volumeGoalParticipants: 30,
      plannedThroughputMonths: 6,
    },
    methods: ["solution_focused", "motivational_interviewing", "work_ability_assessment"],
    contacts: [{ name: "Karin Helander", role: "Projektledare", email: null, phone: null }],
  });
  await recordResults(resam.org, resam.id, RESAM_INTERIM_RESULTS);
  await recordResults(resam.org, resam.id, RESAM_RESULTS);

  // Coordinated nationally, so owned by NNS (decision 0024); Umeåregionen co-owns it to add its delprojekt.
  const national = await publishNew(ctx, orgIdBySlug("nns"), {
    ...blank,
    title: "Hälsofrämjande etablering",
    summary:
      "Nationellt samordnat projekt för nyanlända med ohälsa eller funktionsnedsättning, i sex lokala delprojekt.",
    description:
      "Arbetet bedrevs i Umeå, Gävle, Nacka/Värmdö, Eskilstuna, Växjö och Malmö. Lokalt samverkar Arbetsförmedlingen, Försäkringskassan, samordningsförbund, kommuner och regioner.",
    orientation: "structural",
    focusArea: "methods_development",
    targetGroups: ["newly_arrived"],
    municipalityCodes: ["2480"],
    endDate: "2020-12-31",
    status: "ended",
  });
  await inviteCoOwner(national.org, national.id, orgIdBySlug("umearegionen"));
  await acceptCoOwnership(await enterOrganization(ctx, orgIdBySlug("umearegionen")), national.id);
  await publishNew(
    ctx,
    orgIdBySlug("umearegionen"),
    {
      ...blank,
      title: "Delprojekt Umeå: språkpraktik och Supported Training",
      summary: "Språkpraktik för kortutbildade och Supported Training för en sammanhållen etablering.",
      description: "Delprojekt i Hälsofrämjande etablering, med Umeå kommun.",
      targetGroups: ["newly_arrived"],
      municipalityCodes: ["2480"],
      endDate: "2020-12-31",
      status: "ended",
      methods: ["supported_employment_ips", "work_training"],
    },
    national.id,
  );

  await publishNew(ctx, orgIdBySlug("halland"), {
    ...blank,
    title: "Progressionsmätning med SKAPA i Halland",
    summary: "Förbundets insatser mäter deltagarnas progression mot arbete med SKAPA.",
    description: "Handledare skattar progressionen ungefär var tredje månad tillsammans med deltagaren.",
    orientation: "structural",
    focusArea: "competence_development",
    targetGroups: ["far_from_labour_market"],
    municipalityCodes: ["1315", "1380", "1381", "1382", "1383", "1384"],
    startDate: "2025-01-01",
    methods: ["bip_skapa"],
    // Seed 003: digital study visits are published in the catalogue as links.
    links: [
      {
        kind: "study_visit",
        title: "Digitalt studiebesök: en skattning med SKAPA",
        url: "https://www.samordningsforbundethalland.se/studiebesok-skapa",
      },
    ],
  });

  const hallandOrg = await enterOrganization(ctx, orgIdBySlug("halland"));
  const waiting = await createIntervention(hallandOrg, {
    content: {
      ...blank,
      title: "Arbetsträning i Halmstad med individuellt stöd",
      summary:
        "Arbetsträning på riktiga arbetsplatser med en handledare för unga vuxna som står långt från arbete.",
      description: "Deltagarna provar arbetsuppgifter i kommunens och näringslivets verksamheter.",
      targetGroups: ["young_adults", "far_from_labour_market"],
      municipalityCodes: ["1380"],
      startDate: "2026-01-01",
      methods: ["work_training"],
    },
  });
  // Submitted by Halland's editor with a word to the editors, as NNS's reviewer would meet it.
  await applyWorkflowAction(
    await asMember(ctx.deps, hallandOrg, "redaktor.halland@demo.nns.se"),
    waiting.id,
    "submit",
    { comment: "Första versionen. Platserna hos arbetsgivarna är bekräftade för hösten." },
    null,
  );
  const returned = await createIntervention(hallandOrg, {
    content: {
      ...blank,
      title: "Samtalsstöd för föräldralediga i Varberg",
      summary: "Samtal om vägen tillbaka till arbete.",
      description: "",
      municipalityCodes: ["1383"],
      status: "planned",
    },
  });
  await applyWorkflowAction(hallandOrg, returned.id, "submit", {}, null);
  await applyWorkflowAction(
    hallandOrg,
    returned.id,
    "return",
    {
      comment:
        "Beskriv insatsen utförligare: vilka som kan delta, hur de kommer in och hur resultaten följs upp. Ange också målgrupp.",
    },
    null,
  );

  const draftOrg = await enterOrganization(ctx, orgIdBySlug("centrala-ostergotland"));
  await createIntervention(draftOrg, {
    content: {
      ...blank,
      title: "Unga till arbete i Linköping",
      summary: "Utkast: stöd för unga vuxna med psykisk ohälsa.",
      description: "",
      targetGroups: ["young_adults", "mental_ill_health"],
      municipalityCodes: ["0580"],
      status: "planned",
      methods: ["supported_employment_ips"],
    },
  });

  await seedNationalDelprojekt(national.org, national.id);
}

/** Seed 004's delprojekt in Gävle, Växjö and Malmö: NNS's entries, each run by a member party there. */
async function seedNationalDelprojekt(
  nns: Awaited<ReturnType<typeof enterOrganization>>,
  projectId: string,
): Promise<void> {
  const parts: { content: InterventionContent; results: ResultInput }[] = [
    {
      content: {
        ...blank,
        title: "Delprojekt Gävle: identifiering av ohälsa",
        summary:
          "Ett arbetssätt anpassat för att tidigt identifiera ohälsa och funktionsnedsättning hos nyanlända.",
        description: "Delprojekt i Hälsofrämjande etablering, drivet av Arbetsförmedlingen i Gävle.",
        targetGroups: ["newly_arrived"],
        municipalityCodes: ["2180"],
        endDate: "2020-12-31",
        status: "ended",
        runningBody: {
          kind: "af",
          name: "Arbetsförmedlingen i Gävle",
          municipalityCode: "2180",
          countyCode: null,
        },
      },
      results: demoResults(14, 12, {
        job_seeking_studies_work: 9,
        vocational_rehabilitation: 5,
        dropped_out: 2,
      }),
    },
    {
      content: {
        ...blank,
        title: "Delprojekt Växjö: samordning och samverkan",
        summary: "Strategisk samordning mellan myndigheterna kring nyanlända deltagare med ohälsa.",
        description: "Delprojekt i Hälsofrämjande etablering, drivet av Växjö kommun.",
        orientation: "structural",
        focusArea: "collaboration_structures",
        targetGroups: ["newly_arrived"],
        municipalityCodes: ["0780"],
        endDate: "2020-12-31",
        status: "ended",
        runningBody: { kind: "kommun", name: "Växjö kommun", municipalityCode: "0780", countyCode: null },
      },
      results: demoResults(9, 11, {
        job_seeking_studies_work: 7,
        vocational_rehabilitation: 4,
        social_services: 3,
      }),
    },
    {
      content: {
        ...blank,
        title: "Delprojekt Malmö: tidiga hälsosamtal",
        summary:
          "Tidiga hälsosamtal kartlägger deltagarnas psykiska och fysiska hälsa; workshop om socialförsäkringen.",
        description: "Delprojekt i Hälsofrämjande etablering, drivet av Malmö stad.",
        targetGroups: ["newly_arrived", "mental_ill_health"],
        municipalityCodes: ["1280"],
        endDate: "2020-12-31",
        status: "ended",
        runningBody: { kind: "kommun", name: "Malmö stad", municipalityCode: "1280", countyCode: null },
      },
      results: demoResults(21, 17, { job_seeking_studies_work: 15, reduced_sick_leave: 3, back_to_fk: 6 }),
    },
  ];
  for (const part of parts) {
    const created = await createIntervention(nns, { parentId: projectId, content: part.content });
    await applyWorkflowAction(nns, created.id, "submit", {}, null);
    await applyWorkflowAction(nns, created.id, "publish", {}, null);
    await recordResults(nns, created.id, part.results);
  }
}

const demoResults = (women: number, men: number, outcomes: Record<string, number>): ResultInput => ({
  periodStart: "2018-01-01",
  periodEnd: "2020-12-31",
  participantsWomen: women,
  participantsMen: men,
  participantsOther: 0,
  outcomes,
  averageEnrolmentMonths: null,
  costOre: null,
  budgetOre: null,
});
