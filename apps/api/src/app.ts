import { OpenAPIHono } from "@hono/zod-openapi";
import { AppError } from "@nns/domain";
import type { Deps } from "@nns/services";
import { trace } from "@opentelemetry/api";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { requestId } from "hono/request-id";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { adminStaticRouter } from "./admin-static.js";
import { catalogPagesRouter } from "./catalog-pages/pages.js";
import { DOCS_PATH, docsRouter } from "./docs.js";
import { eventPagesRouter } from "./event-pages/pages.js";
import { authenticate, originCheck } from "./lib/authenticate.js";
import { cacheableForAnyone, noStoreUnlessCacheable } from "./lib/cache-control.js";
import { registerSharedComponents } from "./lib/contract.js";
import type { AppEnv, AppOptions } from "./lib/env.js";
import { problemResponse, toAppError } from "./lib/problem.js";
import { DEFAULT_CATALOG_LIMITS, rateLimit } from "./lib/rate-limit.js";
import { createRouter } from "./lib/router.js";
import { newsletterArchiveRouter } from "./newsletter-pages/archive.js";
import { newsletterPreviewLinksRouter } from "./newsletter-pages/preview-links.js";
import { EMBEDDED_FORM_PATH, newsletterSubscriberRouter } from "./newsletter-pages/subscriber.js";
import { traceRequests } from "./observability/tracing.js";
import { buildOpenApiDocument, registerSecuritySchemes } from "./openapi.js";
import { selfRatingPagesRouter } from "./progression-pages/self-rating.js";
import { apiKeysRouter } from "./routes/api-keys/api-keys.index.js";
import { auditLogRouter } from "./routes/audit-log/audit-log.index.js";
import { authRouter } from "./routes/auth/auth.index.js";
import { bankFilesRouter } from "./routes/bank-files/bank-files.index.js";
import { billingCustomersRouter } from "./routes/billing-customers/billing-customers.index.js";
import { billingExportsRouter } from "./routes/billing-exports/billing-exports.index.js";
import { billingSettingsRouter } from "./routes/billing-settings/billing-settings.index.js";
import { catalogRouter } from "./routes/catalog/catalog.index.js";
import { catalogEditorialRouter } from "./routes/catalog-editorial/catalog-editorial.index.js";
import { catalogSearchSynonymsRouter } from "./routes/catalog-search-synonyms/catalog-search-synonyms.index.js";
import { dashboardRouter } from "./routes/dashboard/dashboard.index.js";
import { eventBudgetRouter } from "./routes/event-budget/event-budget.index.js";
import { eventCohostsRouter } from "./routes/event-cohosts/event-cohosts.index.js";
import { eventFiguresRouter } from "./routes/event-figures/event-figures.index.js";
import { eventSeriesRouter } from "./routes/event-series/event-series.index.js";
import { eventSignupRouter } from "./routes/event-signup/event-signup.index.js";
import { healthRouter } from "./routes/health/health.index.js";
import { interventionsRouter } from "./routes/interventions/interventions.index.js";
import { invitationsRouter } from "./routes/invitations/invitations.index.js";
import { invoiceDocumentsRouter } from "./routes/invoice-documents/invoice-documents.index.js";
import { invoicePaymentsRouter } from "./routes/invoice-payments/invoice-payments.index.js";
import { invoicesRouter } from "./routes/invoices/invoices.index.js";
import { membersRouter } from "./routes/members/members.index.js";
import { newsletterIssuesRouter } from "./routes/newsletter-issues/newsletter-issues.index.js";
import { newsletterSendingRouter } from "./routes/newsletter-sending/newsletter-sending.index.js";
import { newsletterSubscribersRouter } from "./routes/newsletter-subscribers/newsletter-subscribers.index.js";
import { newslettersRouter } from "./routes/newsletters/newsletters.index.js";
import { newslettersPublicRouter } from "./routes/newsletters-public/newsletters-public.index.js";
import { organizationsRouter } from "./routes/organizations/organizations.index.js";
import { outboxRouter } from "./routes/outbox/outbox.index.js";
import { progressionInstrumentsRouter } from "./routes/progression-instruments/progression-instruments.index.js";
import { progressionParticipantsRouter } from "./routes/progression-participants/progression-participants.index.js";
import { progressionPrivacyRouter } from "./routes/progression-privacy/progression-privacy.index.js";
import { progressionReportsRouter } from "./routes/progression-reports/progression-reports.index.js";
import { referenceRouter } from "./routes/reference/reference.index.js";
import { statisticsRouter } from "./routes/statistics/statistics.index.js";
import { statisticsImportsRouter } from "./routes/statistics-imports/statistics-imports.index.js";
import { STATISTICS_UPLOAD_MAX_BYTES } from "./routes/statistics-imports/statistics-imports.routes.js";
import { statisticsReportsRouter } from "./routes/statistics-reports/statistics-reports.index.js";
import { stripeWebhookRouter } from "./routes/stripe-webhook/stripe-webhook.index.js";
import { surveysRouter } from "./routes/surveys/surveys.index.js";
import { trainersRouter } from "./routes/trainers/trainers.index.js";
import { trainingCostsRouter } from "./routes/training-costs/training-costs.index.js";
import { trainingParticipantsRouter } from "./routes/training-participants/training-participants.index.js";
import { trainingRequestsRouter } from "./routes/training-requests/training-requests.index.js";
import { trainingsRouter } from "./routes/trainings/trainings.index.js";
import { vocabularyTermsRouter } from "./routes/vocabulary-terms/vocabulary-terms.index.js";
import { registerWebhookEvents, webhooksRouter } from "./routes/webhooks/webhooks.index.js";
import { accessibilityStatementRouter } from "./site-pages/accessibility-statement.js";
import { searchEnginesRouter } from "./site-pages/search-engines.js";

