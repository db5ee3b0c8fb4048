import { describe, expect, it } from "vitest";
import {
  cancelEventSignup,
  type EventSignupForm,
  eraseEventSignup,
  eventCancellationFor,
  getEventSignup,
  listParticipants,
  type OrgContext,
  publicEvent,
  putEventSignup,
  signUpForEvent,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, useServiceDatabase } from "./tenant.js";
import { plannedEvent } from "./training-fixtures.js";

const env = useServiceDatabase();
const CONSENT = "Jag samtycker till att förbundet sparar mina uppgifter för evenemanget.";

let n = 0;
function form(trainingId: string, overrides: Partial<EventSignupForm> = {}): EventSignupForm {
  n += 1;
  return {
    trainingId,
    name: `Anna Andersson ${n}`,
    email: `anna.${n}.${Date.now()}@example.se`,
    employer: "Arbetsförmedlingen Eksjö",
    memberPartyId: null,
    consent: true,
    consentVersion: 1,
    clientIp: `192.0.2.${n % 250}`,
    ...overrides,
  };
}

async function openEvent(ctx: OrgContext, capacity: number | null = 20) {
  const event = await plannedEvent(ctx, capacity);
  await putEventSignup(ctx, event.training.id, { open: true, closesAt: null, consentText: CONSENT });
  return event;
}

async function emailsTo(to: string) {
  return rowsOf(env.deps, { table: "emails", where: { to_address: to } });
}

describe("putEventSignup", () => {
  it("opens public sign-up with its consent text, audited, and versions a changed text", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await plannedEvent(t.admin);
    const before = await getEventSignup(t.viewer, training.id);
    expect(before).toMatchObject({ open: false, consentVersion: 0 });
    expect(before.consentText).toContain(t.organization.name);
    const opened = await putEventSignup(t.admin, training.id, {
      open: true,
      closesAt: null,
      consentText: CONSENT,
    });
    expect(opened).toMatchObject({
      open: true,
      consentVersion: 1,
      publicUrl: `http://localhost:3000/evenemang/${training.id}`,
    });
    await expectAudited(env.deps, {
      organizationId: t.organization.id,
      action: "training.public_signup_set",
      entityType: "training",
      entityId: training.id,
      actor: t.admin,
      after: { open: true, consentVersion: 1 },
      sameTransactionAs: { table: "event_signups", where: { training_id: training.id } },
    });
    const same = await putEventSignup(t.admin, training.id, {
      open: true,
      closesAt: null,
      consentText: CONSENT,
    });
    expect(same.consentVersion).toBe(1);
    const changed = await putEventSignup(t.admin, training.id, {
      open: true,
      closesAt: null,
      consentText: `${CONSENT} Ny mening.`,
    });
    expect(changed.consentVersion).toBe(2);
  });

  it("is refused for a viewer, for an empty consent text and for another förbund's event", async () => {
    const t = await freshTenant(env.deps);
    const other = await freshTenant(env.deps);
    const { training } = await plannedEvent(t.admin);
    const input = { open: true, closesAt: null, consentText: CONSENT };
    await expectRefused(env.deps, () => putEventSignup(t.viewer, training.id, input), "forbidden", [
      "event_signups",
    ]);
    const empty = await expectRefused(
      env.deps,
      () => putEventSignup(t.admin, training.id, { ...input, consentText: " " }),
      "validation_failed",
      ["event_signups"],
    );
    expect(empty.errors?.[0]?.field).toBe("body.consentText");
    await expectRefused(env.deps, () => putEventSignup(other.admin, training.id, input), "not_found");
  });
});

