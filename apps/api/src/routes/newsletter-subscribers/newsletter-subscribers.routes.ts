import { z } from "@hono/zod-openapi";
import { SUBSCRIBER_STATUSES } from "@nns/domain";
import { defineRoute } from "../../lib/access.js";
import { jsonBody, jsonResponse, PageQuery, pageOf, problems } from "../../lib/schemas.js";
import {
  BOUNCES,
  IMPORT,
  NEW_SUBSCRIBER,
  SUBSCRIBER,
  SUBSCRIPTION,
} from "./newsletter-subscribers.examples.js";
import {
  ImportReportSchema,
  ImportSchema,
  NewSubscriberSchema,
  PublicationParams,
  SlugParams,
  SubscriberParams,
  SubscriberSchema,
  SubscriptionSchema,
} from "./newsletter-subscribers.schemas.js";

const tags = ["Newsletters"];
const PERSONAL =
  "Needs `subscribers:manage` (administrators: the list is personal data), in the publication's owner or an accepted co-publisher; anyone else gets 404.";

const signatureHeaders = z.object({
  "webhook-timestamp": z.string().max(20).optional().openapi({ description: "Unix seconds of signing" }),
  "webhook-signature": z
    .string()
    .max(200)
    .optional()
    .openapi({ description: '`v1=<hex HMAC-SHA256 of "{timestamp}.{raw body}">` with the bounce secret' }),
});
const SIGNED =
  "Signed like the platform's own webhooks: `Webhook-Timestamp` and `Webhook-Signature: v1=<hex HMAC-SHA256 of \"{timestamp}.{raw body}\">` with the installation's `NEWSLETTER_BOUNCE_SECRET`, within five minutes (400 naming the header and `signature_mismatch` or `timestamp_outside_tolerance` otherwise, and nothing changes). Without a secret configured the answer is 503 with `Retry-After`.";
const unconfigured = {
  description: "`service_unavailable`: no bounce secret is configured here (or the database is unreachable)",
  headers: { "Retry-After": { schema: { type: "integer" as const } } },
  content: problems(503)[503]?.content,
};

export const listSubscribers = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers",
    operationId: "listNewsletterSubscribers",
    tags,
    summary: "Subscribers of a newsletter",
    description: `Newest first, cursor-paginated, optionally of one status or matching \`q\` in the address or name. ${PERSONAL}`,
    request: {
      params: PublicationParams,
      query: PageQuery.extend({
        status: z.enum(SUBSCRIBER_STATUSES).optional(),
        q: z.string().trim().max(200).optional().openapi({ description: "Part of the address or name" }),
      }),
    },
    responses: {
      200: jsonResponse(pageOf(SubscriberSchema, "SubscriberPage", SUBSCRIBER), "Subscribers"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const addSubscriber = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers",
    operationId: "addNewsletterSubscriber",
    tags,
    summary: "Add a subscriber",
    description: `Adds one address with the consent it gave. With \`attestConsent\` it is confirmed at once and you are recorded as attesting; otherwise it stays unconfirmed and gets the confirmation email. An address already in the list is 409 \`subscriber_exists\`; one that was erased or complained is 400 \`suppressed\` (only the person's own sign-up brings it back). ${PERSONAL} Audited as \`newsletter.subscriber_added\`.`,
    request: {
      params: PublicationParams,
      body: jsonBody(NewSubscriberSchema.openapi("NewSubscriber"), NEW_SUBSCRIBER),
    },
    responses: {
      201: jsonResponse(SubscriberSchema, "Added"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const importSubscribers = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers/import",
    operationId: "importNewsletterSubscribers",
    tags,
    summary: "Import subscribers from CSV",
    description: `Reads every line and reports each: \`created\`, \`updated\` (a new name, or an unconfirmed address confirmed by attestation) or \`skipped\` with the reason (\`invalid_email\`, \`duplicate\` in the file, \`suppressed\` after erasure or a complaint, \`exists\` unchanged, \`unsubscribed\`, \`blocklisted\`). New addresses stay unconfirmed and get the confirmation email unless \`attestConsent\`; the consent text is recorded on each. All in one transaction: a file that cannot be read (\`csv_syntax\`, \`email_column_required\`) changes nothing, and importing the same file again changes nothing. ${PERSONAL} Audited as \`newsletter.subscribers_imported\`.`,
    request: { params: PublicationParams, body: jsonBody(ImportSchema.openapi("SubscriberImport"), IMPORT) },
    responses: {
      200: jsonResponse(ImportReportSchema, "The report, line by line"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const exportSubscribers = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers/export",
    operationId: "exportNewsletterSubscribers",
    tags,
    summary: "Export subscribers as CSV",
    description: `Every subscriber, oldest first, with the consent record (time, text, source, who attested). UTF-8 with a byte order mark for Excel. ${PERSONAL} Audited as \`newsletter.subscribers_exported\`.`,
    request: { params: PublicationParams },
    responses: {
      200: {
        description: "The CSV",
        content: { "text/csv": { schema: z.string() } },
      },
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getSubscriber = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}",
    operationId: "getNewsletterSubscriber",
    tags,
    summary: "One subscriber",
    description: `The address, status and consent record. ${PERSONAL}`,
    request: { params: SubscriberParams },
    responses: { 200: jsonResponse(SubscriberSchema, "The subscriber"), ...problems(400, 401, 403, 404) },
  },
);

export const eraseSubscriber = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}",
    operationId: "eraseNewsletterSubscriber",
    tags,
    summary: "Erase a subscriber",
    description: `Deletes the subscriber and its bounces, unlinks its deliveries (the issues' figures stay) and keeps only the SHA-256 of the address on the suppression list, so it is never mailed or imported again unless the person signs up and confirms. ${PERSONAL} Audited as \`newsletter.subscriber_erased\` (the id only).`,
    request: { params: SubscriberParams },
    responses: { 204: { description: "Erased" }, ...problems(400, 401, 403, 404) },
  },
);

export const unsubscribeSubscriber = defineRoute(
  { kind: "org", permission: "subscribers:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/newsletters/{publicationId}/subscribers/{subscriberId}/unsubscribe",
    operationId: "unsubscribeNewsletterSubscriber",
    tags,
    summary: "Unsubscribe on the person's behalf",
    description: `For a person who asked by phone or letter: the status becomes \`unsubscribed\`; the row and consent record stay. Doing it again changes nothing. ${PERSONAL} Audited as \`newsletter.subscriber_unsubscribed\`.`,
    request: { params: SubscriberParams },
    responses: { 200: jsonResponse(SubscriberSchema, "Unsubscribed"), ...problems(400, 401, 403, 404) },
  },
);

export const subscribe = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/newsletters/{slug}/subscriptions",
    operationId: "subscribeToNewsletter",
    tags,
    summary: "Sign up for a newsletter (double opt-in)",
    description:
      "The JSON twin of the sign-up form. Always 202 with the same body, whether the address is new, waiting, already subscribed or blocklisted, so it tells nobody who subscribes; a confirmation email with a link valid for seven days goes out when confirming would change something. Sign-ups are limited per address and per client address (429 with `Retry-After`, and nothing is sent). An unknown or archived newsletter is 404.",
    request: { params: SlugParams, body: jsonBody(SubscriptionSchema.openapi("Subscription"), SUBSCRIPTION) },
    responses: {
      202: jsonResponse(
        z.object({ message: z.string() }).openapi("SubscriptionAccepted", {
          example: { message: "Om adressen kan anmälas får den ett mejl med en länk för att bekräfta." },
        }),
        "Accepted: check the inbox",
      ),
      ...problems(400, 404, 429),
    },
  },
);

