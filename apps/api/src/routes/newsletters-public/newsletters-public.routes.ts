import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../lib/access.js";
import { Cursor, jsonResponse, pageOf, problems, Timestamp } from "../../lib/schemas.js";
import { PUBLIC_ISSUE, PUBLIC_ISSUE_SUMMARY, PUBLIC_NEWSLETTER } from "./newsletters-public.examples.js";

const PUBLIC_AND_LIMITED =
  "Public, no credentials needed; the answer is the same for everyone and may be cached. Rate-limited " +
  "like the catalogue: 600 requests per minute per client address without credentials, 6000 per API key " +
  "or person (429 with `Retry-After`).";

const tags = ["Newsletters (public)"];

const SlugParams = z.object({
  slug: z
    .string()
    .max(60)
    .openapi({
      param: { name: "slug", in: "path" },
      description: "The publication's address",
      example: "halland-tillsammans",
    }),
});

const IssueSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().openapi({ description: "The issue's number in its publication, its address" }),
    subject: z.string(),
    preheader: z.string(),
    sentAt: Timestamp,
    publicUrl: z.string().openapi({ description: "The issue's web page in the archive" }),
  })
  .openapi("PublicNewsletterIssueSummary", { example: PUBLIC_ISSUE_SUMMARY });

const NewsletterSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    logoUrl: z.string().nullable(),
    logoAlt: z.string().nullable(),
    publishers: z
      .array(
        z.object({
          organizationId: z.uuid(),
          name: z.string(),
          role: z.enum(["owner", "co_publisher"]),
          contact: z.string().openapi({ description: "The publisher's footer line; may be empty" }),
        }),
      )
      .openapi({ description: "The owner first, then the co-publishers by name" }),
    sentIssues: z.number().int(),
    // A union rather than .nullable(), which would make the shared component itself nullable.
    latestIssue: z.union([IssueSummarySchema, z.null()]),
    publicUrl: z.string().openapi({ description: "The publication's page, with its sign-up form" }),
  })
  .openapi("PublicNewsletter", { example: PUBLIC_NEWSLETTER });

const IssueSchema = IssueSummarySchema.extend({
  publication: z.object({ slug: z.string(), name: z.string() }),
  sections: z.array(
    z.object({
      position: z.number().int(),
      heading: z.string(),
      bodyMarkdown: z.string().openapi({ description: "Markdown as the author wrote it" }),
      image: z.object({ url: z.string(), alt: z.string() }).nullable(),
      links: z.array(z.object({ label: z.string(), url: z.string() })),
      author: z.object({ organizationId: z.uuid(), name: z.string() }),
    }),
  ),
  html: z
    .string()
    .nullable()
    .openapi({
      description:
        "The email's HTML as sent. Each recipient's own links are left as the placeholders " +
        "`https://recipient.invalid/unsubscribe` and `https://recipient.invalid/manage`.",
    }),
  text: z
    .string()
    .nullable()
    .openapi({ description: "The plain-text version as sent, with the same placeholders" }),
}).openapi("PublicNewsletterIssue", { example: PUBLIC_ISSUE });

export const getPublicNewsletter = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/newsletters/{slug}",
    tags,
    operationId: "getPublicNewsletter",
    summary: "Get a newsletter's public page",
    description:
      "A joint newsletter as its public page shows it: name, description, logo, its publishers with " +
      "their contact lines, how many issues have been sent and the latest one. Answers also before the " +
      "first issue is sent; an archived or unknown newsletter answers 404. " +
      PUBLIC_AND_LIMITED,
    request: { params: SlugParams },
    responses: { 200: jsonResponse(NewsletterSchema, "The newsletter"), ...problems(400, 404) },
  },
);

export const listPublicNewsletterIssues = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/newsletters/{slug}/issues",
    tags,
    operationId: "listPublicNewsletterIssues",
    summary: "List a newsletter's sent issues",
    description:
      "The issues that have been sent, the most recently sent first; drafts and issues not yet sent are " +
      "never listed. Paginated with `limit` (up to 100) and `cursor`. " +
      PUBLIC_AND_LIMITED,
    request: {
      params: SlugParams,
      query: z.object({
        cursor: Cursor.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: {
      200: jsonResponse(
        pageOf(IssueSummarySchema, "PublicNewsletterIssuePage", PUBLIC_ISSUE_SUMMARY),
        "Sent issues",
      ),
      ...problems(400, 404),
    },
  },
);

export const getPublicNewsletterIssue = defineRoute(
  { kind: "public", cacheable: true },
  {
    method: "get",
    path: "/newsletters/{slug}/issues/{number}",
    tags,
    operationId: "getPublicNewsletterIssue",
    summary: "Get a sent issue",
    description:
      "One sent issue by its number: subject, preheader, when it was sent, its sections as their " +
      "publishers wrote them (Markdown, image with alt text, links) and the HTML and text that were " +
      "mailed. An issue not sent (a draft, one scheduled or cancelled) answers 404 like an unknown one. " +
      PUBLIC_AND_LIMITED,
    request: {
      params: SlugParams.extend({
        number: z.coerce
          .number()
          .int()
          .min(1)
          .max(2_147_483_647)
          .openapi({ param: { name: "number", in: "path" }, description: "The issue's number", example: 4 }),
      }),
    },
    responses: { 200: jsonResponse(IssueSchema, "The issue"), ...problems(400, 404) },
  },
);
