import { interventions, memberships, transaction, users } from "@nns/db";
import {
  type AgeBand,
  addDays,
  type InstrumentDefinition,
  itemsFor,
  type ParticipantGender,
  type Respondent,
} from "@nns/domain";
import { and, eq, sql } from "drizzle-orm";
import { enterOrganization } from "./access.js";
import { type Deps, type OrgContext, systemContext } from "./context.js";
import { recordMeasurement } from "./progression/measurements.js";
import { createProgressionParticipant, type ParticipantOutcome } from "./progression/participants.js";
import { PLACEHOLDER_SKAPA, PLACEHOLDER_SKAPA_DEFINITION } from "./progression/placeholder-skapa.js";
import {
  type SeededVersion,
  seedChosenVersions,
  seedPublishedVersion,
} from "./progression/seed-instruments.js";
import { stockholmDate } from "./trainings/scope.js";

export const DEMO_COACHES = {
  halland: "handledare.halland@demo.nns.se",
  ostergotland: "handledare.ostergotland@demo.nns.se",
} as const;

/** How long ago participants started, in turn: most have a follow-up behind them, some are due today. */
const STARTED_DAYS_AGO = [300, 200, 182, 150, 135, 91, 250, 182, 100, 30];
/** Who started this many days ago lacks the handledare's three-month reading: overdue, the next not begun. */
const LATE_FOLLOW_UP_DAYS_AGO = 135;
/** Steps each participant moves between their readings, in turn: most improve, some stand still or slip. */
const TRENDS = [1, 1, 2, 0, 1, -1, 1, 0];
const OUTCOMES: ParticipantOutcome[] = [
  "job_seeking_studies_work",
  "vocational_rehabilitation",
  "dropped_out",
];

interface Group {
  insats: string;
  coachEmail: string;
  genders: ParticipantGender[];
}

/** Genders in the order the participants are made: a few "other" and "not stated", too few to be shown. */
const genders = (women: number, men: number, other: number, notStated: number): ParticipantGender[] => {
  const list: ParticipantGender[] = [];
  for (let i = 0; i < Math.max(women, men); i++) {
    if (i < women) list.push("woman");
    if (i < men) list.push("man");
  }
  return [...list, ...Array(other).fill("other"), ...Array(notStated).fill("not_stated")];
};

/**
 * Progression measurement in Halland and Centrala Östergötland with the SKAPA placeholder, national and
 * published as NNS keeps it. Halland measures two insatser: its handledare follows 16 participants in
 * Arbetsträning i Halmstad, its administrator 4 in Samtalsstöd i Varberg; Centrala Östergötland's
 * handledare follows 15 in Unga till arbete i Linköping. Participants started between a month and ten
 * months ago, each with a reading by themselves and one by the coach at the start and, for most, after
 * the first three months, so some occasions are due today and some overdue; a few have left with an
 * outcome. Women and men are many enough to be shown in the reports, "other" and "not stated" too few.
 */
// convention: system job — the demo seed writes the national instrument as seed data, for no one
export async function seedDemoProgression(
  deps: Deps,
  nnsId: string,
  idBySlug: (slug: string) => string,
): Promise<void> {
  const skapa = await transaction(deps.db, { organizationId: nnsId }, (tx) =>
    seedPublishedVersion(tx, {
      organizationId: nnsId,
      ...PLACEHOLDER_SKAPA,
      national: true,
      placeholder: true,
      definition: PLACEHOLDER_SKAPA_DEFINITION,
    }),
  );
  const today = stockholmDate();
  await seedForbund(deps, idBySlug("halland"), skapa, today, [
    {
      insats: "Arbetsträning i Halmstad med individuellt stöd",
      coachEmail: DEMO_COACHES.halland,
      genders: genders(8, 6, 1, 1),
    },
    {
      insats: "Samtalsstöd för föräldralediga i Varberg",
      coachEmail: "admin.halland@demo.nns.se",
      genders: genders(2, 1, 1, 0),
    },
  ]);
  await seedForbund(deps, idBySlug("centrala-ostergotland"), skapa, today, [
    {
      insats: "Unga till arbete i Linköping",
      coachEmail: DEMO_COACHES.ostergotland,
      genders: genders(6, 7, 1, 1),
    },
  ]);
}

