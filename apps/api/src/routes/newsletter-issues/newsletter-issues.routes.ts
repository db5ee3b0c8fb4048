import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { IfMatchHeader, jsonBody, jsonResponse, problems } from "../../lib/schemas.js";
import { PublicationParams } from "../newsletters/newsletters.schemas.js";
import { DRAFT_ISSUE, ISSUE, OWNER_SECTION, PARTNER_SECTION, PREVIEW } from "./newsletter-issues.examples.js";
import {
  IssueChangesSchema,
  IssueInputSchema,
  IssueParams,
  IssueSchema,
  PreviewSchema,
  ScheduleSchema,
  SectionChangesSchema,
  SectionInputSchema,
  SectionOrderSchema,
  SectionParams,
} from "./newsletter-issues.schemas.js";

const tags = ["Newsletter issues"];

/** What every change to an issue's content does to a ready or scheduled one. */
const BACK_TO_DRAFT = "A ready or scheduled issue goes back to draft (the owner marks it ready again).";
const SENT_IS_FINAL = "Once sending has started the issue cannot change (409).";

export const listNewsletterIssues = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues",
    tags,
    operationId: "listNewsletterIssues",
    summary: "List a newsletter's issues",
    description:
      "Every issue (utskick) of a newsletter the förbund owns or co-publishes, newest first, with its " +
      "sections and approvals. Needs `newsletters:read`.",
    request: { params: PublicationParams },
    responses: {
      200: jsonResponse(
        z
          .object({ data: z.array(IssueSchema) })
          .openapi("NewsletterIssueList", { example: { data: [ISSUE] } }),
        "Issues",
      ),
      ...problems(401, 403, 404),
    },
  },
);

export const createNewsletterIssue = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues",
    tags,
    operationId: "createNewsletterIssue",
    summary: "Start an issue",
    description:
      "The owner (403 for a co-publisher) starts an issue as a `draft` with the next number of the " +
      "newsletter; every publisher then adds its sections. An archived newsletter answers 409. Needs " +
      "`newsletters:write`. Audited as `newsletter.issue_created`.",
    request: { params: PublicationParams, body: jsonBody(IssueInputSchema) },
    responses: {
      201: jsonResponse(IssueSchema, "Created (ETag header carries its version)", DRAFT_ISSUE),
      ...problems(400, 401, 403, 404, 409),
    },
  },
  { etag: true },
);

export const getNewsletterIssue = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}",
    tags,
    operationId: "getNewsletterIssue",
    summary: "Get an issue",
    description:
      "An issue with its sections in order, each marked `mine` when the calling förbund wrote it, and who " +
      "has approved. The `ETag` header carries the issue's version, for `If-Match` on the owner's steps. " +
      "Needs `newsletters:read`.",
    request: { params: IssueParams },
    responses: {
      200: jsonResponse(IssueSchema, "The issue (ETag header carries its version)"),
      ...problems(401, 403, 404),
    },
  },
  { etag: true },
);

export const updateNewsletterIssue = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "patch",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}",
    tags,
    operationId: "updateNewsletterIssue",
    summary: "Change an issue's subject or preheader",
    description:
      `The owner (403 for a co-publisher) changes the subject (400 \`required\` when blank) or preheader. ${BACK_TO_DRAFT} ` +
      `${SENT_IS_FINAL} Send the \`ETag\` as \`If-Match\`: a change since answers 412. Needs ` +
      "`newsletters:write`. Audited as `newsletter.issue_edited`.",
    request: { params: IssueParams, headers: IfMatchHeader, body: jsonBody(IssueChangesSchema) },
    responses: {
      200: jsonResponse(IssueSchema, "Changed", { ...ISSUE, status: "draft", version: 8 }),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

const SECTION_RULES =
  "Rules: a `heading` (400 `required`); an image's `url` and every link's `url` https (400 `https_required`) and an image's `alt` text (400 `alt_required`).";

export const addNewsletterSection = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections",
    tags,
    operationId: "addNewsletterSection",
    summary: "Add a section to an issue",
    description:
      "Any publisher (the owner or a co-publisher) adds a section of its own, last in the issue, not yet " +
      `approved. ${SECTION_RULES} ${BACK_TO_DRAFT} ${SENT_IS_FINAL} Answers the whole issue. Needs ` +
      "`newsletters:write`. Audited as `newsletter.section_added`.",
    request: { params: IssueParams, body: jsonBody(SectionInputSchema) },
    responses: {
      201: jsonResponse(IssueSchema, "The issue with the new section", {
        ...ISSUE,
        status: "draft",
        version: 7,
        sections: [OWNER_SECTION, { ...PARTNER_SECTION, approvedAt: null }],
        approvals: [{ ...ISSUE.approvals[0], approved: false }, ISSUE.approvals[1]],
      }),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const updateNewsletterSection = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "patch",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}",
    tags,
    operationId: "updateNewsletterSection",
    summary: "Change a section",
    description:
      "The förbund that wrote the section changes it (403 for anyone else, the owner included). Its " +
      `approval goes: the changed text must be approved again. ${SECTION_RULES} ${BACK_TO_DRAFT} ${SENT_IS_FINAL} ` +
      'Send the section\'s `version` as `If-Match` (`"2"`): a change since answers 412. Answers the whole ' +
      "issue. Needs `newsletters:write`. Audited as `newsletter.section_edited`.",
    request: { params: SectionParams, headers: IfMatchHeader, body: jsonBody(SectionChangesSchema) },
    responses: {
      200: jsonResponse(IssueSchema, "The issue with the changed section", {
        ...ISSUE,
        status: "draft",
        version: 7,
        sections: [
          { ...OWNER_SECTION, heading: "Tio nya IPS-platser i Halmstad", approvedAt: null, version: 3 },
          PARTNER_SECTION,
        ],
        approvals: [ISSUE.approvals[0], { ...ISSUE.approvals[1], approved: false }],
      }),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
);

export const deleteNewsletterSection = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "delete",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}",
    tags,
    operationId: "deleteNewsletterSection",
    summary: "Delete a section",
    description:
      `The förbund that wrote the section deletes it (403 for anyone else, the owner included). ${BACK_TO_DRAFT} ` +
      `${SENT_IS_FINAL} Needs \`newsletters:write\`. Audited as \`newsletter.section_deleted\`.`,
    request: { params: SectionParams },
    responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409) },
  },
);

