import { organizations, trainings, transaction } from "@nns/db";
import { and, eq } from "drizzle-orm";
import { enterOrganization } from "./access.js";
import { type Deps, type OrgContext, systemContext } from "./context.js";
import { addBudgetLine } from "./trainings/event-budget.js";
import { recordEventFigures } from "./trainings/event-figures.js";
import { createEventSeries, setEventSeries } from "./trainings/event-series.js";
import { addSession } from "./trainings/training-sessions.js";
import { createTraining, moveTraining } from "./trainings/trainings.js";

/** A year of seed 000's Inspirationsdag: held with its counts and costs, or cancelled with the reason. */
interface Year {
  year: number;
  title: string;
  date: string;
  mode: "on_site" | "digital";
  cancelled?: string;
  figures?: {
    registered: number;
    attended: number;
    women: number;
    men: number;
    responses: number;
    satisfaction: number;
  };
  costs?: { venue: number; catering: number; speaker: number; other?: number };
}

/**
 * The years of Höglandet's Inspirationsdag as seed 000 tells them: paused in 2019, cancelled in 2020
 * (Covid-19), a webcast lecture with Camilla Saarinen in 2021, local days instead in 2022, and held again
 * since. The counts and costs are invented for the demo; kronor here, öre in the calls.
 */
const YEARS: Year[] = [
  {
    year: 2018,
    title: "Inspirationsdag 2018",
    date: "2018-03-22",
    mode: "on_site",
    figures: { registered: 146, attended: 129, women: 104, men: 25, responses: 81, satisfaction: 4.3 },
    costs: { venue: 18_000, catering: 14_500, speaker: 22_000 },
  },
  {
    year: 2019,
    title: "Inspirationsdag 2019",
    date: "2019-03-21",
    mode: "on_site",
    cancelled: "Uppehåll i satsningen under 2019.",
  },
  {
    year: 2020,
    title: "Inspirationsdag 2020",
    date: "2020-03-26",
    mode: "on_site",
    cancelled: "Covid-19: dagen ställdes in helt.",
  },
  {
    year: 2021,
    title: "Inspirationsföreläsning 2021: Arbetsglädje i förändringstid",
    date: "2021-03-25",
    mode: "digital",
    figures: { registered: 171, attended: 143, women: 119, men: 22, responses: 64, satisfaction: 4.2 },
    costs: { venue: 0, catering: 0, speaker: 25_000, other: 6_500 },
  },
  {
    year: 2022,
    title: "Inspirationsdag 2022",
    date: "2022-03-24",
    mode: "on_site",
    cancelled:
      "Fortsatta restriktioner: styrelsen beslutade om lokala inspirationsdagar i varje kommunområde i stället.",
  },
  {
    year: 2023,
    title: "Inspirationsdag 2023",
    date: "2023-03-23",
    mode: "on_site",
    figures: { registered: 152, attended: 134, women: 107, men: 26, responses: 88, satisfaction: 4.5 },
    costs: { venue: 21_000, catering: 16_800, speaker: 24_000 },
  },
  {
    year: 2024,
    title: "Inspirationsdag 2024",
    date: "2024-03-21",
    mode: "on_site",
    figures: { registered: 158, attended: 139, women: 112, men: 27, responses: 92, satisfaction: 4.4 },
    costs: { venue: 22_000, catering: 17_900, speaker: 26_000, other: 3_200 },
  },
  {
    year: 2025,
    title: "Inspirationsdag 2025",
    date: "2025-03-20",
    mode: "on_site",
    figures: { registered: 163, attended: 141, women: 113, men: 27, responses: 97, satisfaction: 4.6 },
    costs: { venue: 23_500, catering: 18_400, speaker: 28_000 },
  },
];

const KR = 100;

async function seedYear(hoglandet: OrgContext, seriesId: string, year: Year): Promise<void> {
  const event = await createTraining(hoglandet, {
    kind: "event",
    title: year.title,
    description: "Årlig kunskaps- och inspirationsdag om rehabilitering till arbete eller studier.",
  });
  // Stockholm's 08:30–15:30 in March (CET, UTC+1).
  await addSession(hoglandet, event.id, {
    title: year.title,
    startsAt: new Date(`${year.date}T07:30:00Z`),
    endsAt: new Date(`${year.date}T14:30:00Z`),
    mode: year.mode,
    location: year.mode === "on_site" ? "Eksjö, Stadshotellet" : null,
    videoLink: year.mode === "digital" ? "https://hoglandet.example.se/webbsandning" : null,
  });
  await setEventSeries(hoglandet, event.id, seriesId);
  if (year.cancelled) {
    await moveTraining(hoglandet, event.id, "cancel", year.cancelled);
    return;
  }
  await moveTraining(hoglandet, event.id, "plan", null);
  await moveTraining(hoglandet, event.id, "confirm", null);
  await moveTraining(hoglandet, event.id, "complete", null);
  const f = year.figures;
  if (f) {
    await recordEventFigures(
      hoglandet,
      event.id,
      {
        registered: f.registered,
        attended: f.attended,
        attendedWomen: f.women,
        attendedMen: f.men,
        attendedOther: f.attended - f.women - f.men,
        surveyResponses: f.responses,
        satisfaction: f.satisfaction,
        note: "Digital efterenkät.",
      },
      null,
    );
  }
  const c = year.costs;
  if (!c) return;
  const lines = [
    { category: "venue", description: "Lokal", amount: c.venue, vat: 2500 },
    { category: "catering", description: "Fika och lunch", amount: c.catering, vat: 1200 },
    { category: "speaker", description: "Föreläsare", amount: c.speaker, vat: 0 },
    { category: "other", description: "Webbsändning och teknik", amount: c.other ?? 0, vat: 2500 },
  ] as const;
  for (const line of lines) {
    if (line.amount === 0) continue;
    // Budgeted in round thousands; the actual cost is what the invoices said.
    await addBudgetLine(hoglandet, event.id, {
      category: line.category,
      description: line.description,
      budgetOre: Math.round(line.amount / 1000) * 1000 * KR,
      actualOre: line.amount * KR,
      vatRateBasisPoints: line.vat,
    });
  }
}

/**
 * Höglandet's Inspirationsdag as a series (seed 000), with the year the demo's trainings already hold
 * (held three weeks ago, its people registered here) as the latest edition.
 */
export async function seedDemoEvents(deps: Deps): Promise<void> {
  const system = systemContext(deps, "demo-seed");
  const [org] = await transaction(deps.db, {}, (tx) =>
    tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "hoglandet")),
  );
  if (!org) return;
  const hoglandet = await enterOrganization(system, org.id);
  const series = await createEventSeries(hoglandet, {
    name: "Inspirationsdag",
    description:
      "Årlig gemensam kunskaps- och inspirationsinsats inom rehabilitering till arbete eller studier, för " +
      "handläggare hos förbundets fyra parter. Arbetsgruppen har representanter från alla förbundsmedlemmar.",
  });
  for (const year of YEARS) await seedYear(hoglandet, series.id, year);
  const [latest] = await transaction(deps.db, { organizationId: org.id }, (tx) =>
    tx
      .select({ id: trainings.id })
      .from(trainings)
      .where(
        and(
          eq(trainings.organizationId, org.id),
          eq(trainings.title, "Inspirationsdag: rehabilitering till arbete"),
        ),
      ),
  );
  if (latest) await setEventSeries(hoglandet, latest.id, series.id);
}