async function seedForbund(
  deps: Deps,
  organizationId: string,
  skapa: SeededVersion,
  today: string,
  groups: Group[],
): Promise<void> {
  const system = await enterOrganization(systemContext(deps, "demo-seed"), organizationId);
  let serial = 0;
  for (const group of groups) {
    const interventionId = await transaction(deps.db, { organizationId }, async (tx) => {
      const [row] = await tx
        .select({ id: interventions.id })
        .from(interventions)
        .where(
          and(
            eq(interventions.organizationId, organizationId),
            sql`${interventions.content}->>'title' = ${group.insats}`,
          ),
        );
      if (!row) throw new Error(`the demo insats "${group.insats}" is missing`);
      await seedChosenVersions(tx, organizationId, row.id, [skapa]);
      return row.id;
    });
    const coach = await asMember(deps, system, group.coachEmail);
    for (const gender of group.genders) {
      await seedParticipant(coach, interventionId, skapa, gender, serial, today);
      serial += 1;
    }
  }
}

/** The demo's people record their own participants, so the audit trail and access log read as in use. */
export async function asMember(deps: Deps, system: OrgContext, email: string): Promise<OrgContext> {
  const [user] = await transaction(deps.db, {}, (tx) =>
    tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email)),
  );
  if (!user) throw new Error(`the demo account ${email} is missing`);
  const [membership] = await transaction(deps.db, { organizationId: system.organization.id }, (tx) =>
    tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, system.organization.id), eq(memberships.userId, user.id))),
  );
  if (!membership) throw new Error(`${email} is no member of ${system.organization.name}`);
  return enterOrganization(
    {
      deps,
      requestId: null,
      actor: {
        type: "user",
        userId: user.id,
        email,
        name: user.name,
        sessionId: null,
        memberships: [
          {
            organizationId: system.organization.id,
            organizationKind: "forbund",
            organizationName: system.organization.name,
            organizationSlug: "",
            role: membership.role,
          },
        ],
      },
    },
    system.organization.id,
  );
}

function answers(
  definition: InstrumentDefinition,
  respondent: Respondent,
  serial: number,
  reading: number,
): Record<string, number> {
  const trend = TRENDS[serial % TRENDS.length] as number;
  return Object.fromEntries(
    itemsFor(definition, respondent).map((item, j) => {
      const first = 1 + ((serial + j) % 3);
      const step = reading * (trend + (j % 4 === 0 && trend > 0 ? 1 : 0));
      return [item.code, Math.min(5, Math.max(1, first + step))];
    }),
  );
}

async function seedParticipant(
  coach: OrgContext,
  interventionId: string,
  skapa: SeededVersion,
  gender: ParticipantGender,
  serial: number,
  today: string,
): Promise<void> {
  const startedDaysAgo = STARTED_DAYS_AGO[serial % STARTED_DAYS_AGO.length] as number;
  const startDate = addDays(today, -startedDaysAgo);
  // Every third has left, if long enough in: after about five months, measured at the end.
  const endDate = serial % 3 === 2 && startedDaysAgo >= 182 ? addDays(startDate, 150) : null;
  const age =
    serial % 5 === 4
      ? {}
      : serial % 2 === 0
        ? { birthYear: Number(startDate.slice(0, 4)) - (19 + ((serial * 7) % 40)) }
        : { ageBand: (["20-29", "30-39", "16-19", "40-49", "50-59"] as AgeBand[])[serial % 5] };
  const participant = await createProgressionParticipant(coach, {
    interventionId,
    gender,
    ...age,
    startDate,
    endDate,
    outcome: endDate ? (OUTCOMES[serial % OUTCOMES.length] as ParticipantOutcome) : null,
  });
  const readings = [addDays(startDate, 1), endDate ?? addDays(startDate, 93)].filter(
    (day) => day <= addDays(today, -3),
  );
  for (const [reading, measuredOn] of readings.entries())
    for (const respondent of ["participant", "coach"] as const) {
      if (reading === 1 && respondent === "coach" && startedDaysAgo === LATE_FOLLOW_UP_DAYS_AGO) continue;
      await recordMeasurement(coach, participant.id, {
        instrumentVersionId: skapa.versionId,
        respondent,
        measuredOn,
        answers: answers(PLACEHOLDER_SKAPA_DEFINITION, respondent, serial, reading),
      });
    }
}
