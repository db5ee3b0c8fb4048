import type { OrgContext } from "./context.js";
import { registerParticipant } from "./trainings/training-participants.js";
import { submitTrainingRequest } from "./trainings/training-requests.js";
import { addSession } from "./trainings/training-sessions.js";
import { createTraining, moveTraining } from "./trainings/trainings.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * DAY).toISOString().slice(0, 10);

/** Names for the demo's extra participants; e-mail addresses are made from them. */
const NAMES = [
  "Amir Karimi",
  "Beata Lund",
  "Carl Nyberg",
  "Dina Persson",
  "Emil Wikström",
  "Frida Ström",
  "Gustav Ahl",
] as const;

const email = (prefix: string, name: string) =>
  `${prefix}.${name.toLowerCase().replace(/[^a-z]+/g, ".")}@demo.nns.se`;

/**
 * Requests from Sundsvall and Umeåregionen (neighbouring län, both open to sharing, digital, overlapping
 * periods): the NNS inbox's pairing suggestion on the day the demo starts.
 */
export async function seedPairableRequests(sundsvall: OrgContext, umea: OrgContext): Promise<void> {
  await submitTrainingRequest(umea, {
    periodStart: isoDay(60),
    periodEnd: isoDay(200),
    expectedParticipants: 14,
    deliveryPreference: "digital",
    openToSharing: true,
    contactName: "Förbundschef Umeåregionen",
    contactEmail: "admin.umea@demo.nns.se",
  });
  await submitTrainingRequest(sundsvall, {
    periodStart: isoDay(45),
    periodEnd: isoDay(150),
    expectedParticipants: 9,
    deliveryPreference: "either",
    openToSharing: true,
    contactName: "Sara Sundin",
    contactEmail: "processledare@demo.nns.se",
    notes: "Gärna tillsammans med ett grannförbund.",
  });
}

/**
 * A BIP/SKAPA start-up for Centrala Östergötland that began an hour before the demo started, led by the
 * demo trainer, with people registered: attendance is open on "Mina tillfällen" on day one.
 */
export async function seedSessionUnderWay(
  nns: OrgContext,
  ostergotland: OrgContext,
  trainerId: string,
): Promise<void> {
  const training = await createTraining(nns, {
    kind: "bip_skapa",
    title: "BIP/SKAPA Centrala Östergötland",
    parties: [{ organizationId: ostergotland.organization.id, seats: 12 }],
  });
  // Started an hour ago on a whole five minutes, as a real session would.
  const startsAt = new Date(Math.floor((Date.now() - HOUR) / 300_000) * 300_000);
  const planned = await addSession(nns, training.id, {
    stepKey: "startup",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * HOUR),
    mode: "digital",
    videoLink: "https://video.example.se/bip-ostergotland",
    trainerIds: [trainerId],
  });
  await moveTraining(nns, training.id, "plan", null);
  await moveTraining(nns, training.id, "confirm", null);
  const sessionId = planned.sessions[0]?.id as string;
  for (const name of NAMES.slice(0, 6)) {
    await registerParticipant(ostergotland, training.id, {
      name,
      email: email("ostergotland", name),
      employer: "Linköpings kommun",
      jobTitle: "Handläggare",
      contactConsent: false,
      sessionIds: [sessionId],
    });
  }
}

/** Halland's breakfast seminar: five places, seven registered, so two wait in line. */
export async function seedWaitingList(halland: OrgContext): Promise<void> {
  const event = await createTraining(halland, {
    kind: "event",
    title: "Frukostseminarium: unga och arbete",
    description: "Ett kort seminarium för handläggare om samverkan kring unga som står långt från arbete.",
  });
  const start = new Date(Date.now() + 12 * DAY);
  start.setUTCHours(7, 0, 0, 0);
  const withSession = await addSession(halland, event.id, {
    title: "Frukostseminarium",
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * HOUR),
    mode: "on_site",
    location: "Halmstad, Stadsbiblioteket",
    capacity: 5,
  });
  await moveTraining(halland, event.id, "plan", null);
  const sessionId = withSession.sessions[0]?.id as string;
  for (const name of NAMES) {
    await registerParticipant(halland, event.id, {
      name,
      email: email("frukost", name),
      employer: "Halmstads kommun",
      contactConsent: false,
      sessionIds: [sessionId],
    });
  }
}
