import { sampleContent } from "@nns/services/testing";
import { describe, expect, it } from "vitest";
import {
  act,
  createIntervention,
  INTERVENTION,
  INTERVENTIONS,
  inOrg,
  intervention,
} from "./catalog-fixtures.js";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();
const PROJECT = "/orgs/{orgId}/interventions/{interventionId}/project";
const RESULTS = "/orgs/{orgId}/interventions/{interventionId}/results";

const AF_GAVLE = {
  kind: "af",
  name: "Arbetsförmedlingen i Gävle",
  municipalityCode: "2180",
  countyCode: null,
} as const;

describe("national projects and their delprojekt", () => {
  it("NNS publishes a project whose delprojekt is run by AF in Gävle; the project adds up, the page names both", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const nnsId = env.nns.id;
    const project = await createIntervention(nns, nnsId, { title: "Hälsofrämjande etablering" });
    const part = await createIntervention(
      nns,
      nnsId,
      { title: "Delprojekt Gävle", municipalityCodes: ["2180"], runningBody: AF_GAVLE },
      project.id,
    );
    expect(part).toMatchObject({
      organizationId: nnsId,
      parentId: project.id,
      content: { runningBody: AF_GAVLE },
    });
    for (const id of [project.id, part.id]) {
      expectData(await act(nns, nnsId, id, "submit"));
      expectData(await act(nns, nnsId, id, "publish"));
    }
    expectData(
      await nns.PUT(RESULTS, {
        ...intervention(nnsId, part.id),
        body: {
          periodStart: "2019-01-01",
          periodEnd: "2020-12-31",
          participantsWomen: 14,
          participantsMen: 12,
          participantsOther: 0,
          outcomes: { job_seeking_studies_work: 13 },
          averageEnrolmentMonths: null,
          costOre: null,
          budgetOre: null,
        },
      }),
    );

    const view = expectData(await nns.GET(PROJECT, intervention(nnsId, project.id)));
    expect(view.parts).toEqual([
      expect.objectContaining({
        id: part.id,
        runningBody: { ...AF_GAVLE, placeName: "Gävle" },
        places: ["Gävle"],
        participants: 26,
      }),
    ]);
    expect(view.totals).toMatchObject({ participantsTotal: 26, positiveSharePercent: 50, reportingParts: 1 });

    const page = String((await new Client(env).raw("GET", `/katalog/${project.id}`)).body);
    expect(page).toContain("<dt>Samordnas nationellt av</dt><dd>NNS</dd>");
    expect(page).toContain(`<a href="/katalog/${part.id}">Delprojekt Gävle</a>`);
    expect(page).toContain("Drivs av Arbetsförmedlingen i Gävle, Gävle · 26 deltagare");
    expect(page).toContain("Sammanlagt 26 deltagare i 1 av 1 delprojekt: 14 kvinnor, 12 män.");
    const partPage = String((await new Client(env).raw("GET", `/katalog/${part.id}`)).body);
    expect(partPage).toContain("<dt>Drivs av</dt><dd>Arbetsförmedlingen i Gävle</dd>");
    expect(partPage).toContain(`Delprojekt i <a href="/katalog/${project.id}">Hälsofrämjande etablering</a>`);
  });

  it("refuses a running body whose kommun code does not exist, or whose länskod is not SCB's, naming the field", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const unknownKommun = await nns.POST(INTERVENTIONS, {
      ...inOrg(env.nns.id),
      body: {
        content: sampleContent({ runningBody: { ...AF_GAVLE, kind: "kommun", municipalityCode: "0999" } }),
      },
    });
    expect(expectProblem(unknownKommun, 400, "validation_failed").errors).toEqual([
      expect.objectContaining({
        field: "body.content.runningBody.municipalityCode",
        rule: "known_municipality",
      }),
    ]);
    const unknownCounty = await nns.POST(INTERVENTIONS, {
      ...inOrg(env.nns.id),
      body: {
        content: sampleContent({
          runningBody: { kind: "region", name: "Region X", municipalityCode: null, countyCode: "99" },
        }),
      },
    });
    expect(expectProblem(unknownCounty, 400, "validation_failed").errors).toEqual([
      expect.objectContaining({ field: "body.content.runningBody.countyCode", rule: "known_county" }),
    ]);
  });

  it("a förbund neither reads NNS's project nor edits its entry: 404, as for any other tenant's", async () => {
    const nns = await signIn(env, env.users.nnsAdmin.email);
    const entry = await createIntervention(nns, env.nns.id, { title: "Nationellt utkast" });
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    expectProblem(await admin.GET(PROJECT, intervention(env.nns.id, entry.id)), 404, "not_found");
    expectProblem(await admin.GET(PROJECT, intervention(t.org.id, entry.id)), 404, "not_found");
    expectProblem(
      await admin.PUT(INTERVENTION, {
        ...intervention(t.org.id, entry.id),
        body: { content: sampleContent() },
      }),
      404,
      "not_found",
    );
  });
});
