import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { billingFixture } from "./billing-fixtures.js";
import { axe, type Harness, openPage, screenshot, signIn, startHarness } from "./harness.js";

let h: Harness;
let halland: string;
let nns: string;
let hoglandet: string;
let bip: string;
let inspiration: string;
let kickoff: string;
let resam: string;
let vastmanland: string;
let returned: string;
let invoiceIssued: string;
let invoiceDraft: string;

beforeAll(async () => {
  h = await startHarness();
  const rows = await h.t.db.ownerSql("select id, slug from organizations");
  halland = String(rows.find((r) => r.slug === "halland")?.id);
  nns = String(rows.find((r) => r.slug === "nns")?.id);
  hoglandet = String(rows.find((r) => r.slug === "hoglandet")?.id);
  // The demo's trainings: NNS's shared BIP/SKAPA for Halland and Höglandet, and Höglandet's own day.
  const trainings = await h.t.db.ownerSql("select id, kind from trainings");
  bip = String(trainings.find((r) => r.kind === "bip_skapa")?.id);
  inspiration = String(trainings.find((r) => r.kind === "event")?.id);
  const sessions = await h.t.db.ownerSql("select id, step_key from training_sessions");
  kickoff = String(sessions.find((r) => r.step_key === "kickoff")?.id);
  vastmanland = String(rows.find((r) => r.slug === "norra-vastmanland")?.id);
  const interventions = await h.t.db.ownerSql(
    "select id, state, content->>'title' as title from interventions",
  );
  resam = String(interventions.find((r) => String(r.title).startsWith("RESAM"))?.id);
  returned = String(interventions.find((r) => r.state === "returned")?.id);
  // The demo's billing for the shared training: Halland's invoice issued, Höglandet's still a draft.
  const billing = await billingFixture(h);
  invoiceIssued = billing.hallandInvoice.id;
  invoiceDraft = billing.hoglandetDraft;
});
afterAll(async () => h?.close());

const publicPages = [
  { name: "login", path: "/login", heading: "Logga in" },
  { name: "reset-password", path: "/reset-password", heading: "Återställ lösenord" },
  {
    name: "accept-invitation-invalid",
    path: "/accept-invitation#token=ogiltig",
    heading: "Acceptera inbjudan",
  },
  {
    name: "accessibility-statement",
    path: "/tillganglighet",
    heading: "Tillgänglighetsredogörelse för NNS-plattformen",
  },
];

