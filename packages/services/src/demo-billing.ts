import { invoices, organizations, transaction } from "@nns/db";
import { and, eq } from "drizzle-orm";
import { enterOrganization } from "./access.js";
import { draftInvoices } from "./billing/drafts.js";
import { addDays, issueDraft, trainingNote } from "./billing/issuing.js";
import { registerPayment } from "./billing/payments.js";
import { putInvoicingDetails, putSellerSettings } from "./billing/settings.js";
import { type Deps, type OrgContext, systemContext } from "./context.js";
import { stockholmDate } from "./trainings/scope.js";
import { addSession, updateSession } from "./trainings/training-sessions.js";
import { createTraining, moveTraining } from "./trainings/trainings.js";

const DAY = 86_400_000;

/** A Stockholm-local morning some days from now (09:00 in winter time is 08:00 UTC). */
function morning(daysFromNow: number): Date {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(8, 0, 0, 0);
  return d;
}

const CITY: Record<string, [string, string]> = {
  halland: ["30231", "Halmstad"],
  hoglandet: ["57531", "Eksjö"],
  sundsvall: ["85230", "Sundsvall"],
  "centrala-ostergotland": ["58223", "Linköping"],
  "norra-vastmanland": ["73130", "Köping"],
  umearegionen: ["90326", "Umeå"],
};

/**
 * NNS invoices the demo förbund: seller settings that say plainly they are a demo (the organisationsnummer
 * is the demo NNS organization's, Luhn-valid, the bankgiro check digit valid), every förbund's invoicing
 * details, and a BIP/SKAPA training held three months ago by Sundsvall, Centrala Östergötland, Norra
 * Västmanland and Umeåregionen whose invoices were issued on different days: one paid, one partly paid,
 * two overdue. Halland's share of the coming training is invoiced today (not yet due) and Höglandet's
 * waits as a draft. The dates follow the day the demo starts, so the aging view has every bucket.
 */
export async function seedDemoBilling(
  deps: Deps,
  trainerId: string,
  upcomingTrainingId: string,
): Promise<void> {
  const system = systemContext(deps, "demo-seed");
  const orgs = await transaction(deps.db, {}, (tx) =>
    tx
      .select({ id: organizations.id, slug: organizations.slug, kind: organizations.kind })
      .from(organizations),
  );
  const nnsId = orgs.find((o) => o.kind === "nns")?.id;
  if (!nnsId) return;
  const nns = await enterOrganization(system, nnsId);
  const forbund = new Map<string, OrgContext>();
  for (const org of orgs) {
    if (org.kind === "forbund" && org.slug in CITY)
      forbund.set(org.slug, await enterOrganization(system, org.id));
  }
  await putSellerSettings(
    nns,
    {
      legalName: "Nationella nätverket för samordningsförbund (demo)",
      organizationNumber: "2220000018",
      vatNumber: "SE222000001801",
      fSkatt: true,
      address: { street: "Demogatan 1", postalCode: "11122", city: "Stockholm" },
      invoiceEmail: "faktura@demo.nns.se",
      bankgiro: "5050-1055",
      paymentTermsDays: 30,
      lateInterestText: "Demodata. Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
    },
    null,
  );
  for (const [slug, ctx] of forbund) {
    const [postalCode, city] = CITY[slug] ?? ["11122", "Stockholm"];
    await putInvoicingDetails(
      ctx,
      {
        address: { street: "Box 100", postalCode, city },
        invoiceEmail: `faktura.${slug}@demo.nns.se`,
        defaultReference: `Förbundschef ${ctx.organization.name.replace("Samordningsförbundet ", "")}`,
      },
      null,
    );
  }

  const held = await heldTraining(nns, forbund, trainerId);
  const drafted = await draftInvoices(nns, held);
  const draftOf = (slug: string) =>
    drafted.drafts.find((d) => d.invoice.buyer.organizationId === forbund.get(slug)?.organization.id)?.invoice
      .id as string;
  // Issued oldest first, so numbers follow the dates as they would have.
  const plan: [string, number][] = [
    ["sundsvall", -100],
    ["umearegionen", -100],
    ["centrala-ostergotland", -75],
    ["norra-vastmanland", -45],
  ];
  const issued = new Map<string, { id: string; totalOre: number; ocr: string | null }>();
  for (const [slug, daysAgo] of plan) issued.set(slug, await issueOn(nns, draftOf(slug), daysAgo));
  const paid = issued.get("sundsvall");
  const partly = issued.get("centrala-ostergotland");
  if (paid) {
    await registerPayment(nns, paid.id, {
      paidOn: stockholmDate(morning(-72)),
      amountOre: paid.totalOre,
      method: "bankgiro",
      reference: paid.ocr,
    });
  }
  if (partly) {
    await registerPayment(nns, partly.id, {
      paidOn: stockholmDate(morning(-40)),
      amountOre: Math.round(partly.totalOre / 2),
      method: "bankgiro",
      reference: partly.ocr,
      note: "Förbundet betalar resten efter styrelsemötet.",
    });
  }

  const upcoming = await draftInvoices(nns, upcomingTrainingId);
  const halland = upcoming.drafts.find(
    (d) => d.invoice.buyer.organizationId === forbund.get("halland")?.organization.id,
  );
  if (halland) await issueOn(nns, halland.invoice.id, 0);
}

