// Routes: apps/api/src/routes/surveys — the survey sent on completion, its answers, and the follow-up.
import {
  sessionRegistrations,
  surveyResponses,
  type Tx,
  trainingParticipants,
  trainings,
  transaction,
} from "@nns/db";
import {
  AppError,
  type FollowUpFigures,
  fieldError,
  followUpFigures,
  SURVEY_QUESTIONS,
  SURVEY_SCALE,
  type SurveyQuestionKey,
} from "@nns/domain";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { Deps, OrgContext } from "../context.js";
import { randomToken, sha256Bytes } from "../crypto.js";
import { surveyEmail } from "../mail/training-templates.js";
import { loadTraining, organizationNames } from "./scope.js";

const TOKEN_PATTERN = /^[a-z2-7]{48}$/;

/**
 * After the last session: one personal survey link to everyone who attended. Called by the owner inside
 * the completing transaction.
 */
export async function sendSurveys(tx: Tx, ctx: OrgContext, trainingId: string, title: string): Promise<void> {
  const attended = await tx
    .selectDistinct({
      id: trainingParticipants.id,
      organizationId: trainingParticipants.organizationId,
      name: trainingParticipants.name,
      email: trainingParticipants.email,
    })
    .from(trainingParticipants)
    .innerJoin(
      sessionRegistrations,
      // On the tenant too: a join between distributed tables stays on one shard (docs/scale-out.md).
      and(
        eq(sessionRegistrations.organizationId, trainingParticipants.organizationId),
        eq(sessionRegistrations.participantId, trainingParticipants.id),
      ),
    )
    .where(and(eq(trainingParticipants.trainingId, trainingId), eq(sessionRegistrations.attended, true)));
  for (const person of attended) {
    const token = `${randomToken()}${randomToken()}`;
    await tx.insert(surveyResponses).values({
      organizationId: person.organizationId,
      ownerOrganizationId: ctx.organization.id,
      trainingId,
      participantId: person.id,
      tokenHash: sha256Bytes(token),
    });
    await ctx.deps.mailer.queue(
      tx,
      await surveyEmail({
        to: person.email,
        participantName: person.name,
        trainingTitle: title,
        url: `${ctx.deps.config.publicUrl}/enkat#${token}`,
        organizationId: person.organizationId,
      }),
    );
  }
  await tx.update(trainings).set({ surveySentAt: new Date() }).where(eq(trainings.id, trainingId));
}

export interface SurveyView {
  trainingTitle: string;
  questions: { key: string; text: string }[];
  scale: { min: number; max: number };
  answered: boolean;
}

function readToken(token: string): string {
  if (!TOKEN_PATTERN.test(token)) throw new AppError("token_invalid", "The survey link is not valid.");
  return Buffer.from(sha256Bytes(token)).toString("hex");
}

/** What the personal link shows: the questions, and whether it has been answered. No login needed. */
export async function getSurvey(deps: Deps, token: string): Promise<SurveyView> {
  const hash = readToken(token);
  return transaction(deps.db, { settings: { "app.survey_token_hash": hash } }, async (tx) => {
    const [row] = await tx
      .select({
        id: surveyResponses.id,
        answeredAt: surveyResponses.answeredAt,
        trainingId: surveyResponses.trainingId,
      })
      .from(surveyResponses);
    if (!row) throw new AppError("token_invalid", "The survey link is not valid.");
    return {
      trainingTitle: await trainingTitle(tx, row.trainingId),
      questions: SURVEY_QUESTIONS.map((q) => ({ key: q.key, text: q.text })),
      scale: { ...SURVEY_SCALE },
      answered: row.answeredAt !== null,
    };
  });
}

// convention: no permission check — the emailed survey token is the permission
// convention: no audit — answers are anonymous; an audit entry would tie them to the person
export async function answerSurvey(
  deps: Deps,
  token: string,
  input: { scores: Partial<Record<string, number>>; comment: string | null },
): Promise<void> {
  const hash = readToken(token);
  const known = new Set<string>(SURVEY_QUESTIONS.map((q) => q.key));
  for (const [key, value] of Object.entries(input.scores)) {
    if (!known.has(key))
      throw fieldError(`body.scores.${key}`, "unknown_question", "Frågan finns inte i enkäten.");
    if (
      !Number.isInteger(value) ||
      (value as number) < SURVEY_SCALE.min ||
      (value as number) > SURVEY_SCALE.max
    ) {
      throw fieldError(
        `body.scores.${key}`,
        "scale",
        `Svara med en siffra ${SURVEY_SCALE.min}–${SURVEY_SCALE.max}.`,
      );
    }
  }
  await transaction(deps.db, { settings: { "app.survey_token_hash": hash } }, async (tx) => {
    const [row] = await tx
      .update(surveyResponses)
      .set({
        answeredAt: new Date(),
        scores: input.scores as Record<SurveyQuestionKey, number>,
        comment: input.comment,
      })
      .where(isNull(surveyResponses.answeredAt))
      .returning({ id: surveyResponses.id });
    if (!row) {
      const [exists] = await tx.select({ id: surveyResponses.id }).from(surveyResponses);
      if (exists) throw new AppError("conflict", "The survey has already been answered.");
      throw new AppError("token_invalid", "The survey link is not valid.");
    }
  });
}

