import { z } from "@hono/zod-openapi";
import { CONSENT_SOURCES, SUBSCRIBER_STATUSES } from "@nns/domain";
import { Email, OrgIdParams, Timestamp } from "../../lib/schemas.js";
import { IMPORT_REPORT, SUBSCRIBER } from "./newsletter-subscribers.examples.js";

export const SubscriberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    status: z.enum(SUBSCRIBER_STATUSES).openapi({
      description:
        "`unconfirmed`: waits for the double opt-in; `confirmed`: receives issues; `unsubscribed`; `blocklisted`: after a hard bounce or repeated soft bounces",
    }),
    consent: z
      .object({
        at: Timestamp.nullable(),
        text: z
          .string()
          .nullable()
          .openapi({ description: "The consent text shown or attested, word for word" }),
        source: z.enum(CONSENT_SOURCES),
        attestedBy: z
          .uuid()
          .nullable()
          .openapi({ description: "The person who attested the consent (import or adding by hand)" }),
      })
      .openapi("SubscriberConsent"),
    confirmedAt: Timestamp.nullable(),
    unsubscribedAt: Timestamp.nullable(),
    blocklistedAt: Timestamp.nullable(),
    blocklistReason: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi("Subscriber", { example: SUBSCRIBER });

export const PublicationParams = OrgIdParams.extend({
  publicationId: z.uuid().openapi({ param: { name: "publicationId", in: "path" } }),
});

export const SubscriberParams = PublicationParams.extend({
  subscriberId: z.uuid().openapi({ param: { name: "subscriberId", in: "path" } }),
});

export const SlugParams = z.object({
  slug: z
    .string()
    .max(60)
    .openapi({ param: { name: "slug", in: "path" }, example: "samverkan-vastmanland" }),
});

const consentText = z.string().trim().min(1).max(2000).openapi({
  description: "What the people consented to, word for word; recorded with each of them",
});

export const NewSubscriberSchema = z
  .object({
    email: Email,
    name: z.string().trim().max(200).nullable().optional(),
    consentText,
    attestConsent: z.boolean().openapi({
      description:
        "You vouch that the person consented: confirmed at once, with you recorded. Otherwise unconfirmed, and the double opt-in email goes out",
    }),
  })
  .strict();

export const ImportSchema = z
  .object({
    csv: z.string().min(1).max(1_000_000).openapi({
      description:
        "UTF-8, comma- or semicolon-separated, with a header naming the address column `email` or `e-post` (and optionally `name` or `namn`), or without a header: address first, name second",
    }),
    consentText,
    attestConsent: z.boolean(),
  })
  .strict();

export const ImportReportSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    rows: z.array(
      z.object({
        row: z.number().int().openapi({ description: "The line in the file, the header being line 1" }),
        email: z.string(),
        outcome: z.enum(["created", "updated", "skipped"]),
        reason: z
          .enum(["invalid_email", "duplicate", "suppressed", "exists", "unsubscribed", "blocklisted"])
          .nullable(),
        message: z.string(),
      }),
    ),
  })
  .openapi("SubscriberImportReport", { example: IMPORT_REPORT });

export const SubscriptionSchema = z
  .object({
    email: Email,
    name: z.string().trim().max(200).nullable().optional(),
    consent: z.literal(true).openapi({
      description: "The person ticked the box showing the publication's consent text (`signupConsentText`)",
    }),
  })
  .strict();

export const BounceEventsSchema = z
  .object({
    events: z
      .array(
        z.object({
          kind: z.enum(["hard", "soft", "complaint"]),
          recipient: z.string().max(320).nullable().optional(),
          messageId: z.string().max(998).nullable().optional().openapi({
            description: "The original's Message-ID, `<{deliveryId}@{domain}>`",
          }),
          listUnsubscribe: z.string().max(4000).nullable().optional().openapi({
            description:
              "The original's List-Unsubscribe header, whose signed link names the publisher and subscriber; events without it are counted as unmatched",
          }),
          diagnostic: z.string().max(1000).nullable().optional(),
        }),
      )
      .min(1)
      .max(500),
  })
  .strict();