/** The versioned API: every resource router, mounted under /v1. */
export function createV1() {
  const v1 = createRouter()
    .route("/", authRouter)
    .route("/", organizationsRouter)
    .route("/", dashboardRouter)
    .route("/", membersRouter)
    .route("/", invitationsRouter)
    .route("/", apiKeysRouter)
    .route("/", auditLogRouter)
    .route("/", outboxRouter)
    .route("/", referenceRouter)
    .route("/", statisticsRouter)
    .route("/", statisticsReportsRouter)
    .route("/", trainersRouter)
    .route("/", trainingRequestsRouter)
    .route("/", trainingsRouter)
    .route("/", trainingParticipantsRouter)
    .route("/", trainingCostsRouter)
    .route("/", eventSignupRouter)
    .route("/", eventCohostsRouter)
    .route("/", eventBudgetRouter)
    .route("/", eventFiguresRouter)
    .route("/", eventSeriesRouter)
    // Before the ledger's invoice routes: `/invoices/aging` must not be read as an invoice id.
    .route("/", invoiceDocumentsRouter)
    .route("/", invoicePaymentsRouter)
    .route("/", bankFilesRouter)
    .route("/", billingCustomersRouter)
    .route("/", billingExportsRouter)
    .route("/", stripeWebhookRouter)
    .route("/", surveysRouter)
    .route("/", interventionsRouter)
    .route("/", catalogEditorialRouter)
    .route("/", catalogSearchSynonymsRouter)
    .route("/", vocabularyTermsRouter)
    .route("/", catalogRouter)
    .route("/", newslettersPublicRouter)
    .route("/", webhooksRouter)
    .route("/", newslettersRouter)
    .route("/", newsletterIssuesRouter)
    .route("/", newsletterSubscribersRouter)
    .route("/", newsletterSendingRouter)
    .route("/", progressionInstrumentsRouter)
    .route("/", progressionPrivacyRouter)
    .route("/", billingSettingsRouter)
    .route("/", progressionReportsRouter)
    .route("/", progressionParticipantsRouter)
    .route("/", statisticsImportsRouter)
    .route("/", invoicesRouter);
  registerSecuritySchemes(v1);
  registerSharedComponents(v1);
  registerWebhookEvents(v1);
  return v1;
}

export type V1 = ReturnType<typeof createV1>;

const STATISTICS_UPLOAD_PATH = /^\/v1\/orgs\/[^/]+\/statistics-imports$/;

/** The intervention preview the admin shows in a frame. */
const PREVIEW_PATH = /^\/v1\/orgs\/[^/]+\/interventions\/[^/]+\/preview$/;

