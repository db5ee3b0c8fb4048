import { emails, organizations, transaction } from "@nns/db";
import { and, eq, inArray } from "drizzle-orm";
import { enterOrganization } from "./access.js";
import { type Deps, systemContext } from "./context.js";
import { seedDemoBilling } from "./demo-billing.js";
import { seedOpenSignupEvent } from "./demo-event-signup.js";
import { seedPairableRequests, seedSessionUnderWay, seedWaitingList } from "./demo-trainings-today.js";
import { recordAttendance } from "./trainings/attendance.js";
import { answerSurvey } from "./trainings/surveys.js";
import { addCertification, createTrainer } from "./trainings/trainers.js";
import { registerParticipant } from "./trainings/training-participants.js";
import { setParty } from "./trainings/training-parties.js";
import { submitTrainingRequest } from "./trainings/training-requests.js";
import { addSession, updateSession } from "./trainings/training-sessions.js";
import { createTraining, moveTraining } from "./trainings/trainings.js";

const DAY = 86_400_000;

/** A Stockholm-local morning some days from now (09:00 in winter time is 08:00 UTC). */
function morning(daysFromNow: number): Date {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(8, 0, 0, 0);
  return d;
}

const SLUGS = ["nns", "halland", "hoglandet", "umearegionen", "sundsvall", "centrala-ostergotland"];

const PEOPLE = [
  ["Anna Berg", "woman", "Försäkringskassan"],
  ["Johan Lind", "man", "Arbetsförmedlingen"],
  ["Maria Ek", "woman", "Region Halland"],
  ["Erik Sjö", "man", "Halmstads kommun"],
  ["Sara Holm", "woman", "Varbergs kommun"],
  ["Ali Hassan", "man", "Falkenbergs kommun"],
  ["Lena Strand", "woman", "Kungsbacka kommun"],
] as const;

/**
 * Demo trainings: two certified trainers, intresseanmälningar from Halland and Höglandet (neighbouring
 * län, both open to sharing) turned into one shared BIP/SKAPA training, Höglandet's own inspirationsdag
 * (seed 000) held, attended and followed up, and what the README's flows need on the day the demo starts:
 * requests from Sundsvall and Umeåregionen that pair, a session under way for the demo trainer's
 * attendance and a full seminar with a waiting list.
 */
