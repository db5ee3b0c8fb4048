// The rules a participant's facts and assignment keep (participants.ts), each refused naming field and rule.
import { interventions, memberships, type Tx } from "@nns/db";
import {
  AGE_BANDS,
  type AgeBand,
  AppError,
  ageBandAt,
  type FieldError,
  OUTCOME_CATEGORY_CODES,
  PARTICIPANT_GENDERS,
  type ParticipantGender,
} from "@nns/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import { stockholmDate } from "../trainings/scope.js";

const COACH_ROLES = ["coach", "org_admin"] as const;

export interface Facts {
  gender: ParticipantGender;
  birthYear: number | null;
  ageBand: AgeBand | null;
  startDate: string;
  endDate: string | null;
  outcome: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The facts checked together (the age band depends on the start, the outcome on the end). */
function factErrors(facts: Facts, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, rule: string, message: string) =>
    errors.push({ field: `body.${field}`, rule, message });
  if (!PARTICIPANT_GENDERS.includes(facts.gender)) error("gender", "enum", "Okänt kön.");
  if (!isDay(facts.startDate)) error("startDate", "invalid_format:date", "Ange startdatum som ÅÅÅÅ-MM-DD.");
  if (facts.endDate !== null) {
    if (!isDay(facts.endDate)) error("endDate", "invalid_format:date", "Ange slutdatum som ÅÅÅÅ-MM-DD.");
    else if (facts.endDate < facts.startDate)
      error("endDate", "before_start", "Slutdatum kan inte ligga före startdatum.");
    else if (facts.endDate > today)
      error(
        "endDate",
        "in_future",
        "Slutdatum sätts när deltagaren har avslutat och kan inte ligga i framtiden.",
      );
  }
  if (facts.birthYear !== null && facts.ageBand !== null)
    error("ageBand", "birth_year_given", "Ange födelseår eller åldersgrupp, inte båda.");
  else if (facts.birthYear !== null && isDay(facts.startDate)) {
    const age = Number(facts.startDate.slice(0, 4)) - facts.birthYear;
    if (!Number.isInteger(facts.birthYear) || age > 100)
      error("birthYear", "implausible", "Ange ett födelseår som ger en ålder under 100 år.");
    else if (ageBandAt(facts.birthYear, facts.startDate) === null)
      error("birthYear", "too_young", "Deltagaren ska vara minst 16 år vid starten.");
  }
  if (facts.ageBand !== null && !AGE_BANDS.includes(facts.ageBand))
    error("ageBand", "enum", "Okänd åldersgrupp.");
  if (facts.outcome !== null) {
    if (!(OUTCOME_CATEGORY_CODES as readonly string[]).includes(facts.outcome))
      error("outcome", "enum", "Okänt utfall.");
    else if (facts.endDate === null)
      error("outcome", "requires_end_date", "Utfallet anges när deltagaren har avslutat: ange slutdatum.");
  }
  return errors;
}

/** The columns written: the age band the aggregates count is fixed here, from the birth year when known. */
export function checkedFacts(facts: Facts): Facts {
  const errors = factErrors(facts, stockholmDate());
  const [first] = errors;
  if (first) throw new AppError("validation_failed", first.message, { errors });
  return {
    ...facts,
    ageBand: facts.birthYear !== null ? ageBandAt(facts.birthYear, facts.startDate) : facts.ageBand,
  };
}

/** A handledare is a member of the förbund as coach or administrator. */
export async function requireCoachMember(tx: Tx, ctx: OrgContext, userId: string): Promise<void> {
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, ctx.organization.id),
        eq(memberships.userId, userId),
        inArray(memberships.role, [...COACH_ROLES]),
      ),
    );
  if (!member)
    throw new AppError("validation_failed", "Välj en handledare eller administratör i förbundet.", {
      errors: [
        {
          field: "body.coachUserId",
          rule: "not_a_coach",
          message: "Välj en handledare eller administratör i förbundet.",
        },
      ],
    });
}

export function callerId(ctx: OrgContext): string | null {
  return ctx.actor.type === "user" ? ctx.actor.userId : null;
}

/** A coach registers and keeps only their own participants; assigning them is for managers. */
export function requireOwnAssignment(managesAll: boolean, ctx: OrgContext, coachUserId: string | null): void {
  if (!managesAll && coachUserId !== callerId(ctx))
    throw new AppError(
      "forbidden",
      "Handledare registrerar bara egna deltagare; en administratör fördelar dem.",
    );
}

/** Whether the insats is the förbund's own or co-owned (accepted), whatever its state in the catalogue. */
export async function isReachableInsats(tx: Tx, ctx: OrgContext, interventionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(
      and(
        eq(interventions.id, interventionId),
        sql`(${interventions.organizationId} = ${ctx.organization.id} or exists (
          select 1 from resource_shares s where s.resource_type = 'intervention' and s.resource_id = ${interventions.id}
            and s.owner_organization_id = ${interventions.organizationId} and s.organization_id = ${ctx.organization.id}
            and s.accepted_at is not null and s.revoked_at is null))`,
      ),
    );
  return row !== undefined;
}

/** The insats a participant is registered in must be the förbund's own or co-owned. */
export async function requireReachableInsats(tx: Tx, ctx: OrgContext, interventionId: string): Promise<void> {
  if (!(await isReachableInsats(tx, ctx, interventionId)))
    throw new AppError("validation_failed", "Välj en av förbundets egna eller samägda insatser.", {
      errors: [
        {
          field: "body.interventionId",
          rule: "own_or_co_owned",
          message: "Välj en av förbundets egna eller samägda insatser.",
        },
      ],
    });
}
