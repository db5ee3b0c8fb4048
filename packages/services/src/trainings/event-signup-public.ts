// Routes: apps/api/src/event-pages — the public page of an event open for sign-up, signing up there, and
// the cancellation link in the confirmation email. No one is signed in: the open event, the limits per
// address and client, and the signed link stand in for a permission.
import {
  eventSignupConsents,
  eventSignups,
  organizationMemberParties,
  sessionRegistrations,
  setScope,
  type Tx,
  trainingParticipants,
  trainingSessions,
  trainings,
  transaction,
} from "@nns/db";
import { AppError, type FieldError, registrationOpen } from "@nns/domain";
import { and, asc, eq, ne } from "drizzle-orm";
import { audit } from "../audit.js";
import type { Deps, OrgContext } from "../context.js";
import { DEFAULT_SIGNUP_LIMITS } from "../newsletters/signup.js";
import { emailHash, normalizeEmail } from "../newsletters/subscriber-records.js";
import { signingKey, signToken, verifyToken } from "../newsletters/tokens.js";
import { countInWindow, tooMany } from "../throttle.js";
import { organizationName } from "./scope.js";
import { seatState } from "./seats.js";
import { cancelRegistration, registerParticipant } from "./training-participants.js";

const PUBLIC = { "app.event_signup_public": "on" } as const;
const TRY_LATER = "För många anmälningar på kort tid. Försök igen senare.";
const NAME_MAX = 200;

export interface PublicEventSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "digital" | "on_site";
  location: string | null;
  /** Seats left for someone signing up now; null when the session has no limit. */
  seatsLeft: number | null;
}

export interface PublicEvent {
  id: string;
  title: string;
  description: string | null;
  organizerName: string;
  sessions: PublicEventSession[];
  /** People can sign up now (open, not past its closing time, sessions still to come). */
  open: boolean;
  closesAt: Date | null;
  consentText: string;
  consentVersion: number;
  /** The förbund's member parties, for "which party do you work for"; empty when it has none. */
  memberParties: { id: string; name: string }[];
}

/** The participant acting through the public page or their link: the actor audit entries name. */
function publicContext(deps: Deps, organizationId: string, label: string): OrgContext {
  return {
    deps,
    actor: { type: "system", label },
    requestId: null,
    organization: { id: organizationId, kind: "forbund", name: "" },
    access: "system",
    permissions: new Set(["trainings:read", "trainings:register"]),
  };
}

/** The open event and its förbund's scope set on `tx`; null when there is no such open event. */
async function readPublicEvent(tx: Tx, trainingId: string, now: Date): Promise<PublicEvent | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trainingId)) return null;
  const [signup] = await tx.select().from(eventSignups).where(eq(eventSignups.trainingId, trainingId));
  if (!signup) return null;
  await setScope(tx, { organizationId: signup.organizationId });
  const [training] = await tx.select().from(trainings).where(eq(trainings.id, trainingId));
  if (training?.kind !== "event") return null;
  const sessions = await tx
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId))
    .orderBy(asc(trainingSessions.startsAt));
  const parties = await tx
    .select({ id: organizationMemberParties.id, name: organizationMemberParties.name })
    .from(organizationMemberParties)
    .where(eq(organizationMemberParties.organizationId, signup.organizationId))
    .orderBy(asc(organizationMemberParties.name));
  const upcoming = sessions.filter((s) => s.endsAt > now);
  const views: PublicEventSession[] = [];
  for (const s of upcoming) {
    const state = await seatState(tx, trainingId, s.id);
    views.push({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      mode: s.mode,
      location: s.mode === "digital" ? null : s.location,
      seatsLeft:
        state.session.capacity === null
          ? null
          : Math.max(0, state.session.capacity - state.session.confirmed),
    });
  }
  return {
    id: training.id,
    title: training.title,
    description: training.description,
    organizerName: await organizationName(tx, training.organizationId),
    sessions: views,
    open:
      registrationOpen(training.status) &&
      upcoming.length > 0 &&
      (signup.closesAt === null || signup.closesAt > now),
    closesAt: signup.closesAt,
    consentText: signup.consentText,
    consentVersion: signup.consentVersion,
    memberParties: parties,
  };
}

/** The event as its public page shows it; null for an event that is not (or no longer) published. */
export async function publicEvent(deps: Deps, trainingId: string): Promise<PublicEvent | null> {
  return transaction(deps.db, { settings: PUBLIC }, (tx) => readPublicEvent(tx, trainingId, new Date()));
}

export interface EventSignupForm {
  trainingId: string;
  name: string;
  email: string;
  employer: string;
  memberPartyId: string | null;
  consent: boolean;
  /** The consent version the form showed: a changed text must be read again. */
  consentVersion: number;
  clientIp: string | null;
}

export interface EventSignupResult {
  status: "confirmed" | "waitlisted";
  waitingPosition: number | null;
}