/** A shared BIP/SKAPA training of four förbund whose four steps were held 130 to 109 days ago. */
async function heldTraining(
  nns: OrgContext,
  forbund: Map<string, OrgContext>,
  trainerId: string,
): Promise<string> {
  const parties = [
    ["sundsvall", 8],
    ["umearegionen", 6],
    ["centrala-ostergotland", 6],
    ["norra-vastmanland", 5],
  ] as const;
  const training = await createTraining(nns, {
    kind: "bip_skapa",
    title: "BIP/SKAPA Norrland och Mälardalen",
    parties: parties.flatMap(([slug, seats]) => {
      const party = forbund.get(slug);
      return party ? [{ organizationId: party.organization.id, seats }] : [];
    }),
  });
  const steps = [
    ["startup", 10, -130],
    ["kickoff", 17, -123],
    ["follow_up", 24, -116],
    ["training", 31, -109],
  ] as const;
  let planned = training;
  for (const [stepKey, ahead] of steps) {
    planned = await addSession(nns, training.id, {
      stepKey,
      startsAt: morning(ahead),
      mode: "digital",
      videoLink: "https://video.example.se/bip-norrland",
      trainerIds: [trainerId],
    });
  }
  await moveTraining(nns, training.id, "plan", null);
  // Planned while ahead, then moved to when it was held, as the inspirationsdag is.
  for (const [stepKey, , held] of steps) {
    const session = planned.sessions.find((s) => s.stepKey === stepKey);
    if (!session) continue;
    const length = session.endsAt.getTime() - session.startsAt.getTime();
    await updateSession(
      nns,
      training.id,
      session.id,
      { startsAt: morning(held), endsAt: new Date(morning(held).getTime() + length) },
      null,
    );
  }
  await moveTraining(nns, training.id, "confirm", null);
  return training.id;
}

/** Issues a draft as if on a day some days back (the demo's history), through the ledger's one issuing path. */
async function issueOn(nns: OrgContext, draftId: string, daysAgo: number) {
  return transaction(nns.deps.db, { organizationId: nns.organization.id }, async (tx) => {
    const [draft] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.organizationId, nns.organization.id), eq(invoices.id, draftId)))
      .for("update");
    if (!draft) throw new Error(`no demo draft ${draftId}`);
    const issued = await issueDraft(tx, nns, draft, {
      creditedInvoice: null,
      note: await trainingNote(tx, draft.trainingId),
      issueDate: addDays(stockholmDate(), daysAgo),
    });
    return { id: issued.id, totalOre: issued.totalOre, ocr: issued.ocr };
  });
}