describe("signUpForEvent", () => {
  it("registers the person, stores the consent and queues the confirmation with a calendar file", async () => {
    const t = await freshTenant(env.deps);
    const { training, sessionId } = await openEvent(t.admin);
    const shown = await publicEvent(env.deps, training.id);
    expect(shown).toMatchObject({
      title: "Inspirationsdag",
      open: true,
      consentText: CONSENT,
      consentVersion: 1,
    });
    expect(shown?.sessions).toEqual([
      expect.objectContaining({ id: sessionId, location: "Stadshuset", seatsLeft: 20 }),
    ]);
    const kommun = shown?.memberParties.find((p) => p.name.length > 0);
    const input = form(training.id, { memberPartyId: kommun?.id ?? null });
    const result = await signUpForEvent(env.deps, input);
    expect(result).toEqual({ status: "confirmed", waitingPosition: null });
    const [participant] = await listParticipants(t.admin, training.id);
    expect(participant).toMatchObject({ email: input.email, employer: "Arbetsförmedlingen Eksjö" });
    const [consent] = await rowsOf(env.deps, {
      table: "event_signup_consents",
      where: { participant_id: participant?.id },
    });
    expect(consent).toMatchObject({ consent_text: CONSENT, consent_version: 1, member_party_id: kommun?.id });
    // PGlite answers a Date, PostgreSQL a string: compare the instant.
    expect(Date.now() - new Date(String(consent?.consented_at)).getTime()).toBeLessThan(60_000);
    await expectAudited(env.deps, {
      organizationId: t.organization.id,
      action: "registration.created",
      entityType: "training_participant",
      entityId: participant?.id as string,
      sameTransactionAs: { table: "event_signup_consents", where: { participant_id: participant?.id } },
    });
    const [email] = await emailsTo(input.email);
    expect(email).toMatchObject({ template: "training_registration", subject: "Anmälan: Inspirationsdag" });
    expect(String(email?.text_body)).toMatch(/\/evenemang\/avboka\/[\w-]+\.[\w-]+/);
    const [ics] = (email?.attachments ?? []) as { filename: string; content: string }[];
    expect(ics?.filename).toBe("inbjudan.ics");
    const session = shown?.sessions[0];
    const stamp = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    expect(ics?.content).toContain(`DTSTART:${stamp(session?.startsAt as Date)}`);
    expect(ics?.content).toContain("SUMMARY:Inspirationsdag: Inspirationsdag");
    expect(ics?.content).toContain("LOCATION:Stadshuset");
  });

  it("puts the person on the waiting list when the event is full", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin, 1);
    await signUpForEvent(env.deps, form(training.id));
    expect((await publicEvent(env.deps, training.id))?.sessions[0]?.seatsLeft).toBe(0);
    const second = await signUpForEvent(env.deps, form(training.id));
    expect(second).toEqual({ status: "waitlisted", waitingPosition: 1 });
  });

  it("gives the last seat to exactly one of two concurrent sign-ups", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin, 1);
    const results = await Promise.all([
      signUpForEvent(env.deps, form(training.id)),
      signUpForEvent(env.deps, form(training.id)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["confirmed", "waitlisted"]);
    const people = await listParticipants(t.admin, training.id);
    expect(people.flatMap((p) => p.registrations.map((r) => r.status)).sort()).toEqual([
      "confirmed",
      "waitlisted",
    ]);
  });

  it("names each wrong field in Swedish and stores nothing", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin);
    const error = await expectRefused(
      env.deps,
      () =>
        signUpForEvent(
          env.deps,
          form(training.id, { name: " ", email: "inte-en-adress", employer: "", consent: false }),
        ),
      "validation_failed",
      ["training_participants", "session_registrations", "event_signup_consents"],
    );
    expect(error.errors?.map((e) => e.field)).toEqual([
      "body.name",
      "body.email",
      "body.employer",
      "body.consent",
    ]);
    expect(error.errors?.[1]?.message).toBe("Skriv en giltig e-postadress, till exempel namn@exempel.se.");
    const changed = await expectRefused(
      env.deps,
      () => signUpForEvent(env.deps, form(training.id, { consentVersion: 0 })),
      "validation_failed",
    );
    expect(changed.errors).toEqual([
      expect.objectContaining({ field: "body.consent", rule: "consent_changed" }),
    ]);
  });

  it("takes no sign-ups once closed or past its closing time", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin);
    await putEventSignup(t.admin, training.id, {
      open: true,
      closesAt: new Date(Date.now() - 1000),
      consentText: CONSENT,
    });
    expect((await publicEvent(env.deps, training.id))?.open).toBe(false);
    await expectRefused(env.deps, () => signUpForEvent(env.deps, form(training.id)), "conflict");
    await putEventSignup(t.admin, training.id, { open: false, closesAt: null, consentText: CONSENT });
    expect(await publicEvent(env.deps, training.id)).toBeNull();
  });

  it("limits sign-ups per client address", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin);
    const limited = {
      ...env.deps,
      config: {
        ...env.deps.config,
        newsletters: { signupLimits: { perAddress: 5, perClient: 1, windowMs: 60_000 } },
      },
    };
    await signUpForEvent(limited, form(training.id, { clientIp: "198.51.100.7" }));
    await expectRefused(
      env.deps,
      () => signUpForEvent(limited, form(training.id, { clientIp: "198.51.100.7" })),
      "rate_limited",
      ["training_participants"],
    );
  });
});

