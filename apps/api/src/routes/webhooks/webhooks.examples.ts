import { example, HALLAND, IDS } from "../../lib/examples.js";

const ENDPOINT_ID = "4f0c7a2e-3b8d-4e51-9a6f-2d1c8b7e5a90";
const DELIVERY_ID = "b2e94d17-6c3a-4f08-8e2b-9d5a1c7f3e64";
const EVENT_ID = "e8a1f3c5-2d7b-4960-a4e2-7c9b5d1f8a36";

export const WEBHOOK_ENDPOINT = example({
  id: ENDPOINT_ID,
  url: "https://integration.halmstad.se/nns/webhooks",
  description: "Halmstads ärendesystem: nya anmälningar till BIP-utbildningar",
  events: ["training.confirmed", "registration.created", "registration.cancelled"],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  createdAt: "2026-10-02T08:41:17.000Z",
  updatedAt: "2026-10-02T08:41:17.000Z",
});

export const CREATE_WEBHOOK_ENDPOINT = example({
  url: WEBHOOK_ENDPOINT.url,
  description: WEBHOOK_ENDPOINT.description,
  events: WEBHOOK_ENDPOINT.events,
});

export const UPDATE_WEBHOOK_ENDPOINT = example({
  events: ["training.confirmed", "training.cancelled", "registration.created"],
  enabled: true,
});

export const WEBHOOK_ENDPOINT_WITH_SECRET = example({
  endpoint: WEBHOOK_ENDPOINT,
  secret: "whsec_Vn0yQ1m2hJ9bqk5Lr8d3Zp7WcXs4Tt6YfGaE1uNoPiM",
});

export const WEBHOOK_PAYLOAD = example({
  id: EVENT_ID,
  type: "training.confirmed",
  apiVersion: "2026-11-26",
  createdAt: "2026-11-20T13:05:44.000Z",
  organizationId: HALLAND.id,
  data: { object: { id: IDS.training, status: "confirmed", title: "BIP-utbildning Halland hösten 2027" } },
});

export const WEBHOOK_DELIVERY = example({
  id: DELIVERY_ID,
  endpointId: ENDPOINT_ID,
  eventId: EVENT_ID,
  eventType: "training.confirmed",
  status: "succeeded",
  attempts: 2,
  nextAttemptAt: null,
  lastAttemptAt: "2026-11-20T13:06:51.000Z",
  lastResponseStatus: 200,
  lastError: null,
  responseBodyExcerpt: '{"received":true}',
  durationMs: 184,
  deliveredAt: "2026-11-20T13:06:51.000Z",
  createdAt: "2026-11-20T13:05:44.000Z",
  payload: WEBHOOK_PAYLOAD,
});

export const WEBHOOK_EVENT_TYPE_LIST = example({
  data: [
    { type: "training.confirmed", description: "A training was confirmed by its owner" },
    { type: "registration.created", description: "A participant was registered for a session" },
  ],
});
