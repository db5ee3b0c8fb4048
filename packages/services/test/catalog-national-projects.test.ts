import { AppError, type InterventionContent, type RunningBody } from "@nns/domain";
import { describe, expect, it } from "vitest";
import {
  acceptCoOwnership,
  applyWorkflowAction,
  catalogProject,
  createIntervention,
  getCatalogEntry,
  getIntervention,
  getInterventionProject,
  inviteCoOwner,
  listInterventions,
  type OrgContext,
  type ResultInput,
  recordResults,
  updateIntervention,
} from "../src/index.js";
import { sampleContent } from "../src/testing.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const TABLES = ["interventions", "intervention_versions", "catalog_entries"];

const AF_GAVLE: RunningBody = {
  kind: "af",
  name: "Arbetsförmedlingen i Gävle",
  municipalityCode: "2180",
  countyCode: null,
};
const VAXJO: RunningBody = {
  kind: "kommun",
  name: "Växjö kommun",
  municipalityCode: "0780",
  countyCode: null,
};

async function published(ctx: OrgContext, content: InterventionContent, parentId: string | null = null) {
  const created = await createIntervention(ctx, { parentId, content });
  await applyWorkflowAction(ctx, created.id, "submit", {}, null);
  return applyWorkflowAction(ctx, created.id, "publish", {}, null);
}

const results = (
  periodStart: string,
  periodEnd: string,
  women: number,
  men: number,
  outcomes: Record<string, number>,
): ResultInput => ({
  periodStart,
  periodEnd,
  participantsWomen: women,
  participantsMen: men,
  participantsOther: 0,
  outcomes,
  averageEnrolmentMonths: null,
  costOre: null,
  budgetOre: null,
});