export const receiveBounces = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/newsletters/bounces",
    operationId: "receiveNewsletterBounces",
    tags,
    summary: "Receive bounces and complaints from a mail provider",
    description: `For the sending provider's notifications. ${SIGNED} Each event is matched through the original's List-Unsubscribe link and Message-ID (\`<{deliveryId}@…>\`), or the recipient within that publication: a hard bounce blocklists at once, soft bounces once three fall within 30 days (configurable), a complaint unsubscribes and suppresses the address.`,
    request: {
      headers: signatureHeaders,
      // Described, not parsed here: the signature covers the exact bytes, which parsing would lose.
      body: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["events"],
              properties: {
                events: {
                  type: "array",
                  minItems: 1,
                  maxItems: 500,
                  items: {
                    type: "object",
                    required: ["kind"],
                    properties: {
                      kind: { type: "string", enum: ["hard", "soft", "complaint"] },
                      recipient: { type: ["string", "null"] },
                      messageId: { type: ["string", "null"], description: "`<{deliveryId}@{domain}>`" },
                      listUnsubscribe: {
                        type: ["string", "null"],
                        description:
                          "The original's List-Unsubscribe header; without it an event is unmatched",
                      },
                      diagnostic: { type: ["string", "null"] },
                    },
                  },
                },
              },
            },
            example: BOUNCES,
          },
        },
      },
    },
    responses: {
      200: jsonResponse(
        z
          .object({ recorded: z.number().int(), unmatched: z.number().int() })
          .openapi("BounceReceipt", { example: { recorded: 1, unmatched: 0 } }),
        "Received",
      ),
      503: unconfigured,
      ...problems(400),
    },
  },
);

export const receiveInbound = defineRoute(
  { kind: "public" },
  {
    method: "post",
    path: "/newsletters/inbound",
    operationId: "receiveNewsletterInboundMail",
    tags,
    summary: "Receive a message from the bounce and unsubscribe mailbox",
    description: `The raw message as received (\`message/rfc822\`), forwarded by the mail server. ${SIGNED} A delivery-status notification (RFC 3464: status 5.x.x hard, 4.x.x soft) or a complaint report (RFC 5965) is recorded against the subscriber its returned headers name; a List-Unsubscribe mailto (\`subject: unsubscribe <token>\`) unsubscribes; anything else is ignored.`,
    request: {
      headers: signatureHeaders,
      body: {
        required: true,
        content: { "message/rfc822": { schema: z.string().openapi({ format: "binary" }) } },
      },
    },
    responses: {
      200: jsonResponse(
        z
          .object({ outcome: z.enum(["bounce_recorded", "unsubscribed", "unmatched", "ignored"]) })
          .openapi("InboundMailReceipt", { example: { outcome: "bounce_recorded" } }),
        "Received",
      ),
      503: unconfigured,
      ...problems(400),
    },
  },
);
