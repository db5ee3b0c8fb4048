import { describe, expect, it } from "vitest";
import { SELLER } from "./billing-fixtures.js";
import { expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";
import { inOrg, inTraining, requestedTraining } from "./training-fixtures.js";

const env = useTestApp();

const SELLER_PATH = "/orgs/{orgId}/billing/seller-settings";
const DETAILS_PATH = "/orgs/{orgId}/billing/invoicing-details";
const ADDRESS = { street: "Storgatan 1", postalCode: "302 31", city: "Halmstad" };

describe("NNS's seller settings", () => {
  it("names each broken rule, keeps the digits, and guards against lost updates with If-Match", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    expectProblem(await nns.GET(SELLER_PATH, inOrg(env.nns.id)), 404, "not_found");
    const broken = expectProblem(
      await nns.PUT(SELLER_PATH, {
        ...inOrg(env.nns.id),
        body: { ...SELLER, organizationNumber: "802481-1659", bankgiro: null, plusgiro: null },
      }),
      400,
      "validation_failed",
    );
    expect(broken.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["body.organizationNumber", "organization_number"],
      ["body.bankgiro", "giro_required"],
    ]);
    const wrongVat = expectProblem(
      await nns.PUT(SELLER_PATH, {
        ...inOrg(env.nns.id),
        body: { ...SELLER, vatNumber: "SE222000103201", bankgiro: "5050-1056" },
      }),
      400,
      "validation_failed",
    );
    expect(wrongVat.errors?.map((e) => e.rule)).toEqual(["vat_number_of_organization", "bankgiro"]);
    expect(wrongVat.errors?.[0]?.message).toContain("SE802481165801");
    const created = await nns.PUT(SELLER_PATH, {
      params: { path: { orgId: env.nns.id }, header: { "if-match": '"0"' } },
      body: { ...SELLER, plusgiro: "445267-8" },
    });
    expect(expectData(created)).toMatchObject({
      organizationNumber: "8024811658",
      bankgiro: "50501055",
      plusgiro: "4452678",
      paymentTermsDays: 30,
      address: { postalCode: "111 22", countryCode: "SE" },
      version: 1,
    });
    expect(created.response.headers.get("etag")).toBe('"1"');
    const stale = await nns.PUT(SELLER_PATH, {
      params: { path: { orgId: env.nns.id }, header: { "if-match": '"0"' } },
      body: SELLER,
    });
    expectProblem(stale, 412, "precondition_failed");
  });

  it("is NNS's alone: a förbund administrator lacks billing:manage, an NNS admin in a förbund too", async () => {
    const t = await freshTenant(env);
    expectProblem(await (await t.signIn("admin")).GET(SELLER_PATH, inOrg(t.org.id)), 403, "forbidden");
    const nns = await signIn(env, env.users.nnsAdmin.email);
    expectProblem(await nns.GET(SELLER_PATH, inOrg(t.org.id)), 403, "forbidden");
  });
});

describe("a förbund's invoicing details", () => {
  it("default to the organization's name and number, with Peppol id 0007 and that number", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    expectProblem(await admin.GET(DETAILS_PATH, inOrg(t.org.id)), 404, "not_found");
    const saved = expectData(
      await admin.PUT(DETAILS_PATH, { ...inOrg(t.org.id), body: { address: ADDRESS } }),
    );
    const digits = t.org.organizationNumber.replace("-", "");
    expect(saved).toMatchObject({
      legalName: t.org.name,
      organizationNumber: digits,
      vatNumber: null,
      peppolId: { scheme: "0007", value: digits },
      defaultReference: null,
    });
    // NNS reads them (it invoices the förbund); a viewer of the förbund does not.
    const nns = await signIn(env, env.users.nnsAdmin.email);
    expect(expectData(await nns.GET(DETAILS_PATH, inOrg(t.org.id))).version).toBe(1);
    expectProblem(await (await t.signIn("viewer")).GET(DETAILS_PATH, inOrg(t.org.id)), 403, "forbidden");
    const wrong = expectProblem(
      await admin.PUT(DETAILS_PATH, {
        ...inOrg(t.org.id),
        body: {
          address: ADDRESS,
          vatNumber: "SE802481165801",
          peppolId: { scheme: "0007", value: "1234567890" },
        },
      }),
      400,
      "validation_failed",
    );
    expect(wrong.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["body.vatNumber", "vat_number_of_organization"],
      ["body.peppolId.value", "organization_number"],
    ]);
    expectProblem(await nns.GET(DETAILS_PATH, inOrg(env.nns.id)), 404, "not_found");
  });

  it("a referens per training, only from a förbund taking part", async () => {
    const f = await requestedTraining(env);
    const outsider = await freshTenant(env);
    const put = (client: Awaited<ReturnType<typeof signIn>>, orgId: string) =>
      client.PUT("/orgs/{orgId}/trainings/{trainingId}/invoice-reference", {
        ...inTraining(orgId, f.trainingId),
        body: { reference: "Projekt 4711" },
      });
    expect(expectData(await put(await f.a.signIn("admin"), f.a.org.id))).toMatchObject({
      trainingId: f.trainingId,
      reference: "Projekt 4711",
    });
    expectProblem(await put(await outsider.signIn("admin"), outsider.org.id), 404, "not_found");
    expectProblem(await put(f.nns, env.nns.id), 403, "forbidden");
  });
});
