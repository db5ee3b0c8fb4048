import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, OrgIdParams, PageQuery, pageOf, problems, Timestamp } from "../../lib/schemas.js";
import { EMAIL } from "./outbox.examples.js";

export const EmailSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string().nullable().openapi({
      description:
        "Kept until sent over SMTP (also when delivery was given up); always kept in the embedded outbox",
    }),
    html: z.string().nullable(),
    template: z.string(),
    transport: z.enum(["outbox", "smtp"]),
    status: z.enum(["queued", "sent", "failed"]).openapi({
      description:
        "`queued`: waiting for its first or next delivery attempt; `failed`: given up after the retry period, or refused for good by the mail server",
    }),
    attempts: z.int().min(0).openapi({ description: "Delivery attempts made so far (SMTP only)" }),
    lastAttemptAt: Timestamp.nullable(),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .openapi("Email", { example: EMAIL });

export const listOutbox = defineRoute(
  { kind: "org", permission: "outbox:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/outbox",
    tags: ["Outbox"],
    operationId: "listOutboxEmails",
    summary: "List emails sent for the organization",
    description:
      "The emails the platform sent, or is still trying to send, on the organization's behalf, newest " +
      "first: invitations, booking confirmations, surveys. In the embedded mode this is the mailbox " +
      "itself. An NNS admin reading NNS's outbox sees every organization's emails. Needs `outbox:read` " +
      "(administrators). Paginated with `limit` and `cursor`.",
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(EmailSchema, "EmailPage", EMAIL), "Emails"),
      ...problems(400, 401, 403, 404),
    },
  },
);