export async function seedDemoTrainings(deps: Deps, trainerEmail: string): Promise<void> {
  const system = systemContext(deps, "demo-seed");
  const ids = await transaction(deps.db, {}, (tx) =>
    tx
      .select({ id: organizations.id, slug: organizations.slug })
      .from(organizations)
      .where(inArray(organizations.slug, SLUGS)),
  );
  const id = (slug: string) => ids.find((o) => o.slug === slug)?.id as string;
  const [nns, halland, hoglandet, umea, sundsvall, ostergotland] = await Promise.all(
    SLUGS.map((slug) => enterOrganization(system, id(slug))),
  );
  if (!nns || !halland || !hoglandet || !umea || !sundsvall || !ostergotland) return;

  const tove = await createTrainer(nns, {
    name: "Tove Tränare",
    email: trainerEmail,
    phone: "070-123 45 67",
    countyCodes: ["13", "06", "07"],
    deliveryModes: ["digital", "on_site"],
  });
  await addCertification(nns, tove.id, {
    issuer: "Væksthuset",
    certifiedOn: "2023-03-01",
    validUntil: new Date(Date.now() + 400 * DAY).toISOString().slice(0, 10),
    evidence: "Certifikat VH-2023-114",
  });
  const karl = await createTrainer(nns, {
    name: "Karl Karlsson",
    email: "karl.karlsson@demo.nns.se",
    countyCodes: ["24", "25", "22"],
    deliveryModes: ["digital"],
  });
  await addCertification(nns, karl.id, {
    issuer: "Væksthuset",
    certifiedOn: "2022-09-15",
    validUntil: new Date(Date.now() + 45 * DAY).toISOString().slice(0, 10),
    evidence: "Certifikat VH-2022-087",
  });

  const period = {
    periodStart: morning(30).toISOString().slice(0, 10),
    periodEnd: morning(150).toISOString().slice(0, 10),
  };
  const fromHalland = await submitTrainingRequest(halland, {
    ...period,
    expectedParticipants: 15,
    deliveryPreference: "either",
    openToSharing: true,
    contactName: "Hanna Holm",
    contactEmail: "admin.halland@demo.nns.se",
    notes: "Vi vill gärna genomföra kick-offen på plats i Halmstad.",
  });
  const fromHoglandet = await submitTrainingRequest(hoglandet, {
    ...period,
    expectedParticipants: 10,
    deliveryPreference: "either",
    openToSharing: true,
    contactName: "Förbundschef Höglandet",
    contactEmail: "admin.hoglandet@demo.nns.se",
  });
  await seedPairableRequests(sundsvall, umea);

  const bip = await createTraining(nns, {
    kind: "bip_skapa",
    title: "BIP/SKAPA Halland och Höglandet",
    requestIds: [fromHalland.id, fromHoglandet.id],
  });
  await setParty(nns, bip.id, halland.organization.id, { seats: 15 });
  await setParty(nns, bip.id, hoglandet.organization.id, { seats: 10 });
  const steps = [
    {
      stepKey: "startup",
      startsAt: morning(35),
      mode: "digital" as const,
      videoLink: "https://video.example.se/bip-start",
    },
    {
      stepKey: "kickoff",
      startsAt: morning(42),
      mode: "on_site" as const,
      location: "Halmstad, Stadsbiblioteket",
    },
    {
      stepKey: "follow_up",
      startsAt: morning(70),
      mode: "digital" as const,
      videoLink: "https://video.example.se/bip-avstamning",
    },
    { stepKey: "training", startsAt: morning(84), mode: "on_site" as const, location: "Värnamo, Vandalorum" },
  ];
  let planned = bip;
  for (const step of steps) planned = await addSession(nns, bip.id, { ...step, trainerIds: [tove.id] });
  await moveTraining(nns, bip.id, "plan", null);
  await moveTraining(nns, bip.id, "confirm", null);
  await seedDemoBilling(deps, tove.id, bip.id);
  const trainingStep = planned.sessions.find((s) => s.stepKey === "training")?.id as string;
  const kickoff = planned.sessions.find((s) => s.stepKey === "kickoff")?.id as string;
  for (const [index, [name, gender, employer]] of PEOPLE.entries()) {
    await registerParticipant(halland, bip.id, {
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@demo.nns.se`,
      employer,
      jobTitle: "Handläggare",
      gender,
      contactConsent: index % 2 === 0,
      sessionIds: [kickoff, trainingStep],
    });
  }

  // Höglandet's own inspirationsdag: registered while upcoming, then held (moved into the past).
  const day = await createTraining(hoglandet, {
    kind: "event",
    title: "Inspirationsdag: rehabilitering till arbete",
    description: "Årlig kunskaps- och inspirationsdag för handläggare hos förbundets fyra parter.",
  });
  const withSession = await addSession(hoglandet, day.id, {
    title: "Inspirationsdag",
    startsAt: morning(3),
    endsAt: new Date(morning(3).getTime() + 7 * 3_600_000),
    mode: "on_site",
    location: "Eksjö, Stadshotellet",
    capacity: 80,
  });
  const sessionId = withSession.sessions[0]?.id as string;
  await moveTraining(hoglandet, day.id, "plan", null);
  const registrations: string[] = [];
  for (const [index, [name, gender]] of PEOPLE.entries()) {
    const participant = await registerParticipant(hoglandet, day.id, {
      name,
      email: `inspiration.${index}@demo.nns.se`,
      employer:
        ["Försäkringskassan", "Arbetsförmedlingen", "Region Jönköpings län", "Eksjö kommun"][index % 4] ??
        null,
      gender,
      contactConsent: false,
      sessionIds: [sessionId],
    });
    registrations.push(participant.registrations[0]?.id as string);
  }
  await updateSession(
    hoglandet,
    day.id,
    sessionId,
    { startsAt: morning(-20), endsAt: new Date(morning(-20).getTime() + 7 * 3_600_000) },
    null,
  );
  await moveTraining(hoglandet, day.id, "confirm", null);
  await recordAttendance(
    hoglandet,
    day.id,
    sessionId,
    registrations.map((registrationId, index) => ({ registrationId, attended: index !== 3 })),
  );
  await moveTraining(hoglandet, day.id, "complete", null);
  // The demo answers its own survey links, read from the embedded outbox as a participant would.
  const links = await transaction(deps.db, { organizationId: hoglandet.organization.id }, (tx) =>
    tx
      .select({ text: emails.textBody })
      .from(emails)
      .where(
        and(eq(emails.template, "training_survey"), eq(emails.organizationId, hoglandet.organization.id)),
      ),
  );
  const scores = [5, 4, 5, 4, 3, 5];
  for (const [index, link] of links.entries()) {
    const token = /#([a-z2-7]{48})/.exec(link.text ?? "")?.[1];
    if (!token) continue;
    const score = scores[index % scores.length] as number;
    await answerSurvey(deps, token, {
      scores: { overall: score, content: score, usefulness: Math.max(1, score - 1), organisation: 4 },
      comment: index === 0 ? "Mycket inspirerande, särskilt erfarenhetsutbytet." : null,
    });
  }
  // Last, so that the trainings above stay the first of their kind in the database (pages.test.ts).
  await seedSessionUnderWay(nns, ostergotland, tove.id);
  await seedOpenSignupEvent(deps, hoglandet);
  await seedWaitingList(halland);
}