export function createApp(deps: Deps, options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>({ strict: false });
  const v1 = createV1();
  const openApiDocument = buildOpenApiDocument(v1);
  const catalogLimit = rateLimit(options.catalogRateLimit ?? DEFAULT_CATALOG_LIMITS);

  // Outermost, so the span and the timing cover everything else; absent when off, not skipped per request.
  if (options.tracing) app.use("*", traceRequests());
  if (options.metrics) app.use("*", options.metrics.middleware);
  app.use(
    "*",
    // Accepts a caller's X-Request-Id of word characters (up to 255), otherwise makes a UUID.
    requestId({ headerName: "X-Request-Id", generator: () => crypto.randomUUID() }),
    async (c, next) => {
      c.set("deps", deps);
      c.set("options", options);
      c.set("actor", null);
      c.set("cacheable", false);
      c.set("catalogLimit", catalogLimit);
      const started = performance.now();
      await next();
      const actor = c.get("actor");
      // The query string is left out on purpose: nothing secret belongs there, but nothing is risked either.
      options.logger.info(
        {
          requestId: c.get("requestId"),
          // The log line and the trace of a request find each other by this.
          ...(options.tracing && { traceId: trace.getActiveSpan()?.spanContext().traceId }),
          method: c.req.method,
          path: loggedPath(new URL(c.req.url).pathname),
          status: c.res.status,
          ms: Math.round(performance.now() - started),
          actor: actor
            ? actor.type === "user"
              ? `user:${actor.userId}`
              : actor.type === "api_key"
                ? `api_key:${actor.apiKeyId}`
                : "system"
            : null,
        },
        "request",
      );
    },
    compress(),
    // Browsers obey frame-ancestors over X-Frame-Options, but an old one reading only the latter would
    // still refuse to frame the embeddable form: it goes from that page alone.
    async (c, next) => {
      await next();
      if (EMBEDDED_FORM_PATH.test(c.req.path)) c.res.headers.delete("X-Frame-Options");
    },
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The API reference page boots Scalar with one inline script, allowed by this response's nonce;
        // no other page runs inline script.
        scriptSrc: ["'self'", (c, directive) => (c.req.path === DOCS_PATH ? NONCE(c, directive) : "")],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // A newsletter's images are on its publishers' own sites (https only, checked when written): the
        // public archive and the admin's preview of an issue show them.
        imgSrc: ["'self'", "data:", "https:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        // Only the admin's preview of a catalogue entry may be framed, and only by the admin itself; the
        // newsletter's embeddable sign-up form is made to be framed by any site.
        frameAncestors: [
          (c) =>
            PREVIEW_PATH.test(c.req.path) ? "'self'" : EMBEDDED_FORM_PATH.test(c.req.path) ? "*" : "'none'",
        ],
      },
    }),
  );

  app.route("/", healthRouter);
  app.route("/", docsRouter);
  app.use("/v1/*", noStoreUnlessCacheable);
  app.get("/v1/openapi.json", cacheableForAnyone, (c) => c.json(openApiDocument));
  const jsonLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => Promise.reject(new AppError("payload_too_large")),
  });
  // SCB's files are the one upload sent as raw bytes, and ten years of monthly figures is tens of MB.
  const statisticsUploadLimit = bodyLimit({
    maxSize: STATISTICS_UPLOAD_MAX_BYTES,
    onError: () => Promise.reject(new AppError("payload_too_large")),
  });
  app.use("/v1/*", (c, next) =>
    c.req.method === "POST" && STATISTICS_UPLOAD_PATH.test(c.req.path)
      ? statisticsUploadLimit(c, next)
      : jsonLimit(c, next),
  );
  app.use("/v1/*", originCheck, authenticate);
  // The API's catalogue routes get the same limiter from their definitions (access.ts). Hono's
  // "/katalog/*" matches "/katalog" itself too: registering both counted the search page twice.
  app.use("/katalog/*", catalogLimit);
  app.route("/v1", v1);

  app.route("/", newsletterPreviewLinksRouter());
  app.route("/", catalogPagesRouter());
  app.route("/", accessibilityStatementRouter());
  app.route("/", searchEnginesRouter());
  // No origin check here, unlike /v1: these forms are posted from mail providers (one-click unsubscribe)
  // and embedding sites by design, carry no cookie authority, and the links' signed tokens are the
  // credential.
  app.use(
    "/nyhetsbrev/*",
    bodyLimit({ maxSize: 16 * 1024, onError: () => Promise.reject(new AppError("payload_too_large")) }),
  );
  app.route("/", newsletterSubscriberRouter());
  // An event's public sign-up: like /nyhetsbrev, no origin check; the cancellation link's token is the
  // credential, and sign-ups are limited per address and client inside.
  app.use(
    "/evenemang/*",
    bodyLimit({ maxSize: 16 * 1024, onError: () => Promise.reject(new AppError("payload_too_large")) }),
  );
  app.route("/", eventPagesRouter());
  // The participant's self-rating: like /nyhetsbrev, no origin check, the one-time token is the credential.
  app.use(
    "/skattning/*",
    bodyLimit({ maxSize: 16 * 1024, onError: () => Promise.reject(new AppError("payload_too_large")) }),
  );
  app.route("/", selfRatingPagesRouter());
  // Rate-limited per route inside, like /katalog: the subscriber pages beside it under /nyhetsbrev are not.
  app.route("/", newsletterArchiveRouter());
  if (options.staticRoot) app.route("/", adminStaticRouter(options.staticRoot));

  app.notFound((c) =>
    problemResponse(c, new AppError("not_found", `No resource at ${new URL(c.req.url).pathname}.`)),
  );
  app.onError((error, c) => {
    const known = toAppError(error);
    if (known?.code === "service_unavailable") {
      options.logger.warn({ requestId: c.get("requestId"), err: error }, "database unavailable");
    }
    if (known) return problemResponse(c, known);
    options.logger.error({ requestId: c.get("requestId"), err: error }, "unhandled error");
    return problemResponse(
      c,
      new AppError("internal", `Please quote request id ${c.get("requestId")} when you report this.`),
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * The path as the request log keeps it: a self-rating link's token is a credential for days, so it is
 * never written to a log.
 */
function loggedPath(pathname: string): string {
  return pathname.replace(/^(\/skattning|\/v1\/self-rating)\/[^/]+/, "$1/{token}");
}