describe("national projects", () => {
  it("NNS creates a national entry in its own organization, reviews and publishes it; the catalogue says it is coordinated nationally", async () => {
    const nns = await nnsTenant(env.deps);
    const created = await createIntervention(nns.admin, {
      content: sampleContent({ title: "Hälsofrämjande etablering" }),
    });
    expect(created.organizationId).toBe(nns.organization.id);
    await expectAudited(env.deps, {
      organizationId: nns.organization.id,
      action: "intervention.created",
      entityType: "intervention",
      entityId: created.id,
      actor: nns.admin,
      sameTransactionAs: { table: "interventions", where: { id: created.id } },
    });
    // NNS is the editorial team: its entries take the same submit and publish steps as everyone's.
    await expect(applyWorkflowAction(nns.admin, created.id, "publish", {}, null)).rejects.toMatchObject({
      code: "conflict",
    });
    await applyWorkflowAction(nns.admin, created.id, "submit", {}, null);
    const done = await applyWorkflowAction(nns.admin, created.id, "publish", {}, null);
    expect(done.state).toBe("published");
    const entry = await getCatalogEntry(env.deps, created.id);
    expect(entry.document.organization).toMatchObject({
      id: nns.organization.id,
      name: "Nationella nätverket för samordningsförbund",
      kind: "nns",
    });
    const [row] = await rowsOf(env.deps, {
      table: "catalog_entries",
      where: { intervention_id: created.id },
    });
    expect(row?.organization_id).toBe(nns.organization.id);
  });

  it("a delprojekt is run by a member party that is not a tenant, named with its place in the public entry", async () => {
    const nns = await nnsTenant(env.deps);
    const project = await published(nns.admin, sampleContent({ title: "Nationellt projekt" }));
    const part = await published(
      nns.admin,
      sampleContent({ title: "Delprojekt Gävle", municipalityCodes: ["2180"], runningBody: AF_GAVLE }),
      project.id,
    );
    expect(part.parentId).toBe(project.id);
    expect((await getIntervention(nns.admin, part.id)).content.runningBody).toEqual(AF_GAVLE);
    const entry = await getCatalogEntry(env.deps, part.id);
    expect(entry.document.runningBody).toEqual({ ...AF_GAVLE, placeName: "Gävle" });
    expect(entry.related.parent).toEqual({ id: project.id, title: "Nationellt projekt" });
    // The running body is data of the entry, not an organization (a tenant) of the platform.
    expect(await rowsOf(env.deps, { table: "organizations", where: { name: AF_GAVLE.name } })).toEqual([]);
  });

  it("a running body with a kommun code that does not exist, or without the code its kind needs, is refused naming the field", async () => {
    const nns = await nnsTenant(env.deps);
    const project = await createIntervention(nns.admin, { content: sampleContent() });
    const refused = async (runningBody: RunningBody) =>
      (
        await expectRefused(
          env.deps,
          () =>
            createIntervention(nns.admin, { parentId: project.id, content: sampleContent({ runningBody }) }),
          "validation_failed",
          TABLES,
        )
      ).errors;
    expect(await refused({ ...VAXJO, municipalityCode: "0999" })).toEqual([
      expect.objectContaining({
        field: "body.content.runningBody.municipalityCode",
        rule: "known_municipality",
      }),
    ]);
    expect(await refused({ ...VAXJO, municipalityCode: null })).toEqual([
      expect.objectContaining({ field: "body.content.runningBody.municipalityCode", rule: "required" }),
    ]);
    expect(
      await refused({ kind: "region", name: "Region Skåne", municipalityCode: "1280", countyCode: null }),
    ).toEqual([
      expect.objectContaining({ field: "body.content.runningBody.countyCode", rule: "required" }),
      expect.objectContaining({ field: "body.content.runningBody.municipalityCode", rule: "not_allowed" }),
    ]);
    // Editing checks the same rules.
    const error = await expectRefused(
      env.deps,
      () =>
        updateIntervention(
          nns.admin,
          project.id,
          { content: sampleContent({ runningBody: { ...VAXJO, municipalityCode: "0999" } }) },
          null,
        ),
      "validation_failed",
      TABLES,
    );
    expect(error.errors?.[0]?.field).toBe("body.content.runningBody.municipalityCode");
  });

  it("the project adds up its delprojekt: a delprojekt's separate periods are summed, cumulative ones count once", async () => {
    const nns = await nnsTenant(env.deps);
    const project = await published(nns.admin, sampleContent({ title: "Projekt med delprojekt" }));
    const gavle = await published(
      nns.admin,
      sampleContent({ title: "Delprojekt Gävle", municipalityCodes: ["2180"], runningBody: AF_GAVLE }),
      project.id,
    );
    const vaxjo = await published(
      nns.admin,
      sampleContent({ title: "Delprojekt Växjö", municipalityCodes: ["0780"], runningBody: VAXJO }),
      project.id,
    );
    // Gävle reports each year on its own: 2019 and 2020 add up.
    await recordResults(
      nns.admin,
      gavle.id,
      results("2019-01-01", "2019-12-31", 5, 5, { job_seeking_studies_work: 4 }),
    );
    await recordResults(
      nns.admin,
      gavle.id,
      results("2020-01-01", "2020-12-31", 3, 2, { job_seeking_studies_work: 1, dropped_out: 1 }),
    );
    // Växjö reports cumulatively: the later period already counts the earlier one.
    await recordResults(nns.admin, vaxjo.id, results("2019-01-01", "2019-12-31", 2, 2, { back_to_fk: 1 }));
    await recordResults(
      nns.admin,
      vaxjo.id,
      results("2019-01-01", "2020-12-31", 6, 4, { back_to_fk: 2, job_seeking_studies_work: 3 }),
    );
    // A draft delprojekt is in the admin's view, not the public one.
    await createIntervention(nns.admin, {
      parentId: project.id,
      content: sampleContent({
        title: "Delprojekt Malmö (utkast)",
        runningBody: { ...VAXJO, name: "Malmö stad", municipalityCode: "1280" },
      }),
    });

    const pub = await catalogProject(env.deps, project.id);
    expect(pub.parts.map((p) => [p.title, p.runningBody?.name, p.places, p.participants])).toEqual([
      ["Delprojekt Gävle", "Arbetsförmedlingen i Gävle", ["Gävle"], 15],
      ["Delprojekt Växjö", "Växjö kommun", ["Växjö"], 10],
    ]);
    expect(pub.totals).toMatchObject({
      participantsTotal: 25,
      participantsWomen: 14,
      participantsMen: 11,
      positiveCount: 8,
      positiveSharePercent: 32,
      reportingParts: 2,
    });
    expect(pub.totals?.outcomes.find((o) => o.code === "back_to_fk")).toMatchObject({
      label: "Tillbaka till Försäkringskassan",
      count: 2,
      sharePercent: 8,
    });

    const admin = await getInterventionProject(nns.admin, project.id);
    expect(admin.parts.map((p) => p.title)).toEqual([
      "Delprojekt Gävle",
      "Delprojekt Malmö (utkast)",
      "Delprojekt Växjö",
    ]);
    expect(admin.totals?.participantsTotal).toBe(25);
    expect(admin.totals?.reportingParts).toBe(2);
  });

  it("a förbund can neither read nor edit NNS's entry, nor hang a delprojekt on it, and nothing is written", async () => {
    const nns = await nnsTenant(env.deps);
    const forbund = await freshTenant(env.deps);
    const draft = await createIntervention(nns.admin, { content: sampleContent({ title: "NNS utkast" }) });
    await expectRefused(
      env.deps,
      () => updateIntervention(forbund.admin, draft.id, { content: sampleContent({ title: "Kapad" }) }, null),
      "not_found",
      TABLES,
    );
    await expectRefused(
      env.deps,
      () => applyWorkflowAction(forbund.admin, draft.id, "submit", {}, null),
      "not_found",
      TABLES,
    );
    await expectRefused(env.deps, () => getInterventionProject(forbund.admin, draft.id), "not_found");
    const error = await expectRefused(
      env.deps,
      () => createIntervention(forbund.admin, { parentId: draft.id, content: sampleContent() }),
      "validation_failed",
      TABLES,
    );
    expect(error.errors?.[0]).toMatchObject({ field: "body.parentId", rule: "reachable_intervention" });
    const listed = await listInterventions(forbund.admin, { limit: 100 });
    expect(listed.data.map((i) => i.id)).not.toContain(draft.id);
    // Nor does NNS reach into a förbund's entries by owning entries of its own.
    const own = await createIntervention(forbund.editor, { content: sampleContent() });
    await expect(getIntervention(nns.admin, own.id)).rejects.toBeInstanceOf(AppError);
  });

  it("a förbund NNS made co-owner adds its own delprojekt, which NNS's project view shows once published", async () => {
    const nns = await nnsTenant(env.deps);
    const forbund = await freshTenant(env.deps);
    const project = await published(nns.admin, sampleContent({ title: "Samägt projekt" }));
    await inviteCoOwner(nns.admin, project.id, forbund.organization.id);
    await acceptCoOwnership(forbund.admin, project.id);
    const part = await createIntervention(forbund.admin, {
      parentId: project.id,
      content: sampleContent({ title: "Förbundets delprojekt", runningBody: VAXJO }),
    });
    expect((await getInterventionProject(nns.admin, project.id)).parts).toEqual([]);
    await applyWorkflowAction(forbund.admin, part.id, "submit", {}, null);
    const editorial = await nns.coordinating(forbund.organization.id);
    await applyWorkflowAction(editorial, part.id, "publish", {}, null);
    const view = await getInterventionProject(nns.admin, project.id);
    expect(view.parts).toEqual([
      expect.objectContaining({
        id: part.id,
        organizationName: forbund.organization.name,
        runningBody: expect.objectContaining({ name: "Växjö kommun", placeName: "Växjö" }),
      }),
    ]);
  });
});