async function trainingTitle(tx: Tx, trainingId: string): Promise<string> {
  // Visible through the survey token's own policy on trainings.
  const [row] = await tx
    .select({ title: trainings.title })
    .from(trainings)
    .where(eq(trainings.id, trainingId));
  return row?.title ?? "";
}

export interface FollowUpView extends FollowUpFigures {
  trainingId: string;
  surveysSent: number;
  /** The owner sees every förbund; a förbund its own figures. */
  byOrganization: (FollowUpFigures & { organizationId: string; organizationName: string })[];
}

/** Seed 000's follow-up for a training or event: registered, attended, by gender, and satisfaction. */
export async function followUp(ctx: OrgContext, trainingId: string): Promise<FollowUpView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const access = await loadTraining(tx, ctx, trainingId);
    const scope = access.isOwner ? undefined : eq(trainingParticipants.organizationId, ctx.organization.id);
    const rows = await tx
      .select({
        id: trainingParticipants.id,
        organizationId: trainingParticipants.organizationId,
        gender: trainingParticipants.gender,
        status: sessionRegistrations.status,
        attended: sessionRegistrations.attended,
      })
      .from(trainingParticipants)
      .innerJoin(
        sessionRegistrations,
        // On the tenant too: a join between distributed tables stays on one shard (docs/scale-out.md).
        and(
          eq(sessionRegistrations.organizationId, trainingParticipants.organizationId),
          eq(sessionRegistrations.participantId, trainingParticipants.id),
        ),
      )
      .where(and(eq(trainingParticipants.trainingId, trainingId), scope));
    const people = new Map<
      string,
      {
        organizationId: string;
        gender: (typeof rows)[number]["gender"];
        registered: boolean;
        attended: boolean;
      }
    >();
    for (const row of rows) {
      const person = people.get(row.id) ?? {
        organizationId: row.organizationId,
        gender: row.gender,
        registered: false,
        attended: false,
      };
      if (row.status === "confirmed") person.registered = true;
      if (row.attended) person.attended = true;
      people.set(row.id, person);
    }
    const responses = await tx
      .select()
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.trainingId, trainingId),
          access.isOwner ? undefined : eq(surveyResponses.organizationId, ctx.organization.id),
        ),
      );
    const answers = responses
      .filter((r) => r.answeredAt)
      .map((r) => ({ organizationId: r.organizationId, scores: r.scores ?? {}, comment: r.comment }));
    const min = ctx.deps.config.minGroupSize;
    const participants = [...people.values()];
    const organizationIds = [...new Set(participants.map((p) => p.organizationId))];
    const names = await organizationNames(tx, organizationIds);
    return {
      trainingId,
      surveysSent: responses.length,
      ...followUpFigures(participants, answers, min),
      byOrganization: organizationIds.map((organizationId) => ({
        organizationId,
        organizationName: names.get(organizationId)?.name ?? "",
        ...followUpFigures(
          participants.filter((p) => p.organizationId === organizationId),
          answers.filter((a) => a.organizationId === organizationId),
          min,
        ),
      })),
    };
  });
}

export interface FollowUpOverviewRow {
  trainingId: string;
  title: string;
  kind: "bip_skapa" | "event";
  completedAt: Date | null;
  /** The owner's row covers everyone; a taking-part förbund's row covers its own people. */
  figures: FollowUpFigures;
}

/**
 * Follow-up across every completed training or event the organization ran or took part in, newest first:
 * the per-förbund view of seed 000's figures over time.
 */
export async function followUpOverview(ctx: OrgContext): Promise<FollowUpOverviewRow[]> {
  requirePermission(ctx, "trainings:read");
  const completed = await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, (tx) =>
    tx
      .select({
        id: trainings.id,
        title: trainings.title,
        kind: trainings.kind,
        completedAt: trainings.completedAt,
        ownerId: trainings.organizationId,
      })
      .from(trainings)
      // Only trainings it runs or takes part in; a survey answer alone does not make one visible here.
      .where(
        and(
          eq(trainings.status, "completed"),
          sql`(${trainings.organizationId} = ${ctx.organization.id} or app_is_training_party(trainings.id))`,
        ),
      )
      .orderBy(desc(trainings.completedAt))
      .limit(200),
  );
  const rows: FollowUpOverviewRow[] = [];
  for (const training of completed) {
    const view = await followUp(ctx, training.id);
    const own = view.byOrganization.find((o) => o.organizationId === ctx.organization.id);
    const { trainingId: _, surveysSent: __, byOrganization: ___, ...totals } = view;
    const figures = training.ownerId === ctx.organization.id ? totals : own;
    if (!figures) continue;
    const {
      organizationId: _o,
      organizationName: _n,
      ...onlyFigures
    } = figures as typeof figures & {
      organizationId?: string;
      organizationName?: string;
    };
    rows.push({
      trainingId: training.id,
      title: training.title,
      kind: training.kind,
      completedAt: training.completedAt,
      figures: onlyFigures,
    });
  }
  return rows;
}
