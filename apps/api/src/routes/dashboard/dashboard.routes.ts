import { z } from "@hono/zod-openapi";
import { INTERVENTION_STATES, ISSUE_STATUSES, TRAINING_STATUSES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { CalendarDate, jsonResponse, OrgIdParams, problems, Timestamp } from "../../lib/schemas.js";
import { FORBUND_DASHBOARD } from "./dashboard.examples.js";

const tags = ["Dashboard"];
const Ore = z.number().int().openapi({ description: "Öre (1 kr = 100 öre)" });
const Count = z.number().int();

const UpcomingSession = z.object({
  trainingId: z.uuid(),
  trainingTitle: z.string(),
  sessionId: z.uuid(),
  title: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  capacity: Count.nullable().openapi({ description: "Null: no limit" }),
  confirmed: Count.openapi({ description: "People with a seat, from every förbund" }),
  waitlisted: Count.openapi({ description: "People on the waiting list" }),
});

const TrainerSession = z.object({
  sessionId: z.uuid(),
  trainingId: z.uuid(),
  trainingTitle: z.string(),
  trainingStatus: z.string(),
  title: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  mode: z.enum(["digital", "on_site"]),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
});

const EntryRef = z.object({
  id: z.uuid(),
  title: z.string(),
  updatedAt: Timestamp,
  reviewComment: z.string().nullable(),
});

export const DashboardSchema = z
  .object({
    audience: z.enum(["nns", "forbund", "editor", "trainer", "basic"]).openapi({
      description:
        "Whose dashboard this is: NNS's coordinators, a förbund's administrators (or an NNS coordinator " +
        "visiting one), its editors, a certified trainer, or anyone else (every card null).",
    }),
    upcomingSessions: z.array(UpcomingSession).nullable().openapi({
      description:
        "Förbund: the next sessions of trainings it runs or takes part in, soonest first (at most 5)",
    }),
    requests: z
      .object({
        waiting: Count,
        oldestCreatedAt: Timestamp.nullable(),
        paired: Count.nullable().openapi({
          description: "NNS: open requests some pairing suggestion covers",
        }),
        suggestions: Count.nullable().openapi({ description: "NNS: pairing suggestions" }),
      })
      .nullable()
      .openapi({
        description: "Training requests still waiting for NNS's answer: a förbund's own, or NNS's incoming",
      }),
    costs: z
      .object({
        year: Count,
        sharedNetOre: Ore,
        printNetOre: Ore,
        vatOre: Ore,
        totalOre: Ore,
        trainings: z.array(z.object({ id: z.uuid(), title: z.string(), totalOre: Ore })),
      })
      .nullable()
      .openapi({
        description:
          "Förbund administrators: its own shares of trainings from this `year` on (by first session)",
      }),
    catalog: z
      .object({
        byState: z.object(
          Object.fromEntries(INTERVENTION_STATES.map((s) => [s, Count])) as Record<
            (typeof INTERVENTION_STATES)[number],
            typeof Count
          >,
        ),
        returned: z.array(EntryRef),
        drafts: z.array(EntryRef),
      })
      .nullable()
      .openapi({
        description: "Förbund administrators and editors: its catalogue entries (at most 5 listed)",
      }),
    term: z
      .object({
        start: CalendarDate,
        end: CalendarDate,
        trainings: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            status: z.enum(TRAINING_STATUSES),
            firstSessionAt: Timestamp,
            lastSessionEndsAt: Timestamp,
            sessionCount: Count,
          }),
        ),
      })
      .nullable()
      .openapi({ description: "NNS: dated trainings meeting this term (January–June or July–December)" }),
    expiringCertifications: z
      .array(z.object({ trainerId: z.uuid(), trainerName: z.string(), validUntil: CalendarDate.nullable() }))
      .nullable(),
    reviewQueue: z
      .object({ waiting: Count, more: z.boolean(), oldestSubmittedAt: Timestamp.nullable() })
      .nullable()
      .openapi({ description: "NNS: submitted entries waiting for review (counted up to 100)" }),
    overdueInvoices: z
      .object({ count: Count, more: z.boolean(), balanceOre: Ore, maxDaysOverdue: Count })
      .nullable()
      .openapi({ description: "NNS: issued invoices past their due date (counted up to 100)" }),
    newsletterSends: z
      .array(
        z.object({
          publicationId: z.uuid(),
          publicationName: z.string(),
          issueId: z.uuid(),
          number: Count,
          subject: z.string(),
          status: z.enum(ISSUE_STATUSES),
          at: Timestamp.nullable(),
          sent: Count,
          total: Count,
          failed: Count,
        }),
      )
      .nullable()
      .openapi({ description: "Per publication: each issue under way and the latest sent" }),
    trainer: z
      .object({ today: z.array(TrainerSession), next: z.array(TrainerSession) })
      .nullable()
      .openapi({ description: "A trainer: their own sessions today (in Sweden) and the next five" }),
  })
  .openapi("Dashboard", { example: FORBUND_DASHBOARD });

export const getDashboard = defineRoute(
  { kind: "org", permission: "org:read", sessionOnly: true },
  {
    method: "get",
    path: "/orgs/{orgId}/dashboard",
    tags,
    operationId: "getDashboard",
    summary: "The signed-in person's dashboard",
    description:
      "What the caller's role in the organization comes for, each card read with the same scoping as " +
      "the resource it summarizes: a förbund administrator's next sessions with seats filled and waiting " +
      "lists, open training requests, this year's costs and catalogue entries; NNS's waiting requests " +
      "and pairing suggestions, this term's trainings, expiring certifications, review queue and overdue " +
      "invoices; an editor's drafts and returned entries; a trainer's sessions. Cards outside the role are " +
      "null. Needs `org:read`; for signed-in people only.",
    request: { params: OrgIdParams },
    responses: {
      200: jsonResponse(DashboardSchema, "The dashboard"),
      ...problems(401, 403, 404),
    },
  },
);