export const approveNewsletterSection = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/sections/{sectionId}/approve",
    tags,
    operationId: "approveNewsletterSection",
    summary: "Approve a section",
    description:
      "The förbund that wrote the section approves it as it stands (403 for anyone else); the owner can mark " +
      "the issue ready once every section is approved. Approving an approved section changes nothing. Send " +
      "the section's `version` as `If-Match` to approve exactly the text you read (412 otherwise). " +
      `${SENT_IS_FINAL} Needs \`newsletters:write\`. Audited as \`newsletter.section_approved\`.`,
    request: { params: SectionParams, headers: IfMatchHeader },
    responses: {
      200: jsonResponse(IssueSchema, "The issue with the approval", {
        ...ISSUE,
        status: "draft",
        version: 5,
      }),
      ...problems(401, 403, 404, 409, 412),
    },
  },
);

export const orderNewsletterSections = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "put",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/section-order",
    tags,
    operationId: "orderNewsletterSections",
    summary: "Order an issue's sections",
    description:
      "The owner (403 for a co-publisher) sets the order: `sectionIds` names every section of the issue " +
      "exactly once (400 `every_section_once`). Approvals stay, since no text changes. A new order sends a " +
      `ready or scheduled issue back to draft. ${SENT_IS_FINAL} Send the issue's \`ETag\` as \`If-Match\`: a ` +
      "change since answers 412. Needs `newsletters:write`. Audited as `newsletter.sections_ordered`.",
    request: { params: IssueParams, headers: IfMatchHeader, body: jsonBody(SectionOrderSchema) },
    responses: {
      200: jsonResponse(IssueSchema, "The issue in its new order", {
        ...ISSUE,
        status: "draft",
        version: 7,
        sections: [
          { ...PARTNER_SECTION, position: 0 },
          { ...OWNER_SECTION, position: 1 },
        ],
      }),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

const STEP_RULES =
  "The owner only (403 for a co-publisher). Send the issue's `ETag` as `If-Match`: a change since answers 412. Needs `newsletters:write`.";

export const markNewsletterIssueReady = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/ready",
    tags,
    operationId: "markNewsletterIssueReady",
    summary: "Mark an issue ready to send",
    description:
      "Moves a `draft` to `ready`: it must have at least one section and every section must be approved by " +
      `its author (409 naming the förbund still to approve; 409 from any other status). ${STEP_RULES} ` +
      "Audited as `newsletter.issue_marked_ready`.",
    request: { params: IssueParams, headers: IfMatchHeader },
    responses: { 200: jsonResponse(IssueSchema, "Ready", ISSUE), ...problems(401, 403, 404, 409, 412) },
  },
  { etag: true },
);

export const scheduleNewsletterIssue = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/schedule",
    tags,
    operationId: "scheduleNewsletterIssue",
    summary: "Schedule an issue",
    description:
      "Schedules a `ready` issue, or moves a `scheduled` one, to `scheduledAt` (not in the past: 400 " +
      `\`future\`; 409 from any other status); sending starts then by itself. ${STEP_RULES} Audited as ` +
      "`newsletter.issue_scheduled`.",
    request: { params: IssueParams, headers: IfMatchHeader, body: jsonBody(ScheduleSchema) },
    responses: {
      200: jsonResponse(IssueSchema, "Scheduled", {
        ...ISSUE,
        status: "scheduled",
        scheduledAt: "2027-02-03T08:00:00.000Z",
        version: 7,
      }),
      ...problems(400, 401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const returnNewsletterIssueToDraft = defineRoute(
  { kind: "org", permission: "newsletters:write" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/draft",
    tags,
    operationId: "returnNewsletterIssueToDraft",
    summary: "Return an issue to draft",
    description:
      "Takes a `ready` or `scheduled` issue back to `draft`, unscheduling it (409 from any other status). " +
      `Approvals stay. ${STEP_RULES} Audited as \`newsletter.issue_returned_to_draft\`.`,
    request: { params: IssueParams, headers: IfMatchHeader },
    responses: {
      200: jsonResponse(IssueSchema, "Back to draft", { ...ISSUE, status: "draft", version: 7 }),
      ...problems(401, 403, 404, 409, 412),
    },
  },
  { etag: true },
);

export const previewNewsletterIssue = defineRoute(
  { kind: "org", permission: "newsletters:read" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/issues/{issueId}/preview",
    tags,
    operationId: "previewNewsletterIssue",
    summary: "Preview an issue",
    description:
      'The issue rendered by the same code as the sending: the HTML email (`lang="sv"`) and its plain-text ' +
      "version. The links that are each recipient's own (unsubscribe, see and erase one's data) lead to a " +
      "page explaining them. Needs `newsletters:read`.",
    request: { params: IssueParams },
    responses: {
      200: jsonResponse(PreviewSchema, "The rendered issue", PREVIEW),
      ...problems(401, 403, 404),
    },
  },
);
