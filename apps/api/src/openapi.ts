import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./lib/env.js";

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "NNS-plattformen API",
    version: "1.1.0",
    description: [
      "The API of the platform for Sweden's samordningsförbund and NNS (Nationella nätverket för samordningsförbund): the public catalogue of interventions, trainings and their bookings, organizations, members and API keys.",
      "Errors are RFC 9457 problem+json with a stable `code`; every status an operation can answer and every header it sends is listed with it. No string may contain the NUL character U+0000 (400 `validation_failed`, rule `no_nul_character`). The API guide (authentication, a five-minute quick start, pagination, idempotency, rate limits, versioning, deprecation and the changelog) is published with the platform's documentation; the interactive reference is at `/docs`.",
    ].join("\n\n"),
    contact: { name: "NNS API support", email: "api@nns.se" },
    license: { name: "Proprietary: use by agreement with NNS", identifier: "LicenseRef-NNS-Proprietary" },
  },
  servers: [{ url: "/v1", description: "Version 1, on the host that serves this document" }],
  // In the order an integrator meets them: signing in, the organization and its people, keys, the
  // public catalogue, then the domain, reference data and the organization's records.
  tags: [
    {
      name: "Auth",
      description:
        "Signing in and out, sessions, password reset, invitations and who the caller is (`/auth/me`)",
    },
    {
      name: "Organizations",
      description: "NNS and the samordningsförbund: the tenants every other resource belongs to",
    },
    { name: "Members", description: "People in an organization, their roles and invitations" },
    {
      name: "Dashboard",
      description: "What each role sees first in an organization, summarized from the resources below",
    },
    {
      name: "API keys",
      description: "An organization's keys for third-party integrations, each with its scopes",
    },
    {
      name: "Catalogue (public)",
      description:
        "The published catalogue of interventions: search, entries, export and feed, without credentials (rate-limited)",
    },
    {
      name: "Newsletters (public)",
      description:
        "The archive of the joint newsletters: each newsletter's page and its sent issues, without credentials (rate-limited)",
    },
    {
      name: "Interventions",
      description:
        "An organization's interventions from draft to publication, their versions, results and co-owners, and NNS's editorial queue",
    },
    {
      name: "Training requests",
      description: "A förbund's requests for a training, before NNS schedules one",
    },
    { name: "Trainings", description: "Scheduled trainings: their sessions, parties, seats and calendar" },
    { name: "Training participants", description: "Registrations, waiting lists, rosters and attendance" },
    {
      name: "Training costs",
      description: "What a training costs and how it is shared between the parties, with print costs",
    },
    {
      name: "Billing settings",
      description:
        "NNS's identity as the seller, each förbund's invoicing details (address, Peppol id, referens) and its referens per training",
    },
    {
      name: "Invoices",
      description:
        "Invoices to förbund drafted from a training's costs, issued with a gapless number as PDF and Peppol e-invoice, corrected by credit notes",
    },
    {
      name: "Billing",
      description:
        "Collecting and booking what is invoiced: how each förbund pays (bankgiro or Stripe), Stripe's webhook, and the CSV and SIE 4 exports with their accounts",
    },
    {
      name: "Follow-up",
      description: "Surveys to participants after a training and their aggregated answers",
    },
    {
      name: "Event series",
      description:
        "A förbund's recurring events (such as a yearly inspirationsdag) grouped in a series and compared year on year",
    },
    {
      name: "Event budget",
      description:
        "An event's budget: cost lines (lokal, fika and meals, föreläsare, other) with budgeted and actual amounts",
    },
    {
      name: "Event co-hosts",
      description:
        "Other förbund invited to co-host an event, and a förbund's invitations to accept or decline",
    },
    {
      name: "Event sign-up",
      description:
        "An event's public sign-up page: opening and closing it, with the consent text a person accepts",
    },
    {
      name: "Event follow-up",
      description:
        "An event's follow-up: figures recorded afterwards, participants of days already held and the förbund's member parties (FK, AF, region, kommun)",
    },
    {
      name: "Trainers and price list (NNS)",
      description: "NNS's trainers and certifications, price list, training template and pairing of requests",
    },
    { name: "Reference data", description: "SCB län and kommuner, and the förbund, for filters and forms" },
    {
      name: "Statistics (public)",
      description:
        "Needs analysis from SCB's helårsekvivalenter (HE0000T02N2): shares per kommun, förbund, län and riket by benefit type, gender and age group, quartiles against all kommuner, trends, a national ranking and CSV",
    },
    { name: "Audit log", description: "Who changed what in an organization" },
    { name: "Outbox", description: "Emails the platform has sent for an organization" },
    {
      name: "Webhooks",
      description: "Endpoints that receive signed events, their delivery log and the event payloads",
    },
    {
      name: "Newsletters",
      description:
        "Joint newsletters owned by one förbund and co-published by others: settings, publishers, invitations, subscribers with double opt-in, bounces and the public sign-up",
    },
    {
      name: "Newsletter issues",
      description:
        "Issues (utskick) of a newsletter: sections written and approved by each publisher, ordered, made ready, scheduled and previewed",
    },
    {
      name: "Newsletter sending",
      description:
        "Sending a newsletter issue: start, pause, resume, cancel, progress and a test copy to oneself",
    },
    {
      name: "Progression",
      description:
        "Progression measurement: instruments such as SKAPA kept as data, a förbund's pseudonymous participants and their measurements (coaches see their own, the förbund's managers all, NNS none), self-rating links, export, erasure and retention, and aggregates suppressed below the minimum group size",
    },
    {
      name: "Statistics imports (NNS)",
      description:
        "NNS's uploads of SCB's helårsekvivalenter table (HE0000T02N2): the file is read by a background job, checked row by row against the kommuner, and its periods replaced in one step",
    },
  ],
};

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-nns_session",
    description:
      "Set by POST /v1/auth/login. Browsers only; unsafe methods must carry a same-site Origin header.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An organization's API key: `Authorization: Bearer nns_…`. Never in the URL.",
  });
}

export function buildOpenApiDocument(v1: OpenAPIHono<AppEnv>) {
  return v1.getOpenAPI31Document(OPENAPI_INFO);
}
