// Routes: apps/api/src/routes/progression-privacy (the link), apps/api/src/progression-pages/self-rating.ts and
// /v1/self-rating (the participant's side). docs/progression-privacy.md.
import { randomBytes, randomUUID } from "node:crypto";
import {
  progressionInterventionInstruments,
  progressionMeasurements,
  progressionParticipants,
  progressionSelfRatingLinks,
  setScope,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, checkAnswers, fieldError, type InstrumentItem, itemsFor } from "@nns/domain";
import { and, eq, gt, isNull } from "drizzle-orm";
import { audit, writeAudit } from "../audit.js";
import type { Deps, OrgContext } from "../context.js";
import { sha256Bytes } from "../crypto.js";
import { stockholmDate } from "../trainings/scope.js";
import { loadParticipant, logParticipantAccess, withParticipantAccess } from "./access.js";
import { type VersionWithInstrument, versionsById } from "./chosen-versions.js";

export const SELF_RATING_DEFAULT_HOURS = 72;
export const SELF_RATING_MAX_HOURS = 14 * 24;

/** 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SelfRatingLinkView {
  id: string;
  /** The whole link to hand the participant; shown once, never stored (only its SHA-256 is). */
  url: string;
  expiresAt: string;
}

/** One version, as every progression service reads it (own, or national and not a draft). */
async function loadVersion(tx: Tx, versionId: string): Promise<VersionWithInstrument | undefined> {
  return (await versionsById(tx, [versionId])).get(versionId);
}

/**
 * A one-time link for the participant to rate themselves on their own phone, without an account: the
 * version must be one the participant's insats has chosen, published, with questions to the participant.
 * The coach of the participant or a manager makes it (row-level security hides anyone else's participant).
 */
