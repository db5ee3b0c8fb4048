import { randomUUID } from "node:crypto";
import type { Schemas } from "@nns/api-client";
import { grantRole, systemContext } from "@nns/services";
import { finsamMemberParties } from "@nns/services/testing";
import { type Client, expectData, PASSWORD, signIn } from "./client.js";
import { freshTenant, type Tenant, type TestEnv } from "./helpers.js";

export const DAY = 86_400_000;

/** An hour on a day counted from today, in UTC, as the API takes it. */
export const at = (daysFromNow: number, hour: number) => {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

export const inOrg = (orgId: string) => ({ params: { path: { orgId } } });
export const inTraining = (orgId: string, trainingId: string) => ({
  params: { path: { orgId, trainingId } },
});

export async function emailsTo(env: TestEnv, address: string) {
  return env.t.db.ownerSql(
    "select subject, text_body, attachments, template from emails where lower(to_address) = lower($1) order by created_at",
    [address],
  );
}

export interface RegisteredTrainer {
  id: string;
  email: string;
  /** The trainer's own session: a person with the trainer role in NNS. */
  client: Client;
}

/** A person with the trainer role in NNS, entered in NNS's registry under a unique address. */
export async function registeredTrainer(
  env: TestEnv,
  nns: Client,
  body: { countyCodes?: Schemas["CountyCode"][]; deliveryModes?: ("digital" | "on_site")[] } = {},
): Promise<RegisteredTrainer> {
  const email = `utbildare.${randomUUID().slice(0, 8)}@test.se`;
  await grantRole(systemContext(env.deps, "test"), {
    organizationSlug: "nns",
    email,
    name: "Ulla Utbildare",
    password: PASSWORD,
    role: "trainer",
  });
  const created = expectData(
    await nns.POST("/nns/trainers", {
      body: {
        name: "Ulla Utbildare",
        email,
        countyCodes: body.countyCodes ?? ["13", "06"],
        deliveryModes: body.deliveryModes ?? ["digital", "on_site"],
      },
    }),
    201,
  );
  return { id: created.id, email, client: await signIn(env, email) };
}

/** Certified by Væksthuset until the end of 2030, long past every session the tests plan. */
export async function certify(nns: Client, trainerId: string): Promise<void> {
  expectData(
    await nns.POST("/nns/trainers/{trainerId}/certifications", {
      params: { path: { trainerId } },
      body: { issuer: "Væksthuset", certifiedOn: "2025-01-01", validUntil: "2030-12-31" },
    }),
    201,
  );
}

/** A förbund's request for a BIP/SKAPA training in spring 2027. */
export async function trainingRequest(
  client: Client,
  orgId: string,
  over: { periodStart?: string; expectedParticipants?: number } = {},
): Promise<Schemas["TrainingRequest"]> {
  return expectData(
    await client.POST("/orgs/{orgId}/training-requests", {
      ...inOrg(orgId),
      body: {
        periodStart: "2027-02-01",
        periodEnd: "2027-04-30",
        expectedParticipants: 12,
        deliveryPreference: "either",
        openToSharing: true,
        contactName: "Kontaktperson",
        contactEmail: `kontakt.${orgId.slice(0, 8)}@test.se`,
        ...over,
      },
    }),
    201,
  );
}

/**
 * Two förbund of the test's own, `a` in Halland (13) and `b` in Jönköping (06), neighbouring län, with
 * nothing requested yet; NNS's admin, and a trainer in the registry, not yet certified.
 */
export async function twoRequesters(env: TestEnv) {
  const [a, b] = await Promise.all([
    freshTenant(env, { countyCode: "13" }),
    freshTenant(env, { countyCode: "06", memberParties: finsamMemberParties("06", ["0680"]) }),
  ]);
  const nns = await signIn(env, env.users.nnsAdmin.email);
  const trainer = await registeredTrainer(env, nns);
  return { a, b, nns, trainer };
}

export type Requesters = Awaited<ReturnType<typeof twoRequesters>>;

/** Both förbund's requests turned into one training of NNS's, with `a` and `b` as parties, in that order. */
export async function requestedTraining(env: TestEnv) {
  const parties = await twoRequesters(env);
  const { a, b, nns, trainer } = parties;
  await certify(nns, trainer.id);
  const requestA = await trainingRequest(await a.signIn("admin"), a.org.id, { expectedParticipants: 15 });
  const requestB = await trainingRequest(await b.signIn("admin"), b.org.id, {
    periodStart: "2027-03-01",
    expectedParticipants: 10,
  });
  const training = expectData(
    await nns.POST("/orgs/{orgId}/trainings", {
      ...inOrg(env.nns.id),
      body: {
        kind: "bip_skapa",
        title: "BIP/SKAPA Halland och Jönköping",
        requestIds: [requestA.id, requestB.id],
      },
    }),
    201,
  );
  return { ...parties, trainingId: training.id, requestA, requestB };
}

export type RequestedTraining = Awaited<ReturnType<typeof requestedTraining>>;

/**
 * Step 4 of the template (the training day, in 20 days, on site) and step 2 (the kick-off, in 10 days,
 * digital), both with the certified trainer; each answer is the training after the session was added.
 */
export async function scheduleSessions(env: TestEnv, f: RequestedTraining) {
  const sessions = "/orgs/{orgId}/trainings/{trainingId}/sessions";
  const step4 = await f.nns.POST(sessions, {
    ...inTraining(env.nns.id, f.trainingId),
    body: {
      stepKey: "training",
      startsAt: at(20, 8),
      mode: "on_site",
      location: "Halmstad",
      trainerIds: [f.trainer.id],
    },
  });
  const step2 = await f.nns.POST(sessions, {
    ...inTraining(env.nns.id, f.trainingId),
    body: {
      stepKey: "kickoff",
      startsAt: at(10, 8),
      mode: "digital",
      videoLink: "https://video.example.se/kickoff",
      trainerIds: [f.trainer.id],
    },
  });
  const trainingSession = expectData(step4, 201).sessions[0]?.id as string;
  const kickoff = expectData(step2, 201).sessions.find((s) => s.stepKey === "kickoff")?.id as string;
  return { step4, step2, trainingSession, kickoff };
}

export const transition = (
  client: Client,
  orgId: string,
  trainingId: string,
  action: "plan" | "confirm" | "complete",
) =>
  client.POST("/orgs/{orgId}/trainings/{trainingId}/transitions", {
    ...inTraining(orgId, trainingId),
    body: { action },
  });

/** A requested training with its two sessions, planned: open for registration. */
export async function plannedTraining(env: TestEnv) {
  const f = await requestedTraining(env);
  const { trainingSession, kickoff } = await scheduleSessions(env, f);
  expectData(await transition(f.nns, env.nns.id, f.trainingId, "plan"));
  return { ...f, trainingSession, kickoff };
}

export type PlannedTraining = Awaited<ReturnType<typeof plannedTraining>>;

/** Sets a party's seats in NNS's training. */
export const setSeats = (env: TestEnv, f: PlannedTraining, party: Tenant, seats: number) =>
  f.nns.PUT("/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}", {
    params: { path: { orgId: env.nns.id, trainingId: f.trainingId, partyId: party.org.id } },
    body: { seats },
  });

/** Person `n` of a förbund, registered by `client` for `sessions`. */
export function register(f: PlannedTraining, client: Client, party: Tenant, n: number, sessions: string[]) {
  return client.POST("/orgs/{orgId}/trainings/{trainingId}/participants", {
    ...inTraining(party.org.id, f.trainingId),
    body: {
      name: `Person ${n}`,
      email: personEmail(party, n),
      employer: "Försäkringskassan",
      gender: n % 2 ? "woman" : "man",
      contactConsent: true,
      sessionIds: sessions,
    },
  });
}

export const personEmail = (party: Tenant, n: number) => `person${n}.${party.org.slug}@test.se`;

/**
 * With two seats for `a`: a's editor registers Person 1 for both sessions, Person 2 and 3 for the
 * training day (the third waits), then Person 2 for both; `b`'s admin registers a's Person 2's address
 * for the kick-off and its own Person 1 for the training day. Each answer, in that order.
 */
export async function registerParticipants(env: TestEnv, f: PlannedTraining) {
  const { a, b, trainingSession, kickoff } = f;
  const seats = await setSeats(env, f, a, 2);
  const editorA = await a.signIn("editor");
  const adminB = await b.signIn("admin");
  const first = await register(f, editorA, a, 1, [trainingSession, kickoff]);
  const second = await register(f, editorA, a, 2, [trainingSession]);
  const third = await register(f, editorA, a, 3, [trainingSession]);
  const more = await register(f, editorA, a, 2, [trainingSession, kickoff]);
  const sameAddress = await adminB.POST("/orgs/{orgId}/trainings/{trainingId}/participants", {
    ...inTraining(b.org.id, f.trainingId),
    body: { name: "Samma adress", email: personEmail(a, 2), contactConsent: false, sessionIds: [kickoff] },
  });
  const b1 = await register(f, adminB, b, 1, [trainingSession]);
  return { seats, first, second, third, more, sameAddress, b1 };
}