function validate(form: EventSignupForm, event: PublicEvent): { email: string; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = form.name.trim();
  if (name.length === 0 || name.length > NAME_MAX)
    errors.push({ field: "body.name", rule: "required", message: "Skriv ditt namn." });
  const email = normalizeEmail(form.email) ?? "";
  if (!email)
    errors.push({
      field: "body.email",
      rule: "email",
      message: "Skriv en giltig e-postadress, till exempel namn@exempel.se.",
    });
  const employer = form.employer.trim();
  if (employer.length === 0 || employer.length > NAME_MAX)
    errors.push({ field: "body.employer", rule: "required", message: "Skriv var du arbetar." });
  if (form.memberPartyId && !event.memberParties.some((p) => p.id === form.memberPartyId))
    errors.push({
      field: "body.memberPartyId",
      rule: "unknown_member_party",
      message: "Välj en av förbundets medlemmar i listan.",
    });
  if (!form.consent)
    errors.push({
      field: "body.consent",
      rule: "consent_required",
      message: "Kryssa i rutan för att ge ditt samtycke.",
    });
  else if (form.consentVersion !== event.consentVersion)
    errors.push({
      field: "body.consent",
      rule: "consent_changed",
      message:
        "Samtyckestexten har ändrats sedan du öppnade sidan. Läs den nya texten och kryssa i rutan igen.",
    });
  return { email, errors };
}

/**
 * A person signs themselves up for every session still to come, through the same registration as staff
 * use (the same seat locks and rules, the same waiting list); the consent they accepted is stored beside
 * the registration, and the confirmation email, with a calendar file and a cancellation link, is queued in
 * the same transaction. Sign-ups are counted per address and per client like the newsletter's, so one
 * over the limit is a 429 and, rolled back, leaves nothing.
 */
// convention: no permission check — a public form; the open event and the limits stand in for one
export async function signUpForEvent(deps: Deps, form: EventSignupForm): Promise<EventSignupResult> {
  const limits = deps.config.newsletters?.signupLimits ?? DEFAULT_SIGNUP_LIMITS;
  const key = await signingKey(deps.db);
  return transaction(deps.db, { settings: PUBLIC }, async (tx) => {
    const now = new Date();
    const event = await readPublicEvent(tx, form.trainingId, now);
    if (!event) throw new AppError("not_found", "The event does not exist or takes no sign-ups.");
    if (!event.open) throw new AppError("conflict", "Sign-up for the event is closed.");
    const { email, errors } = validate(form, event);
    if (errors.length > 0) throw new AppError("validation_failed", "The sign-up is not valid.", { errors });
    for (const counter of [
      { key: `event-signup:address:${emailHash(email)}`, limit: limits.perAddress },
      ...(form.clientIp ? [{ key: `event-signup:client:${form.clientIp}`, limit: limits.perClient }] : []),
    ]) {
      const { count, windowStartedAt } = await countInWindow(tx, counter.key, limits.windowMs);
      if (count > counter.limit) throw tooMany(TRY_LATER, windowStartedAt, limits.windowMs);
    }
    const [organizerRow] = await tx
      .select({ organizationId: eventSignups.organizationId })
      .from(eventSignups)
      .where(eq(eventSignups.trainingId, event.id));
    const organizationId = organizerRow?.organizationId as string;
    const ctx = publicContext(deps, organizationId, "Anmälan via evenemangssidan");
    const lastEnd = Math.max(...event.sessions.map((s) => s.endsAt.getTime()));
    const participant = await registerParticipant(
      ctx,
      event.id,
      {
        name: form.name.trim(),
        email,
        employer: form.employer.trim(),
        contactConsent: false,
        sessionIds: event.sessions.map((s) => s.id),
      },
      {
        tx,
        cancelUrl: (participantId) =>
          eventCancellationUrl(deps, key, {
            organizationId,
            participantId,
            expiresAt: Math.ceil(lastEnd / 1000),
          }),
      },
    );
    const consent = {
      consentText: event.consentText,
      consentVersion: event.consentVersion,
      consentedAt: now,
      memberPartyId: form.memberPartyId,
    };
    await tx
      .insert(eventSignupConsents)
      .values({ organizationId, participantId: participant.id, trainingId: event.id, ...consent })
      .onConflictDoUpdate({
        target: [eventSignupConsents.organizationId, eventSignupConsents.participantId],
        set: consent,
      });
    const live = participant.registrations.filter((r) => r.status !== "cancelled");
    const waiting = live.find((r) => r.status === "waitlisted");
    return waiting
      ? { status: "waitlisted", waitingPosition: waiting.waitingPosition }
      : { status: "confirmed", waitingPosition: null };
  });
}

function eventCancellationUrl(
  deps: Deps,
  key: Buffer,
  claims: { organizationId: string; participantId: string; expiresAt: number },
): string {
  const token = signToken(key, {
    purpose: "event_cancel",
    organizationId: claims.organizationId,
    subscriberId: claims.participantId,
    expiresAt: claims.expiresAt,
  });
  return `${deps.config.publicUrl}/evenemang/avboka/${token}`;
}