describe("cancelEventSignup", () => {
  it("frees the seat through the link and moves the next person up", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin, 1);
    const first = form(training.id);
    const second = form(training.id);
    await signUpForEvent(env.deps, first);
    await signUpForEvent(env.deps, second);
    const [confirmation] = await emailsTo(first.email);
    const token = String(confirmation?.text_body).match(
      /\/evenemang\/avboka\/([\w-]+\.[\w-]+)/,
    )?.[1] as string;
    expect(await eventCancellationFor(env.deps, token)).toMatchObject({ name: first.name, active: true });
    expect(await eventCancellationFor(env.deps, `${token}x`)).toBeNull();
    const done = await cancelEventSignup(env.deps, token);
    expect(done).toMatchObject({ trainingTitle: "Inspirationsdag", active: false });
    const people = await listParticipants(t.admin, training.id);
    const status = (email: string) => people.find((p) => p.email === email)?.registrations[0]?.status;
    expect(status(first.email)).toBe("cancelled");
    expect(status(second.email)).toBe("confirmed");
    expect((await emailsTo(second.email)).map((e) => e.template)).toContain("training_waitlist_promoted");
    expect(await eventCancellationFor(env.deps, token)).toMatchObject({ active: false });
  });

  it("erases the person through the link: cancelled, identity overwritten, consent gone, link dead, audited", async () => {
    const t = await freshTenant(env.deps);
    const { training } = await openEvent(t.admin);
    const input = form(training.id);
    await signUpForEvent(env.deps, input);
    const [confirmation] = await emailsTo(input.email);
    const token = String(confirmation?.text_body).match(
      /\/evenemang\/avboka\/([\w-]+\.[\w-]+)/,
    )?.[1] as string;
    expect(await eventCancellationFor(env.deps, token)).toMatchObject({
      employer: "Arbetsförmedlingen Eksjö",
      consent: { text: CONSENT, version: 1 },
    });
    expect(await eraseEventSignup(env.deps, token)).toEqual({ trainingTitle: "Inspirationsdag" });
    const [person] = await listParticipants(t.admin, training.id);
    expect(person).toMatchObject({ name: "Raderad deltagare", employer: null });
    expect(person?.email).not.toBe(input.email);
    expect(person?.registrations.map((r) => r.status)).toEqual(["cancelled"]);
    expect(
      await rowsOf(env.deps, { table: "event_signup_consents", where: { participant_id: person?.id } }),
    ).toEqual([]);
    await expectAudited(env.deps, {
      organizationId: t.organization.id,
      action: "registration.erased",
      entityType: "training_participant",
      entityId: person?.id as string,
      sameTransactionAs: { table: "training_participants", where: { id: person?.id } },
    });
    expect(await eventCancellationFor(env.deps, token)).toBeNull();
  });
});
