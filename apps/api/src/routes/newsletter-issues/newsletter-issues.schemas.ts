import { z } from "@hono/zod-openapi";
import { ISSUE_STATUSES } from "@nns/domain";
import { nonBlank, Timestamp } from "../../lib/schemas.js";
import { PublicationParams } from "../newsletters/newsletters.schemas.js";
import { ISSUE, ISSUE_INPUT, OWNER_SECTION, SECTION_INPUT } from "./newsletter-issues.examples.js";

export const IssueParams = PublicationParams.extend({
  issueId: z.uuid().openapi({ param: { name: "issueId", in: "path" } }),
});

export const SectionParams = IssueParams.extend({
  sectionId: z.uuid().openapi({ param: { name: "sectionId", in: "path" } }),
});

const httpsUrl = (what: string) =>
  z
    .string()
    .max(2000)
    .openapi({ description: `${what}: an https:// URL (400 \`https_required\`)`, pattern: "^https://" });

const Image = z
  .object({
    url: httpsUrl("The image"),
    alt: z
      .string()
      .max(500)
      .openapi({ description: "What the image shows, for readers who do not see it (400 `alt_required`)" }),
  })
  .strict();

const Link = z.object({ label: nonBlank(1).max(200), url: httpsUrl("The link") }).strict();

export const SectionSchema = z
  .object({
    id: z.uuid(),
    authorOrganizationId: z.uuid(),
    authorOrganizationName: z.string(),
    position: z.number().int(),
    heading: z.string(),
    bodyMarkdown: z.string(),
    image: z.object({ url: z.string(), alt: z.string() }).nullable(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    approvedAt: Timestamp.nullable().openapi({
      description: "Null until its author approves it as it stands",
    }),
    mine: z.boolean().openapi({
      description: "Written by the calling förbund, which alone may change, delete and approve it",
    }),
    version: z.number().int().openapi({ description: 'Send as If-Match (`"2"`) when changing the section' }),
  })
  .openapi("NewsletterSection", { example: OWNER_SECTION });

export const IssueSchema = z
  .object({
    id: z.uuid(),
    publicationId: z.uuid(),
    number: z.number().int().openapi({ description: "The issue's number in the newsletter, from 1" }),
    subject: z.string(),
    preheader: z.string(),
    status: z.enum(ISSUE_STATUSES),
    scheduledAt: Timestamp.nullable(),
    sendStartedAt: Timestamp.nullable(),
    sentAt: Timestamp.nullable(),
    cancelledAt: Timestamp.nullable(),
    version: z.number().int(),
    sections: z.array(SectionSchema).openapi({ description: "In the owner's order" }),
    approvals: z
      .array(z.object({ organizationId: z.uuid(), organizationName: z.string(), approved: z.boolean() }))
      .openapi({
        description: "Each förbund with sections in the issue, and whether it approved all of them",
      }),
    canEdit: z.boolean().openapi({ description: "Whether the caller may still write in the issue" }),
    publicUrl: z.string().nullable().openapi({ description: "The issue in the public archive, once sent" }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("NewsletterIssue", { example: ISSUE });

const subject = nonBlank(1).max(200);
const preheader = z
  .string()
  .trim()
  .max(200)
  .openapi({ description: "The line mail programs show after the subject" });

export const IssueInputSchema = z
  .object({ subject, preheader: preheader.optional() })
  .strict()
  .openapi("NewsletterIssueInput", { example: ISSUE_INPUT });

export const IssueChangesSchema = z
  .object({ subject: subject.optional(), preheader: preheader.optional() })
  .strict()
  .openapi("NewsletterIssueChanges", {
    example: { preheader: "Nya IPS-platser och vårens utbildningsdagar" },
  });

export const SectionInputSchema = z
  .object({
    heading: nonBlank(1).max(200),
    bodyMarkdown: z
      .string()
      .max(20_000)
      .optional()
      .openapi({ description: "Markdown; sanitised when rendered" }),
    image: Image.nullable().optional(),
    links: z.array(Link).max(10).optional(),
  })
  .strict()
  .openapi("NewsletterSectionInput", { example: SECTION_INPUT });

export const SectionChangesSchema = z
  .object({
    heading: nonBlank(1).max(200).optional(),
    bodyMarkdown: z.string().max(20_000).optional(),
    image: Image.nullable().optional(),
    links: z.array(Link).max(10).optional(),
  })
  .strict()
  .openapi("NewsletterSectionChanges", { example: { heading: "Tio nya IPS-platser i Halmstad" } });

export const SectionOrderSchema = z
  .object({
    sectionIds: z
      .array(z.uuid())
      .max(100)
      .openapi({ description: "Every section of the issue once, in order (400 `every_section_once`)" }),
  })
  .strict()
  .openapi("NewsletterSectionOrder", {
    example: { sectionIds: ISSUE.sections.map((s) => s.id).reverse() },
  });

export const ScheduleSchema = z
  .object({
    scheduledAt: Timestamp.openapi({
      description:
        "When sending starts: ISO 8601 with an offset, as entered in Europe/Stockholm time, e.g. `2027-02-03T09:00:00+01:00`; not in the past (400 `future`)",
      example: "2027-02-03T09:00:00+01:00",
    }),
  })
  .strict()
  .openapi("NewsletterIssueSchedule", { example: { scheduledAt: "2027-02-03T09:00:00+01:00" } });

export const PreviewSchema = z
  .object({
    html: z.string().openapi({ description: "The HTML email, as every recipient gets it" }),
    text: z.string().openapi({ description: "The plain-text alternative" }),
  })
  .openapi("NewsletterIssuePreview");
