import { z } from "@hono/zod-openapi";
import { WEBHOOK_API_VERSION, WEBHOOK_EVENT_TYPE_NAMES } from "@nns/services";
import { defineRoute } from "../../lib/access.js";
import {
  jsonBody,
  jsonResponse,
  nonBlank,
  OrgIdParams,
  PageQuery,
  pageOf,
  problems,
  Timestamp,
} from "../../lib/schemas.js";
import {
  CREATE_WEBHOOK_ENDPOINT,
  UPDATE_WEBHOOK_ENDPOINT,
  WEBHOOK_DELIVERY,
  WEBHOOK_ENDPOINT,
  WEBHOOK_ENDPOINT_WITH_SECRET,
  WEBHOOK_EVENT_TYPE_LIST,
  WEBHOOK_PAYLOAD,
} from "./webhooks.examples.js";

const tags = ["Webhooks"];

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPE_NAMES).openapi("WebhookEventType", {
  description: "An event an endpoint can subscribe to; see GET /webhook-event-types",
});

export const WebhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string().openapi({ example: "https://integration.example.se/nns/webhooks" }),
    description: z.string().nullable(),
    events: z.array(WebhookEventTypeSchema),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().openapi({
      description:
        "Why the endpoint is off: switched off by an administrator, or by the platform after persistent failure",
    }),
    disabledAt: Timestamp.nullable(),
    failingSince: Timestamp.nullable().openapi({
      description: "The first failed attempt since the last success; null while deliveries succeed",
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi("WebhookEndpoint", { example: WEBHOOK_ENDPOINT });

const EndpointWithSecret = z
  .object({
    endpoint: WebhookEndpointSchema,
    secret: z.string().openapi({
      description: "The signing secret. Shown in this response only; store it with the receiver.",
      example: "whsec_Vn0yQ1m2hJ9bqk5Lr8d3Zp7WcXs4Tt6YfGaE1uNoPiM",
    }),
  })
  .openapi("WebhookEndpointWithSecret", { example: WEBHOOK_ENDPOINT_WITH_SECRET });

export const WebhookPayloadSchema = z
  .object({
    id: z.uuid().openapi({
      description: "The event id, also sent as `Webhook-Id`; the same on every retry and resend",
    }),
    type: z.string().openapi({ example: "registration.created" }),
    apiVersion: z.literal(WEBHOOK_API_VERSION),
    createdAt: Timestamp,
    organizationId: z.uuid().openapi({ description: "The receiving organization" }),
    data: z.object({ object: z.record(z.string(), z.unknown()) }),
  })
  .openapi("WebhookPayload", { example: WEBHOOK_PAYLOAD });

export const WebhookDeliverySchema = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    eventId: z.uuid(),
    eventType: z.string().openapi({ example: "training.confirmed" }),
    status: z.enum(["pending", "succeeded", "failed", "gave_up"]).openapi({
      description:
        "`pending`: not attempted yet; `failed`: the last attempt failed and another is scheduled (`nextAttemptAt`); `succeeded`: a 2xx answer; `gave_up`: no further attempts (3 days passed or the endpoint is disabled)",
    }),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp.nullable(),
    lastAttemptAt: Timestamp.nullable(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    responseBodyExcerpt: z
      .string()
      .nullable()
      .openapi({ description: "The first kilobyte of the receiver's last answer" }),
    durationMs: z.number().int().nullable(),
    deliveredAt: Timestamp.nullable(),
    createdAt: Timestamp,
    payload: WebhookPayloadSchema,
  })
  .openapi("WebhookDelivery", { example: WEBHOOK_DELIVERY });

const url = nonBlank(1).max(2000).openapi({
  description:
    "An https:// URL without user name or password, not pointing at a private, loopback or link-local address (400 `url`, `https_required`, `no_credentials`, `public_address_required`)",
  example: "https://integration.example.se/nns/webhooks",
});
const description = z.string().trim().max(500).nullable();
const events = z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPE_NAMES.length);

const EndpointParams = OrgIdParams.extend({
  endpointId: z.uuid().openapi({ param: { name: "endpointId", in: "path" } }),
});
const DeliveryParams = EndpointParams.extend({
  deliveryId: z.uuid().openapi({ param: { name: "deliveryId", in: "path" } }),
});

export const listWebhookEventTypes = defineRoute(
  { kind: "actor" },
  {
    method: "get",
    path: "/webhook-event-types",
    operationId: "listWebhookEventTypes",
    tags,
    summary: "The events an endpoint can subscribe to",
    description:
      "Every event type with what it means and who receives it. The payload of each is in the contract's `webhooks` section.",
    responses: {
      200: jsonResponse(
        z
          .object({
            data: z.array(z.object({ type: WebhookEventTypeSchema, description: z.string() })),
          })
          .openapi("WebhookEventTypeList", { example: WEBHOOK_EVENT_TYPE_LIST }),
        "Event types",
      ),
      ...problems(401),
    },
  },
);

