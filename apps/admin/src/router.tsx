// Longer than 400 lines: the whole route tree in one place, each route with the permission it needs, so a page is found by its path.
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { NotFoundPage } from "./components/NotFoundPage";
import { LoginPage } from "./features/auth/LoginPage";
import { invoiceSearch } from "./features/invoices/search";
import { statisticsSearch } from "./features/statistics/search";
import { requireAnyPermission, requireNnsAdmin, requirePermission } from "./lib/access";
import { meQuery } from "./lib/session";

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const tokenFromHash = () => new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "login",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === "string" && search.redirect.startsWith("/")
      ? { redirect: search.redirect }
      : {},
  // In the first chunk, not lazy: it is where most visits start, and a lazy chunk would be one more round
  // trip before its heading paints (Lighthouse's LCP on a phone). What it needs (fields, the form) every
  // signed-in page needs too.
  component: LoginPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "reset-password",
  loader: () => ({ token: tokenFromHash() }),
  component: lazyRouteComponent(() => import("./features/auth/ResetPasswordPage"), "ResetPasswordPage"),
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "accept-invitation",
  loader: () => ({ token: tokenFromHash() }),
  component: lazyRouteComponent(() => import("./features/auth/AcceptInvitationPage"), "AcceptInvitationPage"),
});

/** Everything below needs a signed-in person; without one, go to sign-in and come back afterwards. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    return { me };
  },
  // Loaded only once someone is signed in: the sign-in page stays small.
  component: lazyRouteComponent(() => import("./components/Shell"), "Shell"),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    const first = context.me.memberships[0];
    if (first) throw redirect({ to: "/o/$orgId", params: { orgId: first.organization.id } });
  },
  component: lazyRouteComponent(
    () => import("./features/dashboard/NoOrganizationPage"),
    "NoOrganizationPage",
  ),
});

const orgRoute = createRoute({ getParentRoute: () => appRoute, path: "o/$orgId", component: Outlet });

/**
 * Access is decided here, once per route, not inside the pages: a guard (lib/access) refuses in beforeLoad
 * and the route's notFoundComponent says why. The API checks every request again.
 */
const accessDenied = lazyRouteComponent(() => import("./components/AccessDenied"), "AccessDeniedPage");

/** NNS's own pages: every route under /nns is for NNS administrators only. */
const nnsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "nns",
  beforeLoad: ({ context }) => requireNnsAdmin(context.me),
  notFoundComponent: accessDenied,
  component: Outlet,
});

const dashboardRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/dashboard/DashboardPage"), "DashboardPage"),
});

const membersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "members",
  component: lazyRouteComponent(() => import("./features/members/MembersPage"), "MembersPage"),
});

const apiKeysRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "api-keys",
  component: lazyRouteComponent(() => import("./features/api-keys/ApiKeysPage"), "ApiKeysPage"),
});

const webhooksRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "webhooks",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "webhooks:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/webhooks/WebhooksPage"), "WebhooksPage"),
});

const webhookEndpointRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "webhooks/$endpointId",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "webhooks:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/webhooks/EndpointPage"), "EndpointPage"),
});

const newsletterSubscribersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "nyhetsbrev/$publicationId/prenumeranter",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "subscribers:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(
    () => import("./features/newsletter-subscribers/SubscribersPage"),
    "SubscribersPage",
  ),
});

const newslettersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "nyhetsbrev",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "newsletters:read"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/newsletters/PublicationsPage"), "PublicationsPage"),
});

const newsletterRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "nyhetsbrev/$publicationId",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "newsletters:read"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/newsletters/PublicationPage"), "PublicationPage"),
});

const newsletterIssueRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "nyhetsbrev/$publicationId/utskick/$issueId",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "newsletters:read"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/newsletters/IssuePage"), "IssuePage"),
});

const progressionParticipantsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "deltagare",
  beforeLoad: ({ context, params }) =>
    requireAnyPermission(context.queryClient, params.orgId, ["progression:record", "progression:manage"]),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/ParticipantsPage"), "ParticipantsPage"),
});

const progressionParticipantRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "deltagare/$participantId",
  beforeLoad: ({ context, params }) =>
    requireAnyPermission(context.queryClient, params.orgId, ["progression:record", "progression:manage"]),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/ParticipantPage"), "ParticipantPage"),
});

const progressionReportsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "progression",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "progression:aggregates"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/ReportsPage"), "ReportsPage"),
});

const progressionAccessLogRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "progression/atkomstlogg",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "progression:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/AccessLogPage"), "AccessLogPage"),
});

const progressionSettingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "progression/installningar",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "progression:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/SettingsPage"), "SettingsPage"),
});

const instrumentsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "instrument",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "instruments:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/InstrumentsPage"), "InstrumentsPage"),
});

const instrumentRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "instrument/$instrumentId",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "instruments:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/InstrumentPage"), "InstrumentPage"),
});

const instrumentVersionRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "instrument/$instrumentId/versioner/$versionId",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "instruments:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/progression/VersionPage"), "VersionPage"),
});

/** The needs analysis reads public national figures: every signed-in role of a förbund and NNS may open it. */
const statisticsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "behovsanalys",
  validateSearch: statisticsSearch,
  component: lazyRouteComponent(() => import("./features/statistics/StatisticsPage"), "StatisticsPage"),
});

const statisticsMunicipalityRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "behovsanalys/kommun/$code",
  validateSearch: statisticsSearch,
  component: lazyRouteComponent(() => import("./features/statistics/MunicipalityPage"), "MunicipalityPage"),
});

const sellerSettingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "billing/seller-settings",
  beforeLoad: ({ context, params }) => requirePermission(context.queryClient, params.orgId, "billing:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/billing/SellerSettingsPage"), "SellerSettingsPage"),
});

const invoicingDetailsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "billing/invoicing-details",
  beforeLoad: ({ context, params }) => requirePermission(context.queryClient, params.orgId, "invoices:read"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(
    () => import("./features/billing/InvoicingDetailsPage"),
    "InvoicingDetailsPage",
  ),
});

const invoicesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "invoices",
  validateSearch: invoiceSearch,
  beforeLoad: ({ context, params }) => requirePermission(context.queryClient, params.orgId, "invoices:read"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/invoices/InvoicesPage"), "InvoicesPage"),
});

const invoiceAgingRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "invoices/aging",
  beforeLoad: ({ context, params }) => requirePermission(context.queryClient, params.orgId, "billing:manage"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/invoices/AgingPage"), "AgingPage"),
});

const invoiceRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "invoices/$invoiceId",
  beforeLoad: ({ context, params }) => requirePermission(context.queryClient, params.orgId, "invoices:read"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/invoices/InvoicePage"), "InvoicePage"),
});

const auditLogRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "audit-log",
  component: lazyRouteComponent(() => import("./features/audit-log/AuditLogPage"), "AuditLogPage"),
});

const outboxRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "outbox",
  component: lazyRouteComponent(() => import("./features/outbox/OutboxPage"), "OutboxPage"),
});

const statisticsImportsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "statistics-imports",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "statistics:import"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(
    () => import("./features/statistics-imports/StatisticsImportsPage"),
    "StatisticsImportsPage",
  ),
});

const trainingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "trainings",
  component: lazyRouteComponent(() => import("./features/trainings/TrainingsPage"), "TrainingsPage"),
});

const eventSeriesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "trainings/series",
  component: lazyRouteComponent(() => import("./features/trainings/EventSeriesPage"), "EventSeriesPage"),
});

const trainingCalendarRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "trainings/calendar",
  component: lazyRouteComponent(
    () => import("./features/trainings/TrainingCalendarPage"),
    "TrainingCalendarPage",
  ),
});

const trainingDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "trainings/$trainingId",
  component: lazyRouteComponent(
    () => import("./features/trainings/TrainingDetailPage"),
    "TrainingDetailPage",
  ),
});

const attendanceRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "trainings/$trainingId/sessions/$sessionId/attendance",
  component: lazyRouteComponent(() => import("./features/trainings/AttendancePage"), "AttendancePage"),
});

const trainingRequestsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "training-requests",
  component: lazyRouteComponent(() => import("./features/trainings/RequestsPage"), "RequestsPage"),
});

const newTrainingRequestRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "training-requests/new",
  beforeLoad: ({ context, params }) => requirePermission(context.queryClient, params.orgId, "trainings:book"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(() => import("./features/trainings/NewRequestPage"), "NewRequestPage"),
});

const mySessionsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "my-sessions",
  component: lazyRouteComponent(() => import("./features/trainings/MySessionsPage"), "MySessionsPage"),
});

const interventionsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions",
  component: lazyRouteComponent(() => import("./features/catalog/InterventionsPage"), "InterventionsPage"),
});

const newInterventionRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions/new",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "interventions:write"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(
    () => import("./features/catalog/InterventionFormPage"),
    "NewInterventionPage",
  ),
});

const importInterventionsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions/import",
  component: lazyRouteComponent(() => import("./features/catalog/ImportPage"), "ImportPage"),
});

const interventionRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions/$interventionId",
  component: lazyRouteComponent(() => import("./features/catalog/InterventionPage"), "InterventionPage"),
});

const editInterventionRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions/$interventionId/edit",
  beforeLoad: ({ context, params }) =>
    requirePermission(context.queryClient, params.orgId, "interventions:write"),
  notFoundComponent: accessDenied,
  component: lazyRouteComponent(
    () => import("./features/catalog/InterventionFormPage"),
    "EditInterventionPage",
  ),
});

const interventionResultsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions/$interventionId/results",
  component: lazyRouteComponent(() => import("./features/catalog/ResultsPage"), "ResultsPage"),
});

const interventionVersionsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "interventions/$interventionId/versions",
  component: lazyRouteComponent(() => import("./features/catalog/VersionsPage"), "VersionsPage"),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
  component: lazyRouteComponent(() => import("./features/account/AccountPage"), "AccountPage"),
});

const nnsOrganizationsRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "organizations",
  component: lazyRouteComponent(
    () => import("./features/organizations/OrganizationsPage"),
    "OrganizationsPage",
  ),
});

const nnsNewOrganizationRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "organizations/new",
  component: lazyRouteComponent(
    () => import("./features/organizations/OrganizationFormPage"),
    "NewOrganizationPage",
  ),
});

const nnsEditOrganizationRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "organizations/$id",
  component: lazyRouteComponent(
    () => import("./features/organizations/OrganizationFormPage"),
    "EditOrganizationPage",
  ),
});

const nnsTrainersRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "trainers",
  component: lazyRouteComponent(() => import("./features/trainings/TrainersPage"), "TrainersPage"),
});

const nnsPriceListRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "price-list",
  component: lazyRouteComponent(() => import("./features/trainings/PriceListPage"), "PriceListPage"),
});

const nnsCatalogQueueRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "catalog/queue",
  component: lazyRouteComponent(() => import("./features/catalog/QueuePage"), "QueuePage"),
});

const nnsCatalogReviewRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "catalog/queue/$forbundId/$interventionId",
  component: lazyRouteComponent(() => import("./features/catalog/ReviewPage"), "ReviewPage"),
});

const nnsSearchSynonymsRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "catalog/search-synonyms",
  component: lazyRouteComponent(
    () => import("./features/search-synonyms/SearchSynonymsPage"),
    "SearchSynonymsPage",
  ),
});

const nnsVocabulariesRoute = createRoute({
  getParentRoute: () => nnsRoute,
  path: "vocabularies",
  component: lazyRouteComponent(() => import("./features/vocabularies/VocabulariesPage"), "VocabulariesPage"),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  appRoute.addChildren([
    homeRoute,
    orgRoute.addChildren([
      dashboardRoute,
      membersRoute,
      apiKeysRoute,
      webhooksRoute,
      webhookEndpointRoute,
      newsletterSubscribersRoute,
      newslettersRoute,
      newsletterRoute,
      newsletterIssueRoute,
      progressionParticipantsRoute,
      progressionParticipantRoute,
      progressionReportsRoute,
      progressionAccessLogRoute,
      progressionSettingsRoute,
      instrumentsRoute,
      instrumentRoute,
      instrumentVersionRoute,
      statisticsRoute,
      statisticsMunicipalityRoute,
      sellerSettingsRoute,
      invoicingDetailsRoute,
      invoicesRoute,
      invoiceAgingRoute,
      invoiceRoute,
      auditLogRoute,
      outboxRoute,
      statisticsImportsRoute,
      trainingsRoute,
      eventSeriesRoute,
      trainingCalendarRoute,
      trainingDetailRoute,
      attendanceRoute,
      trainingRequestsRoute,
      newTrainingRequestRoute,
      mySessionsRoute,
      interventionsRoute,
      newInterventionRoute,
      importInterventionsRoute,
      interventionRoute,
      editInterventionRoute,
      interventionResultsRoute,
      interventionVersionsRoute,
    ]),
    accountRoute,
    nnsRoute.addChildren([
      nnsOrganizationsRoute,
      nnsNewOrganizationRoute,
      nnsEditOrganizationRoute,
      nnsTrainersRoute,
      nnsPriceListRoute,
      nnsCatalogQueueRoute,
      nnsCatalogReviewRoute,
      nnsSearchSynonymsRoute,
      nnsVocabulariesRoute,
    ]),
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
  /** Carried in the history entry after a write, so the next page can say what happened. */
  interface HistoryState {
    interventionSaved?: boolean;
    /** What NNS's reviewer just did, said on the queue it returns to. */
    catalogReviewed?: string;
    trainingRequestSubmitted?: boolean;
    organizationCreated?: string;
    webhookEndpointRemoved?: string;
    invoiceDraftDiscarded?: string;
    newsletterLeft?: string;
    participantCreated?: string;
    participantErased?: string;
  }
}