export async function createSelfRatingLink(
  ctx: OrgContext,
  participantId: string,
  input: { instrumentVersionId: string; expiresInHours?: number },
): Promise<SelfRatingLinkView> {
  const hours = input.expiresInHours ?? SELF_RATING_DEFAULT_HOURS;
  if (!Number.isInteger(hours) || hours < 1 || hours > SELF_RATING_MAX_HOURS) {
    throw fieldError(
      "body.expiresInHours",
      "range",
      `Länken kan gälla från 1 timme till ${SELF_RATING_MAX_HOURS} timmar (14 dagar).`,
    );
  }
  return withParticipantAccess(ctx, async (tx) => {
    const participant = await loadParticipant(tx, ctx, participantId);
    const [chosen] = await tx
      .select({ versionId: progressionInterventionInstruments.instrumentVersionId })
      .from(progressionInterventionInstruments)
      .where(
        and(
          eq(progressionInterventionInstruments.organizationId, ctx.organization.id),
          eq(progressionInterventionInstruments.interventionId, participant.interventionId),
          eq(progressionInterventionInstruments.instrumentVersionId, input.instrumentVersionId),
        ),
      );
    const version = chosen ? await loadVersion(tx, input.instrumentVersionId) : undefined;
    if (!version) {
      throw fieldError(
        "body.instrumentVersionId",
        "chosen_for_intervention",
        "Instrumentversionen är inte vald för deltagarens insats.",
      );
    }
    if (version.status !== "published") {
      throw fieldError("body.instrumentVersionId", "published", "Bara publicerade versioner kan användas.");
    }
    if (itemsFor(version.definition, "participant").length === 0) {
      throw fieldError(
        "body.instrumentVersionId",
        "participant_items",
        "Versionen har inga frågor till deltagaren.",
      );
    }
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + hours * 3_600_000);
    const [link] = await tx
      .insert(progressionSelfRatingLinks)
      .values({
        organizationId: ctx.organization.id,
        participantId: participant.id,
        instrumentOrganizationId: version.organizationId,
        instrumentVersionId: version.id,
        tokenHash: sha256Bytes(token),
        expiresAt,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning({ id: progressionSelfRatingLinks.id });
    if (!link) throw new Error("the link was not stored");
    await logParticipantAccess(tx, ctx, [participant], "self_rating_link");
    await audit(tx, ctx, {
      action: "progression.self_rating_link_created",
      entityType: "progression_self_rating_link",
      entityId: link.id,
      after: { participantId: participant.id, instrumentVersionId: version.id, expiresAt },
    });
    return {
      id: link.id,
      url: `${ctx.deps.config.publicUrl}/skattning/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

export interface SelfRatingItem {
  code: string;
  group: string;
  /** The question as put to the participant. */
  question: string;
  scale: InstrumentItem["scale"];
}

export interface SelfRatingForm {
  instrument: { name: string; placeholder: boolean };
  expiresAt: string;
  items: SelfRatingItem[];
}

interface OpenLink {
  id: string;
  organizationId: string;
  participantId: string;
  expiresAt: Date;
  version: VersionWithInstrument;
}

const invalid = () => new AppError("token_invalid", "The self-rating link is not valid.");

/**
 * Finds the link by its token's hash (the link_holder policy shows that one row and no other), then
 * enters its förbund with sight of that participant: the token is the participant's credential, and
 * nothing but this link's participant is read or written under it.
 */
async function openLink(tx: Tx, token: string, now: Date): Promise<OpenLink> {
  if (!TOKEN_PATTERN.test(token)) throw invalid();
  const hash = Buffer.from(sha256Bytes(token)).toString("hex");
  await setScope(tx, { settings: { "app.self_rating_token_hash": hash } });
  const [link] = await tx
    .select({
      id: progressionSelfRatingLinks.id,
      organizationId: progressionSelfRatingLinks.organizationId,
      participantId: progressionSelfRatingLinks.participantId,
      versionId: progressionSelfRatingLinks.instrumentVersionId,
      expiresAt: progressionSelfRatingLinks.expiresAt,
      usedAt: progressionSelfRatingLinks.usedAt,
    })
    .from(progressionSelfRatingLinks);
  if (!link) throw invalid();
  if (link.usedAt) throw new AppError("token_invalid", "The self-rating link has already been used.");
  if (link.expiresAt <= now) throw new AppError("token_invalid", "The self-rating link has expired.");
  await setScope(tx, {
    organizationId: link.organizationId,
    settings: { "app.self_rating_token_hash": hash, "app.progression_all": "on" },
  });
  const version = await loadVersion(tx, link.versionId);
  if (!version) throw invalid();
  // The same rule as a coach's reading: only a published version that the insats still measures with.
  const [stillChosen] = await tx
    .select({ id: progressionInterventionInstruments.instrumentVersionId })
    .from(progressionInterventionInstruments)
    .innerJoin(
      progressionParticipants,
      and(
        eq(progressionParticipants.organizationId, progressionInterventionInstruments.organizationId),
        eq(progressionParticipants.interventionId, progressionInterventionInstruments.interventionId),
      ),
    )
    .where(
      and(
        eq(progressionParticipants.organizationId, link.organizationId),
        eq(progressionParticipants.id, link.participantId),
        eq(progressionInterventionInstruments.instrumentVersionId, link.versionId),
      ),
    );
  if (version.status !== "published" || !stillChosen) {
    throw new AppError("token_invalid", "The self-rating link's questionnaire is no longer in use.");
  }
  return { ...link, version };
}

/** What the link shows the participant (whose token is the only credential): the questions put to them. */
export async function selfRatingForm(deps: Deps, token: string, now = new Date()): Promise<SelfRatingForm> {
  return transaction(deps.db, {}, async (tx) => {
    const { version, expiresAt } = await openLink(tx, token, now);
    return {
      instrument: { name: version.instrumentName, placeholder: version.placeholder },
      expiresAt: expiresAt.toISOString(),
      items: itemsFor(version.definition, "participant").map((item) => ({
        code: item.code,
        group: item.group,
        question: item.questions.participant as string,
        scale: item.scale,
      })),
    };
  });
}

/**
 * The participant's answers: a measurement by the participant, dated today in Sweden, and the link marked
 * used in the same transaction. The link is claimed by a conditional update, so of two submissions at
 * once exactly one records a measurement and the other finds the link used.
 */
// convention: no permission check — the link's token is the participant's permission
export async function submitSelfRating(
  deps: Deps,
  token: string,
  answers: Readonly<Record<string, number>>,
  now = new Date(),
): Promise<{ measuredOn: string }> {
  return transaction(deps.db, {}, async (tx) => {
    const link = await openLink(tx, token, now);
    const checked = checkAnswers(link.version.definition, "participant", answers);
    if (!checked.ok) {
      const errors = checked.errors.map((e) => ({ ...e, field: `body.${e.field}` }));
      throw new AppError("validation_failed", errors[0]?.message, { errors });
    }
    const measurementId = randomUUID();
    const [claimed] = await tx
      .update(progressionSelfRatingLinks)
      .set({ usedAt: now, measurementId })
      .where(
        and(
          eq(progressionSelfRatingLinks.organizationId, link.organizationId),
          eq(progressionSelfRatingLinks.id, link.id),
          isNull(progressionSelfRatingLinks.usedAt),
          gt(progressionSelfRatingLinks.expiresAt, now),
        ),
      )
      .returning({ id: progressionSelfRatingLinks.id });
    if (!claimed) throw new AppError("token_invalid", "The self-rating link has already been used.");
    const measuredOn = stockholmDate(now);
    await tx.insert(progressionMeasurements).values({
      organizationId: link.organizationId,
      id: measurementId,
      participantId: link.participantId,
      instrumentOrganizationId: link.version.organizationId,
      instrumentVersionId: link.version.id,
      respondent: "participant",
      measuredOn,
      answers: checked.values,
      source: "self_rating",
    });
    const ctx = linkContext(deps, link.organizationId);
    const participant = await tx
      .select({ id: progressionParticipants.id, code: progressionParticipants.code })
      .from(progressionParticipants)
      .where(
        and(
          eq(progressionParticipants.organizationId, link.organizationId),
          eq(progressionParticipants.id, link.participantId),
        ),
      );
    await logParticipantAccess(tx, ctx, participant, "record");
    await writeAudit(tx, ctx, link.organizationId, {
      action: "progression.measurement_recorded",
      entityType: "progression_measurement",
      entityId: measurementId,
      after: {
        participantId: link.participantId,
        instrumentVersionId: link.version.id,
        respondent: "participant",
        measuredOn,
        source: "self_rating",
      },
    });
    return { measuredOn };
  });
}

/** The participant themselves, acting through the link: the actor the audit and access log name. */
function linkContext(deps: Deps, organizationId: string): OrgContext {
  return {
    deps,
    actor: { type: "system", label: "Deltagaren via självskattningslänk" },
    requestId: null,
    organization: { id: organizationId, kind: "forbund", name: "" },
    access: "system",
    permissions: new Set(),
  };
}
