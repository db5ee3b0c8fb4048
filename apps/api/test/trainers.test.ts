import { describe, expect, it } from "vitest";
import { expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";
import { DAY, registeredTrainer } from "./training-fixtures.js";

const env = useTestApp();

const CERTIFICATIONS = "/nns/trainers/{trainerId}/certifications";

describe("trainer registry", () => {
  it("records certifications with their status and lists those about to expire", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const { id: trainerId } = await registeredTrainer(env, nns);
    const soon = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const res = await nns.POST(CERTIFICATIONS, {
      params: { path: { trainerId } },
      body: { issuer: "Væksthuset", certifiedOn: "2024-05-01", validUntil: soon },
    });
    expect(expectData(res, 201).certificationStatus).toBe("expiring");
    const expiring = expectData(await nns.GET("/nns/certifications/expiring"));
    expect(expiring.data).toEqual([
      expect.objectContaining({ trainerId, certification: expect.objectContaining({ validUntil: soon }) }),
    ]);
    const renewed = await nns.POST(CERTIFICATIONS, {
      params: { path: { trainerId } },
      body: {
        issuer: "Væksthuset",
        certifiedOn: "2025-01-01",
        validUntil: "2030-12-31",
        evidence: "Intyg nr 2025-17",
      },
    });
    expect(expectData(renewed, 201).certificationStatus).toBe("valid");
  });

  it("refuses a certification that ends before it starts, naming the field", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const { id: trainerId } = await registeredTrainer(env, nns);
    const res = await nns.POST(CERTIFICATIONS, {
      params: { path: { trainerId } },
      body: { issuer: "Væksthuset", certifiedOn: "2026-01-01", validUntil: "2025-01-01" },
    });
    expect(expectProblem(res, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.validUntil",
      rule: "after_certified_on",
    });
  });

  it("is NNS's: a förbund admin gets 403", async () => {
    const t = await freshTenant(env);
    expectProblem(await (await t.signIn("admin")).GET("/nns/trainers"), 403, "forbidden");
  });

  it("seeds the price list and the four-step template from seed 003", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const prices = expectData(await nns.GET("/nns/price-list"));
    const byCode = (code: string) => prices.data.find((item) => item.code === code);
    expect(byCode("bip_skapa_training")).toMatchObject({
      unitPriceOre: 5_000_000,
      maxParticipants: 25,
    });
    // Each seat above the step-4 cap of 25 (migration 0023) costs 2 000 kr.
    expect(byCode("bip_skapa_extra_participant")).toMatchObject({
      unitPriceOre: 200_000,
      maxParticipants: null,
    });
    const template = expectData(await nns.GET("/nns/training-template"));
    expect(template.steps.map((s) => s.durationMinutes)).toEqual([150, 180, 150, 420]);
    expect(template.steps[3]?.capacity).toBe(25);
  });
});
