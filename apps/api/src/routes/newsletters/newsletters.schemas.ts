import { z } from "@hono/zod-openapi";
import { Email, nonBlank, OrgIdParams, Timestamp } from "../../lib/schemas.js";
import { CO_PUBLISHER, PUBLICATION, PUBLICATION_CHANGES, PUBLICATION_INPUT } from "./newsletters.examples.js";

export const PublicationParams = OrgIdParams.extend({
  publicationId: z.uuid().openapi({ param: { name: "publicationId", in: "path" } }),
});

export const PublisherSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    role: z.enum(["owner", "co_publisher"]),
    contact: z
      .string()
      .openapi({ description: "The publisher's own footer line; empty until it writes one" }),
    invitedAt: Timestamp.nullable().openapi({
      description:
        "Null for the owner, and for another co-publisher's invitation (only the owner sees those)",
    }),
    acceptedAt: Timestamp.nullable().openapi({ description: "Null while the invitation is open" }),
  })
  .openapi("NewsletterPublisher", { example: CO_PUBLISHER });

const https = (what: string) =>
  z
    .string()
    .max(2000)
    .openapi({ description: `${what}: an https:// URL (400 \`https_required\`)`, pattern: "^https://" });

// The services check PUBLICATION_SLUG and answer `slug_format`; the contract states the same rule without its
// lookahead, which request generators do not take.
const slug = z.string().max(60).openapi({
  minLength: 3,
  description:
    "The public address /nyhetsbrev/{slug}: 3–60 lower-case letters a–z, digits and single hyphens between them (400 `slug_format`; the site's own words such as `avregistrera` 400 `slug_reserved`); unique across the platform (409 `slug_taken`)",
  pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
  example: "finsam-vast",
});

const publicationFields = {
  slug,
  name: nonBlank(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  senderName: nonBlank(1).max(200).openapi({ description: "The From name of every issue" }),
  senderEmail: Email.openapi({ description: "The From address of every issue" }),
  replyTo: Email.nullable().optional().openapi({ description: "Where replies go; null: to senderEmail" }),
  logoUrl: https("The logo shown at the top of every issue").nullable().optional(),
  logoAlt: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: "The logo's alternative text, required with a logo (400 `alt_required`)" }),
  clickTracking: z.boolean().optional().openapi({
    description: "Count clicks on the issue's links (off by default; no tracking pixels are ever used)",
  }),
};

export const PublicationInputSchema = z
  .object(publicationFields)
  .strict()
  .openapi("NewsletterInput", { example: PUBLICATION_INPUT });

export const PublicationChangesSchema = z
  .object({
    ...publicationFields,
    slug: slug.optional(),
    name: publicationFields.name.optional(),
    senderName: publicationFields.senderName.optional(),
    senderEmail: publicationFields.senderEmail.optional(),
  })
  .strict()
  .openapi("NewsletterChanges", { example: PUBLICATION_CHANGES });

export const PublicationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    senderName: z.string(),
    senderEmail: z.string(),
    replyTo: z.string().nullable(),
    logoUrl: z.string().nullable(),
    logoAlt: z.string().nullable(),
    clickTracking: z.boolean(),
    archivedAt: Timestamp.nullable(),
    version: z.number().int(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    isOwner: z.boolean().openapi({ description: "Whether the calling förbund owns the newsletter" }),
    publicUrl: z.string().openapi({ description: "The public page with the archive and the sign-up form" }),
    publishers: z.array(PublisherSchema).openapi({
      description: "The owner first, then the co-publishers by name, then open invitations",
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("Newsletter", { example: PUBLICATION });