export interface EventCancellation {
  trainingTitle: string;
  name: string;
  email: string;
  employer: string | null;
  /** When and to which words the person consented on the public page; null if staff registered them. */
  consent: { at: Date; text: string; version: number } | null;
  /** The person still holds a seat or a place in the queue. */
  active: boolean;
}

/** What an erased attendee's address becomes: unique per participant, and never deliverable (RFC 2606). */
const erasedEmail = (participantId: string) => `raderad-${participantId}@invalid`;

/** The participant behind a cancellation link, with the scope set to their förbund; null when it does not hold. */
async function linkParticipant(tx: Tx, key: Buffer, token: string) {
  const claims = verifyToken(key, token, "event_cancel");
  if (!claims) return null;
  await setScope(tx, { organizationId: claims.organizationId });
  const [row] = await tx
    .select({ participant: trainingParticipants, title: trainings.title })
    .from(trainingParticipants)
    .innerJoin(trainings, eq(trainings.id, trainingParticipants.trainingId))
    .where(eq(trainingParticipants.id, claims.subscriberId));
  // An erased person's link leads nowhere any more.
  if (!row || row.participant.email === erasedEmail(row.participant.id)) return null;
  const [consent] = await tx
    .select()
    .from(eventSignupConsents)
    .where(eq(eventSignupConsents.participantId, row.participant.id));
  const live = await tx
    .select({ id: sessionRegistrations.id })
    .from(sessionRegistrations)
    .where(
      and(
        eq(sessionRegistrations.participantId, row.participant.id),
        ne(sessionRegistrations.status, "cancelled"),
      ),
    );
  return {
    ...row,
    consent: consent ?? null,
    organizationId: claims.organizationId,
    live: live.map((r) => r.id),
  };
}

/** What the cancellation page shows before the button is pressed; null for a link that does not hold. */
export async function eventCancellationFor(deps: Deps, token: string): Promise<EventCancellation | null> {
  const key = await signingKey(deps.db);
  return transaction(deps.db, {}, async (tx) => {
    const found = await linkParticipant(tx, key, token);
    if (!found) return null;
    return cancellationView(found, found.live.length > 0);
  });
}

/**
 * Follows a cancellation link: every live registration of the person is cancelled through the staff's
 * cancellation, so a freed seat goes to the next on the waiting list in the same transaction. Null when
 * the link is forged or expired (after the event).
 */
// convention: no permission check — anyone holding the emailed link may cancel (the link is the right)
export async function cancelEventSignup(deps: Deps, token: string): Promise<EventCancellation | null> {
  const key = await signingKey(deps.db);
  return transaction(deps.db, {}, async (tx) => {
    const found = await linkParticipant(tx, key, token);
    if (!found) return null;
    const ctx = publicContext(deps, found.organizationId, "Deltagaren via avbokningslänk");
    for (const registrationId of found.live) {
      await cancelRegistration(ctx, found.participant.trainingId, registrationId, { tx });
    }
    return cancellationView(found, false);
  });
}

function cancellationView(
  found: NonNullable<Awaited<ReturnType<typeof linkParticipant>>>,
  active: boolean,
): EventCancellation {
  const { participant, consent } = found;
  return {
    trainingTitle: found.title,
    name: participant.name,
    email: participant.email,
    employer: participant.employer,
    consent: consent
      ? { at: consent.consentedAt, text: consent.consentText, version: consent.consentVersion }
      : null,
    active,
  };
}

/**
 * The attendee's own erasure from the link, as a newsletter subscriber can: the sign-up is cancelled (the
 * seat goes on), then the name, address and workplace are overwritten and the consent record deleted. The
 * participant row and its registrations stay, without anyone's identity, so the event's follow-up still
 * counts them (records are kept, not silently deleted). The audit names the participant's id only.
 */
// convention: no permission check — anyone holding the emailed link may erase (the link is the right)
export async function eraseEventSignup(deps: Deps, token: string): Promise<{ trainingTitle: string } | null> {
  const key = await signingKey(deps.db);
  return transaction(deps.db, {}, async (tx) => {
    const found = await linkParticipant(tx, key, token);
    if (!found) return null;
    const ctx = publicContext(deps, found.organizationId, "Deltagaren via avbokningslänk");
    for (const registrationId of found.live) {
      await cancelRegistration(ctx, found.participant.trainingId, registrationId, { tx });
    }
    const id = found.participant.id;
    await tx
      .update(trainingParticipants)
      .set({
        name: "Raderad deltagare",
        email: erasedEmail(id),
        employer: null,
        jobTitle: null,
        gender: null,
      })
      .where(eq(trainingParticipants.id, id));
    await tx.delete(eventSignupConsents).where(eq(eventSignupConsents.participantId, id));
    await audit(tx, ctx, {
      action: "registration.erased",
      entityType: "training_participant",
      entityId: id,
      after: { trainingId: found.participant.trainingId },
    });
    return { trainingTitle: found.title };
  });
}
