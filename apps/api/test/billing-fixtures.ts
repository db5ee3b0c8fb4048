import { expect } from "vitest";
import { type Client, expectData } from "./client.js";
import type { Tenant, TestEnv } from "./helpers.js";
import { inOrg, plannedTraining, transition } from "./training-fixtures.js";

/** NNS's seller settings: organisationsnummer 802481-1658, bankgiro 5050-1055. */
export const SELLER = {
  legalName: "Nationella nätverket för samordningsförbund",
  organizationNumber: "802481-1658",
  vatNumber: "SE802481165801",
  fSkatt: true,
  address: { street: "Box 1234", postalCode: "111 22", city: "Stockholm" },
  invoiceEmail: "faktura@nns.test.se",
  bankgiro: "5050-1055",
  lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
};

export async function setSellerSettings(env: TestEnv, nns: Client): Promise<void> {
  const res = await nns.PUT("/orgs/{orgId}/billing/seller-settings", { ...inOrg(env.nns.id), body: SELLER });
  expect([200]).toContain(res.response.status);
}

/** A förbund's invoicing details with its own organisationsnummer and, unless told, a default referens. */
export async function setInvoicingDetails(
  tenant: Tenant,
  over: { defaultReference?: string | null } = {},
): Promise<void> {
  const admin = await tenant.signIn("admin");
  expectData(
    await admin.PUT("/orgs/{orgId}/billing/invoicing-details", {
      ...inOrg(tenant.org.id),
      body: {
        address: { street: "Storgatan 1", postalCode: "30231", city: "Halmstad" },
        invoiceEmail: `faktura.${tenant.org.slug}@test.se`,
        defaultReference: over.defaultReference === undefined ? "Anna Lindqvist" : over.defaultReference,
      },
    }),
  );
}

/** Seed 003: NNS's training for `a` and `b`, split equally, confirmed (50 000 kr + 25 % moms). */
export async function confirmedTraining(env: TestEnv) {
  const f = await plannedTraining(env);
  expectData(await transition(f.nns, env.nns.id, f.trainingId, "confirm"));
  return f;
}

export const draftsOf = (env: TestEnv, nns: Client, trainingId: string) =>
  nns.POST("/orgs/{orgId}/trainings/{trainingId}/invoice-drafts", {
    params: { path: { orgId: env.nns.id, trainingId } },
  });

export const issue = (env: TestEnv, nns: Client, invoiceId: string) =>
  nns.POST("/orgs/{orgId}/invoices/{invoiceId}/issue", {
    params: { path: { orgId: env.nns.id, invoiceId } },
  });

/** The stored e-invoice, read as operations would. */
export async function storedUbl(env: TestEnv, invoiceId: string): Promise<string> {
  const rows = await env.t.db.ownerSql("select ubl from invoices where id = $1", [invoiceId]);
  return String(rows[0]?.ubl);
}