export const createWebhookEndpoint = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/webhook-endpoints",
    operationId: "createWebhookEndpoint",
    tags,
    summary: "Register a webhook endpoint",
    description:
      "Registers a URL that receives the chosen events, signed with a secret that is returned in this response only (rotate it to get a new one). The URL must be https:// and may not carry credentials or point at a private, loopback or link-local address (`rule`: `url`, `https_required`, `no_credentials`, `public_address_required`).",
    request: {
      params: OrgIdParams,
      body: jsonBody(
        z
          .object({ url, description: description.optional(), events })
          .strict()
          .openapi("WebhookEndpointInput", { example: CREATE_WEBHOOK_ENDPOINT }),
      ),
    },
    responses: {
      201: jsonResponse(EndpointWithSecret, "Registered; the secret is shown this once"),
      ...problems(400, 401, 403, 404),
    },
  },
  {
    notIdempotentBecause:
      "a stored replay would keep the signing secret in the idempotency store. After a lost response, list the endpoints and delete a stray one",
  },
);

export const listWebhookEndpoints = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/webhook-endpoints",
    operationId: "listWebhookEndpoints",
    tags,
    summary: "Webhook endpoints of the organization",
    description:
      "The organization's registered endpoints, newest first and cursor-paginated, with the events each receives and whether it is enabled. Needs `webhooks:manage`; secrets are never listed.",
    request: { params: OrgIdParams, query: PageQuery },
    responses: {
      200: jsonResponse(pageOf(WebhookEndpointSchema, "WebhookEndpointPage", WEBHOOK_ENDPOINT), "Endpoints"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const getWebhookEndpoint = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}",
    operationId: "getWebhookEndpoint",
    tags,
    summary: "One webhook endpoint",
    description:
      "The endpoint's URL, events and state: enabled, or disabled with the reason and time, and `failingSince` while deliveries fail. Needs `webhooks:manage`; the secret is never returned here.",
    request: { params: EndpointParams },
    responses: { 200: jsonResponse(WebhookEndpointSchema, "The endpoint"), ...problems(400, 401, 403, 404) },
  },
);

export const updateWebhookEndpoint = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "patch",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}",
    operationId: "updateWebhookEndpoint",
    tags,
    summary: "Change a webhook endpoint",
    description:
      "Changes the URL, description or events, or switches the endpoint off or on. Switching it on again clears its failure state (`failingSince`, `disabledReason`), so it gets three new days before it could be disabled again. Deliveries given up while it was off are not resent by this; resend them from the log.",
    request: {
      params: EndpointParams,
      body: jsonBody(
        z
          .object({
            url: url.optional(),
            description: description.optional(),
            events: events.optional(),
            enabled: z.boolean().optional(),
          })
          .strict()
          .openapi("WebhookEndpointChanges", { example: UPDATE_WEBHOOK_ENDPOINT }),
      ),
    },
    responses: { 200: jsonResponse(WebhookEndpointSchema, "Changed"), ...problems(400, 401, 403, 404) },
  },
);

export const deleteWebhookEndpoint = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "delete",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}",
    operationId: "deleteWebhookEndpoint",
    tags,
    summary: "Delete a webhook endpoint",
    description: "Deletes the endpoint and its delivery log; deliveries not yet made are dropped.",
    request: { params: EndpointParams },
    responses: { 204: { description: "Deleted" }, ...problems(400, 401, 403, 404) },
  },
);

export const rotateWebhookSecret = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}/rotate-secret",
    operationId: "rotateWebhookSecret",
    tags,
    summary: "Replace the signing secret",
    description:
      "Makes a new secret, returned in this response only. It signs every attempt from now on, retries of earlier events included; the old secret stops verifying at once.",
    request: { params: EndpointParams },
    responses: { 200: jsonResponse(EndpointWithSecret, "The new secret"), ...problems(400, 401, 403, 404) },
  },
);

export const listWebhookDeliveries = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "get",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries",
    operationId: "listWebhookDeliveries",
    tags,
    summary: "The endpoint's delivery log",
    description:
      "Every delivery to the endpoint, newest first, with its payload, attempts and the receiver's last answer; optionally only those in one status.",
    request: {
      params: EndpointParams,
      query: PageQuery.extend({
        status: z.enum(["pending", "succeeded", "failed", "gave_up"]).optional(),
      }),
    },
    responses: {
      200: jsonResponse(pageOf(WebhookDeliverySchema, "WebhookDeliveryPage", WEBHOOK_DELIVERY), "Deliveries"),
      ...problems(400, 401, 403, 404),
    },
  },
);

export const resendWebhookDelivery = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/resend",
    operationId: "resendWebhookDelivery",
    tags,
    summary: "Send an event again",
    description:
      "Queues a new delivery of the same event (same event id, same payload, new signature) and answers with it; the original stays in the log. 409 while the endpoint is disabled.",
    request: { params: DeliveryParams },
    responses: {
      202: jsonResponse(WebhookDeliverySchema, "Queued"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);

export const pingWebhookEndpoint = defineRoute(
  { kind: "org", permission: "webhooks:manage" },
  {
    method: "post",
    path: "/orgs/{orgId}/webhook-endpoints/{endpointId}/ping",
    operationId: "pingWebhookEndpoint",
    tags,
    summary: "Send a test event",
    description:
      "Queues a `ping` event to this endpoint only and answers with the delivery; follow it in the delivery log. 409 while the endpoint is disabled.",
    request: { params: EndpointParams },
    responses: {
      202: jsonResponse(WebhookDeliverySchema, "Queued"),
      ...problems(400, 401, 403, 404, 409),
    },
  },
);
