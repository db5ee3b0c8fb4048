import { z } from "@hono/zod-openapi";
import { ISSUE_STATUSES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { jsonResponse, OrgIdParams, problems } from "../../lib/schemas.js";
import { SENDING_PROGRESS, TEST_SEND } from "./newsletter-sending.examples.js";

const tags = ["Newsletter sending"];

const IssueParams = OrgIdParams.extend({
  publicationId: z
    .uuid()
    .openapi({ param: { name: "publicationId", in: "path" }, description: "Publication id" }),
  issueId: z.uuid().openapi({ param: { name: "issueId", in: "path" }, description: "Issue id" }),
});

const count = (description: string) => z.int().min(0).openapi({ description });

export const SendingProgressSchema = z
  .object({
    status: z.enum(ISSUE_STATUSES),
    total: count("Recipients: the confirmed subscribers not on the suppression list when sending started"),
    sent: count("Accepted by the mail server"),
    failed: count("Refused for good by the mail server, or still refused after every retry"),
    pending: count("Not sent yet (waiting, being sent, or waiting to be retried)"),
    skipped: count("Unsubscribed, blocklisted or erased after sending started; nothing was sent"),
    cancelled: count("Not sent because the issue was cancelled"),
    bounced: count("Recipients with a bounce reported since sending started"),
    unsubscribed: count("Recipients who unsubscribed since sending started"),
  })
  .openapi("NewsletterSendingProgress", { example: SENDING_PROGRESS });

const progressResponses = {
  200: jsonResponse(SendingProgressSchema, "The issue's status and figures after the change"),
  ...problems(401, 403, 404, 409),
};

function transition(
  action: "send" | "pause" | "resume" | "cancel",
  operationId: string,
  summary: string,
  description: string,
) {
  return defineRoute(
    { kind: "org", permission: "newsletters:write" },
    {
      method: "post",
      path: `/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/${action}`,
      tags,
      operationId,
      summary,
      description: `${description} Owner only (403 for a co-publisher); a status that does not allow it answers 409. Needs \`newsletters:write\`.`,
      request: { params: IssueParams },
      responses: progressResponses,
    },
  );
}

export const sendIssue = transition(
  "send",
  "sendNewsletterIssue",
  "Start sending an issue now",
  "A `ready` or `scheduled` issue starts `sending`: it is rendered once and frozen, a delivery is made for " +
    "every confirmed subscriber not on the suppression list, and the job queue sends them at the configured " +
    "rate, each at most once, with retries. When the last delivery is settled the issue becomes `sent` and " +
    "`newsletter.sent` goes to the publishers' webhooks. Audited as `newsletter_issue.sending_started`.",
);

export const pauseIssue = transition(
  "pause",
  "pauseNewsletterIssue",
  "Pause sending",
  "A `sending` issue becomes `paused`: no more deliveries are handed out; those already with a sender " +
    "(about half a second's worth) still go. Audited as `newsletter_issue.paused`.",
);

export const resumeIssue = transition(
  "resume",
  "resumeNewsletterIssue",
  "Resume sending",
  "A `paused` issue goes on `sending` where it stopped. Audited as `newsletter_issue.resumed`.",
);

export const cancelIssue = transition(
  "cancel",
  "cancelNewsletterIssue",
  "Cancel an issue",
  "Any issue not yet sent becomes `cancelled`; deliveries still waiting become `cancelled` and are never " +
    "sent. Audited as `newsletter_issue.cancelled`.",
);

export const issueProgress = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/progress",
    tags,
    operationId: "getNewsletterIssueProgress",
    summary: "Sending progress and figures of an issue",
    description:
      "The issue's status and its deliveries by outcome, for the live progress bar while sending and the " +
      "figures afterwards (bounces and unsubscriptions since sending started). For the owner and every " +
      "co-publisher. Needs `newsletters:read`.",
    request: { params: IssueParams },
    responses: {
      200: jsonResponse(SendingProgressSchema, "Status and figures"),
      ...problems(401, 403, 404),
    },
  },
);

export const testSendIssue = defineRoute(
  { kind: "org", permission: "newsletters:write", sessionOnly: true },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/test-send",
    tags,
    operationId: "testSendNewsletterIssue",
    summary: "Send a test copy to yourself",
    description:
      "The issue as it will be sent, to the signed-in person's own address, with `[Test] ` before the " +
      "subject; its unsubscribe and data links point to the publication's page. Owners and co-publishers; " +
      "not for API keys. Needs `newsletters:write`. Audited as `newsletter_issue.test_sent`.",
    request: { params: IssueParams },
    responses: {
      202: jsonResponse(
        z
          .object({ to: z.string().openapi({ description: "Where the copy goes" }) })
          .openapi("NewsletterTestSend", {
            example: TEST_SEND,
          }),
        "Queued for sending",
      ),
      ...problems(401, 403, 404),
    },
  },
);