const signedInPages = () => [
  { name: "dashboard", path: `/o/${halland}`, as: "admin.halland@demo.nns.se" },
  { name: "members", path: `/o/${halland}/members`, as: "admin.halland@demo.nns.se" },
  { name: "api-keys", path: `/o/${halland}/api-keys`, as: "admin.halland@demo.nns.se" },
  { name: "webhooks", path: `/o/${halland}/webhooks`, as: "admin.halland@demo.nns.se" },
  { name: "audit-log", path: `/o/${halland}/audit-log`, as: "admin.halland@demo.nns.se" },
  { name: "outbox", path: `/o/${halland}/outbox`, as: "admin.halland@demo.nns.se" },
  {
    name: "billing-invoicing-details",
    path: `/o/${halland}/billing/invoicing-details`,
    as: "admin.halland@demo.nns.se",
  },
  { name: "invoices", path: `/o/${halland}/invoices`, as: "admin.halland@demo.nns.se" },
  { name: "invoice-buyer", path: `/o/${halland}/invoices/${invoiceIssued}`, as: "admin.halland@demo.nns.se" },
  { name: "account", path: "/account", as: "admin.halland@demo.nns.se" },
  { name: "organizations", path: "/nns/organizations", as: "nns.admin@demo.nns.se" },
  { name: "organization-new", path: "/nns/organizations/new", as: "nns.admin@demo.nns.se" },
  { name: "organization-edit", path: `/nns/organizations/${halland}`, as: "nns.admin@demo.nns.se" },
  { name: "nns-dashboard", path: `/o/${nns}`, as: "nns.admin@demo.nns.se" },
  { name: "billing-seller-settings", path: `/o/${nns}/billing/seller-settings`, as: "nns.admin@demo.nns.se" },
  { name: "nns-invoices", path: `/o/${nns}/invoices`, as: "nns.admin@demo.nns.se" },
  { name: "nns-invoices-aging", path: `/o/${nns}/invoices/aging`, as: "nns.admin@demo.nns.se" },
  { name: "nns-invoice-issued", path: `/o/${nns}/invoices/${invoiceIssued}`, as: "nns.admin@demo.nns.se" },
  { name: "nns-invoice-draft", path: `/o/${nns}/invoices/${invoiceDraft}`, as: "nns.admin@demo.nns.se" },
  { name: "not-found", path: "/finns-inte", as: "admin.halland@demo.nns.se" },
  { name: "trainings", path: `/o/${halland}/trainings`, as: "admin.halland@demo.nns.se" },
  { name: "training-party", path: `/o/${halland}/trainings/${bip}`, as: "admin.halland@demo.nns.se" },
  { name: "training-calendar", path: `/o/${halland}/trainings/calendar`, as: "admin.halland@demo.nns.se" },
  { name: "training-requests", path: `/o/${halland}/training-requests`, as: "admin.halland@demo.nns.se" },
  {
    name: "training-request-new",
    path: `/o/${halland}/training-requests/new`,
    as: "admin.halland@demo.nns.se",
  },
  {
    name: "event-owner",
    path: `/o/${hoglandet}/trainings/${inspiration}`,
    as: "admin.hoglandet@demo.nns.se",
  },
  { name: "nns-trainings", path: `/o/${nns}/trainings`, as: "nns.admin@demo.nns.se" },
  { name: "nns-training-calendar", path: `/o/${nns}/trainings/calendar`, as: "nns.admin@demo.nns.se" },
  { name: "nns-training-owner", path: `/o/${nns}/trainings/${bip}`, as: "nns.admin@demo.nns.se" },
  { name: "nns-training-requests", path: `/o/${nns}/training-requests`, as: "nns.admin@demo.nns.se" },
  { name: "nns-trainers", path: "/nns/trainers", as: "nns.admin@demo.nns.se" },
  { name: "nns-price-list", path: "/nns/price-list", as: "nns.admin@demo.nns.se" },
  { name: "nns-vocabularies", path: "/nns/vocabularies", as: "nns.admin@demo.nns.se" },
  {
    name: "nns-attendance",
    path: `/o/${nns}/trainings/${bip}/sessions/${kickoff}/attendance`,
    as: "nns.admin@demo.nns.se",
  },
  { name: "interventions", path: `/o/${halland}/interventions`, as: "admin.halland@demo.nns.se" },
  { name: "intervention-new", path: `/o/${halland}/interventions/new`, as: "admin.halland@demo.nns.se" },
  {
    name: "intervention-import",
    path: `/o/${halland}/interventions/import`,
    as: "admin.halland@demo.nns.se",
  },
  {
    name: "intervention-returned",
    path: `/o/${halland}/interventions/${returned}`,
    as: "admin.halland@demo.nns.se",
  },
  {
    name: "intervention-edit",
    path: `/o/${halland}/interventions/${returned}/edit`,
    as: "admin.halland@demo.nns.se",
  },
  {
    name: "intervention-resam",
    path: `/o/${vastmanland}/interventions/${resam}`,
    as: "admin.vastmanland@demo.nns.se",
  },
  {
    name: "intervention-results",
    path: `/o/${vastmanland}/interventions/${resam}/results`,
    as: "admin.vastmanland@demo.nns.se",
  },
  {
    name: "intervention-versions",
    path: `/o/${vastmanland}/interventions/${resam}/versions`,
    as: "admin.vastmanland@demo.nns.se",
  },
  { name: "nns-catalog-queue", path: "/nns/catalog/queue", as: "nns.admin@demo.nns.se" },
  { name: "nns-search-synonyms", path: "/nns/catalog/search-synonyms", as: "nns.admin@demo.nns.se" },
  { name: "nns-forbund-interventions", path: `/o/${halland}/interventions`, as: "nns.admin@demo.nns.se" },
  { name: "my-sessions", path: `/o/${nns}/my-sessions`, as: "utbildare@demo.nns.se" },
  {
    name: "trainer-attendance",
    path: `/o/${nns}/trainings/${bip}/sessions/${kickoff}/attendance`,
    as: "utbildare@demo.nns.se",
  },
];

describe.each([1280, 390])("at %i px", (width) => {
  it.each(publicPages)(
    "$name has no axe violations and no console errors",
    async ({ name, path, heading }) => {
      const { page, problems } = await openPage(h, width);
      await page.goto(`${h.base}${path}`);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      await screenshot(page, `${name}-${width}`);
      expect(await axe(page)).toEqual([]);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    },
  );

  it("every signed-in page has no axe violations and no console errors", async () => {
    const failures: Record<string, unknown> = {};
    let signedInAs = "";
    let current = await openPage(h, width);
    for (const { name, path, as } of signedInPages()) {
      if (as !== signedInAs) {
        await current.page.context().close();
        current = await openPage(h, width);
        await signIn(current.page, h.base, as);
        signedInAs = as;
      }
      const { page, problems } = current;
      await page.goto(`${h.base}${path}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.waitForLoadState("networkidle");
      await screenshot(page, `${name}-${width}`);
      const violations = await axe(page);
      if (violations.length > 0) failures[name] = violations;
      if (problems.errors.length > 0) failures[`${name} console`] = [...problems.errors];
      problems.errors.length = 0;
    }
    await current.page.context().close();
    expect(failures).toEqual({});
    // A sweep over every signed-in page (some sixty) takes about a minute on two cores; a time limit per
    // page would be a speed test, which this is not.
  }, 240_000);
});
