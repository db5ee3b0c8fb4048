// Longer than 400 lines: instruments, their versions, imports, mappings and an insats's choice share one cast of förbund and one NNS, each scenario over HTTP.
import { describe, expect, it } from "vitest";
import { createIntervention } from "./catalog-fixtures.js";
import { type Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const INSTRUMENTS = "/orgs/{orgId}/progression/instruments";
const INSTRUMENT = "/orgs/{orgId}/progression/instruments/{instrumentId}";
const VERSIONS = "/orgs/{orgId}/progression/instruments/{instrumentId}/versions";
const VERSION = "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}";
const IMPORT = "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/import";
const PUBLISH = "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/publish";
const RETIRE = "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/retire";
const MAPPINGS = "/orgs/{orgId}/progression/instruments/{instrumentId}/versions/{versionId}/mappings";
const CHOICE = "/orgs/{orgId}/interventions/{interventionId}/progression-instruments";

const HEADER = "kod;grupp;etikett;fråga_deltagare;fråga_handledare;min;max;ankare;riktning";
const ANCHORS = "1=Stämmer inte alls|3=Delvis|5=Stämmer helt";
const SKAPA_CSV = [
  HEADER,
  `S1;Arbete;Söka arbete;Jag vet hur jag söker arbete.;Deltagaren vet hur hen söker arbete.;1;5;${ANCHORS};högre_bättre`,
  `S2;Hälsa;Oro;Jag känner oro inför att arbeta.;Deltagaren känner oro inför arbete.;1;5;${ANCHORS};lägre_bättre`,
  `H10;Arbete;Arbetsförmåga;;Deltagaren skulle klara ett arbete med stöd i dag.;1;5;${ANCHORS};högre_bättre`,
].join("\r\n");

const scale = {
  min: 1,
  max: 5,
  anchors: [
    { value: 1, label: "Inte alls" },
    { value: 5, label: "Helt" },
  ],
};
const item = (code: string, group = "Arbete") => ({
  code,
  group,
  label: `Fråga ${code}`,
  questions: { participant: `Hur är det med ${code}?`, coach: `Hur bedömer du ${code}?` },
  scale,
  direction: "higher_is_better" as const,
});

let serial = 0;
const key = (prefix: string) => `${prefix}-${++serial}`;

async function nnsAdmin(): Promise<Client> {
  return signIn(env, env.users.nnsAdmin.email);
}

async function createInstrument(client: Client, orgId: string, name = "Testinstrument") {
  return expectData(
    await client.POST(INSTRUMENTS, { params: { path: { orgId } }, body: { key: key("test"), name } }),
    201,
  );
}

async function addVersion(client: Client, orgId: string, instrumentId: string, codes: string[]) {
  return expectData(
    await client.POST(VERSIONS, {
      params: { path: { orgId, instrumentId } },
      body: { definition: { items: codes.map((code) => item(code)) } },
    }),
    201,
  );
}

async function publish(client: Client, orgId: string, instrumentId: string, versionId: string) {
  return expectData(await client.POST(PUBLISH, { params: { path: { orgId, instrumentId, versionId } } }));
}

/** An instrument with one published version of the given items, kept by `orgId`. */
async function publishedInstrument(client: Client, orgId: string, codes = ["A1", "A2"]) {
  const instrument = await createInstrument(client, orgId);
  const version = await addVersion(client, orgId, instrument.id, codes);
  await publish(client, orgId, instrument.id, version.id);
  return { instrument, version };
}

function importCsv(client: Client, orgId: string, instrumentId: string, csv: string, query = "") {
  return client.raw(
    "POST",
    `/v1/orgs/${orgId}/progression/instruments/${instrumentId}/versions/import${query}`,
    {
      rawBody: csv,
      headers: { "content-type": "text/csv; charset=utf-8" },
    },
  );
}

async function auditActions(orgId: string, entityId: string): Promise<string[]> {
  const rows = await env.t.db.ownerSql(
    "select action from audit_log where organization_id = $1 and entity_id = $2 order by created_at, id",
    [orgId, entityId],
  );
  return rows.map((r) => String(r.action));
}

describe("national instruments", () => {
  it("NNS imports SKAPA from a semicolon CSV with BOM, publishes it, and every förbund reads it but cannot change it", async () => {
    const nns = await nnsAdmin();
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const instrument = await createInstrument(nns, env.nns.id, "SKAPA");
    expect(instrument).toMatchObject({ national: true, isOwn: true, versions: [], placeholder: false });

    const imported = await importCsv(
      nns,
      env.nns.id,
      instrument.id,
      `\uFEFF${SKAPA_CSV}`,
      "?changeNote=Officiell%20text",
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const draft = imported.body as {
      id: string;
      status: string;
      number: number;
      itemCount: number;
      participantItemCount: number;
      coachItemCount: number;
      changeNote: string;
      definition: { items: { code: string; direction: string; questions: Record<string, string> }[] };
    };
    expect(draft).toMatchObject({
      status: "draft",
      number: 1,
      itemCount: 3,
      participantItemCount: 2,
      coachItemCount: 3,
      changeNote: "Officiell text",
    });
    expect(draft.definition.items.map((i) => [i.code, i.direction])).toEqual([
      ["S1", "higher_is_better"],
      ["S2", "lower_is_better"],
      ["H10", "higher_is_better"],
    ]);
    expect(draft.definition.items[2]?.questions).toEqual({
      coach: "Deltagaren skulle klara ett arbete med stöd i dag.",
    });

    // The draft is NNS's own until it is published.
    const path = { orgId: t.org.id, instrumentId: instrument.id, versionId: draft.id };
    const seenBefore = expectData(await admin.GET(INSTRUMENT, { params: { path } }));
    expect(seenBefore).toMatchObject({ national: true, isOwn: false, versions: [] });
    expectProblem(await admin.GET(VERSION, { params: { path } }), 404, "not_found");

    const published = await publish(nns, env.nns.id, instrument.id, draft.id);
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();
    const listed = expectData(await admin.GET(INSTRUMENTS, { params: { path: { orgId: t.org.id } } }));
    const seen = listed.data.find((i) => i.id === instrument.id);
    expect(seen?.versions.map((v) => [v.number, v.status])).toEqual([[1, "published"]]);
    expect(seen?.owner.id).toBe(env.nns.id);
    expect(expectData(await admin.GET(VERSION, { params: { path } })).definition.items).toHaveLength(3);

    // Only the keeper changes it.
    expectProblem(
      await admin.PATCH(INSTRUMENT, { params: { path }, body: { name: "Vårt SKAPA" } }),
      403,
      "forbidden",
    );
    expectProblem(
      await admin.POST(VERSIONS, { params: { path }, body: { definition: { items: [item("X1")] } } }),
      403,
      "forbidden",
    );
    expectProblem(await admin.POST(RETIRE, { params: { path } }), 403, "forbidden");
    expect(await auditActions(env.nns.id, draft.id)).toEqual([
      "progression.instrument_version_created",
      "progression.instrument_version_published",
    ]);
  });

  it("keeps a förbund's own instrument from every other förbund and from NNS", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const admin = await t.signIn("admin");
    const { instrument, version } = await publishedInstrument(admin, t.org.id);
    expect(instrument).toMatchObject({ national: false, isOwn: true, owner: { id: t.org.id } });
    const stranger = await other.signIn("admin");
    const path = { orgId: other.org.id, instrumentId: instrument.id, versionId: version.id };
    expectProblem(await stranger.GET(INSTRUMENT, { params: { path } }), 404, "not_found");
    expectProblem(await stranger.GET(VERSION, { params: { path } }), 404, "not_found");
    const listed = expectData(await stranger.GET(INSTRUMENTS, { params: { path: { orgId: other.org.id } } }));
    expect(listed.data.map((i) => i.id)).not.toContain(instrument.id);
    const nns = await nnsAdmin();
    const national = expectData(await nns.GET(INSTRUMENTS, { params: { path: { orgId: env.nns.id } } }));
    expect(national.data.map((i) => i.id)).not.toContain(instrument.id);
    // A viewer reads the förbund's own, but may not make one.
    const viewer = await t.signIn("viewer");
    const own = expectData(await viewer.GET(INSTRUMENTS, { params: { path: { orgId: t.org.id } } }));
    expect(own.data.map((i) => i.id)).toContain(instrument.id);
    expectProblem(
      await viewer.POST(INSTRUMENTS, {
        params: { path: { orgId: t.org.id } },
        body: { key: "eget", name: "Eget" },
      }),
      403,
      "forbidden",
    );
  });

  it("refuses a badly formed or taken key, and changes and archives with If-Match", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const orgId = t.org.id;
    const bad = await admin.POST(INSTRUMENTS, {
      params: { path: { orgId } },
      body: { key: "Med Mellanslag", name: "X" },
    });
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.key",
      rule: "key_format",
    });
    const created = await admin.POST(INSTRUMENTS, {
      params: { path: { orgId } },
      body: { key: "vardag", name: "Vardag" },
    });
    const instrument = expectData(created, 201);
    expect(created.response.headers.get("etag")).toBe('"1"');
    const taken = await admin.POST(INSTRUMENTS, {
      params: { path: { orgId } },
      body: { key: "vardag", name: "Annan" },
    });
    expect(expectProblem(taken, 409, "already_exists").errors?.[0]).toMatchObject({ rule: "key_taken" });
    const path = { orgId, instrumentId: instrument.id };
    const changed = expectData(
      await admin.PATCH(INSTRUMENT, {
        params: { path, header: { "if-match": '"1"' } },
        body: { description: "Förbundets egen.", placeholder: true },
      }),
    );
    expect(changed).toMatchObject({ description: "Förbundets egen.", placeholder: true, version: 2 });
    expectProblem(
      await admin.PATCH(INSTRUMENT, {
        params: { path, header: { "if-match": '"1"' } },
        body: { name: "Gammal" },
      }),
      412,
      "precondition_failed",
    );
    const archived = expectData(
      await admin.PATCH(INSTRUMENT, { params: { path }, body: { archived: true } }),
    );
    expect(archived.archivedAt).not.toBeNull();
    expectProblem(
      await admin.POST(VERSIONS, { params: { path }, body: { definition: { items: [item("A1")] } } }),
      409,
      "conflict",
    );
    expect(await auditActions(orgId, instrument.id)).toEqual([
      "progression.instrument_created",
      "progression.instrument_updated",
      "progression.instrument_updated",
    ]);
  });
});

describe("imports", () => {
  it("takes a comma CSV without BOM and JSON in both shapes", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const instrument = await createInstrument(admin, t.org.id);
    const comma = SKAPA_CSV.replaceAll(";", ",").replace("Söka arbete", '"Söka arbete, snart"');
    const fromComma = await importCsv(admin, t.org.id, instrument.id, comma);
    expect(fromComma.status, JSON.stringify(fromComma.body)).toBe(201);
    expect(
      (fromComma.body as { definition: { items: { label: string }[] } }).definition.items[0]?.label,
    ).toBe("Söka arbete, snart");
    const path = { orgId: t.org.id, instrumentId: instrument.id };
    const wrapped = await admin.POST(IMPORT, {
      params: { path, query: {} },
      body: { definition: { items: [item("J1")] }, changeNote: "Från JSON" },
    });
    expect(expectData(wrapped, 201)).toMatchObject({ number: 2, changeNote: "Från JSON", itemCount: 1 });
    const bare = await admin.POST(IMPORT, {
      params: { path, query: {} },
      body: { items: [item("J1"), item("J2")] },
    });
    expect(expectData(bare, 201)).toMatchObject({ number: 3, changeNote: null, itemCount: 2 });
  });

  it("names the row and the rule of every problem in a CSV, and stores nothing", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const instrument = await createInstrument(admin, t.org.id);
    const broken = [
      HEADER,
      `S1;Arbete;Söka arbete;Fråga?;;1;5;${ANCHORS};uppåt`,
      `S2;Arbete;Mål;Fråga?;;5;1;1=Låg|5=Hög;högre_bättre`,
      `S3;Arbete;Ork;;;1;fem;${ANCHORS};högre_bättre`,
    ].join("\n");
    const first = await importCsv(admin, t.org.id, instrument.id, broken);
    const problems = expectProblem(first, 400, "validation_failed").errors ?? [];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "rows[2].direction", rule: "direction" }),
        expect.objectContaining({ field: "rows[4].scale.max", rule: "integer" }),
      ]),
    );
    // Once the file can be read, the definition's own rules name their rows too.
    const readable = [
      HEADER,
      `S1;Arbete;Söka arbete;Fråga?;;1;5;${ANCHORS};högre_bättre`,
      "S2;Arbete;Mål;Fråga?;;5;1;1=Låg|5=Hög;högre_bättre",
      `S3;Arbete;Ork;;;1;5;${ANCHORS};högre_bättre`,
      `s1;Arbete;Igen;Fråga?;;1;5;1=Låg|3=Mitt;högre_bättre`,
    ].join("\n");
    const second = expectProblem(
      await importCsv(admin, t.org.id, instrument.id, readable),
      400,
      "validation_failed",
    );
    expect(second.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "rows[3].scale.max", rule: "scale_order" }),
        expect.objectContaining({ field: "rows[4].questions", rule: "question_required" }),
        expect.objectContaining({ field: "rows[5].code", rule: "code_unique" }),
        expect.objectContaining({ field: "rows[5].scale.anchors", rule: "anchor_ends" }),
      ]),
    );
    const header = expectProblem(
      await importCsv(admin, t.org.id, instrument.id, "kod;grupp;etikett;färg\nS1;A;B;röd"),
      400,
      "validation_failed",
    );
    expect(header.errors?.map((e) => e.rule)).toEqual(["known_columns", "required_columns"]);
    expectProblem(
      await importCsv(admin, t.org.id, instrument.id, `${HEADER}\n"S1;Arbete`),
      400,
      "validation_failed",
    );
    const anchors = expectProblem(
      await importCsv(
        admin,
        t.org.id,
        instrument.id,
        `${HEADER}\nS1;A;B;Fråga?;;1;5;1 Låg|5=Hög;högre_bättre`,
      ),
      400,
      "validation_failed",
    );
    expect(anchors.errors?.[0]).toMatchObject({ field: "rows[2].scale.anchors", rule: "anchor_format" });
    const json = await admin.POST(IMPORT, {
      params: { path: { orgId: t.org.id, instrumentId: instrument.id }, query: {} },
      body: {
        items: [
          item("J1"),
          {
            ...item("j1"),
            scale: {
              ...scale,
              anchors: [
                { value: 1, label: "Låg" },
                { value: 9, label: "Hög" },
              ],
            },
          },
        ],
      },
    });
    expect(expectProblem(json, 400, "validation_failed").errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "body.items.1.code", rule: "code_unique" }),
        expect.objectContaining({ field: "body.items.1.scale.anchors.1.value", rule: "anchor_in_scale" }),
      ]),
    );
    // Every förbund reads an instrument and participants answer it: no personnummer in its texts.
    const identifying = await admin.POST(IMPORT, {
      params: { path: { orgId: t.org.id, instrumentId: instrument.id }, query: {} },
      body: { items: [{ ...item("J1"), label: "Anna 19850312-1234" }] },
    });
    expect(expectProblem(identifying, 400, "validation_failed").errors).toEqual([
      expect.objectContaining({ field: "body.items.0.label", rule: "personal_identity_number" }),
    ]);
    const named = await admin.POST(INSTRUMENTS, {
      params: { path: { orgId: t.org.id } },
      body: { key: "namngiven", name: "Uppföljning", description: "Gäller 850312-1234" },
    });
    expect(expectProblem(named, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.description",
      rule: "personal_identity_number",
    });
    const after = expectData(
      await admin.GET(INSTRUMENT, { params: { path: { orgId: t.org.id, instrumentId: instrument.id } } }),
    );
    expect(after.versions).toEqual([]);
  });
});

describe("versions", () => {
  it("change only as drafts: a published or retired version answers 409 to every change", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const instrument = await createInstrument(admin, t.org.id);
    const draft = await addVersion(admin, t.org.id, instrument.id, ["A1"]);
    const path = { orgId: t.org.id, instrumentId: instrument.id, versionId: draft.id };
    const body = { definition: { items: [item("A1"), item("A2")] }, changeNote: "Två frågor" };
    const edited = await admin.PUT(VERSION, { params: { path, header: { "if-match": '"1"' } }, body });
    expect(expectData(edited)).toMatchObject({ itemCount: 2, changeNote: "Två frågor", version: 2 });
    expect(edited.response.headers.get("etag")).toBe('"2"');
    expectProblem(
      await admin.PUT(VERSION, { params: { path, header: { "if-match": '"1"' } }, body }),
      412,
      "precondition_failed",
    );
    const badScale = await admin.PUT(VERSION, {
      params: { path },
      body: { definition: { items: [{ ...item("A1"), scale: { ...scale, min: 0, max: 20 } }] } },
    });
    expect(expectProblem(badScale, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.definition.items.0.scale.max",
      rule: "scale_steps",
    });

    await publish(admin, t.org.id, instrument.id, draft.id);
    expectProblem(await admin.POST(PUBLISH, { params: { path } }), 409, "conflict");
    expectProblem(await admin.PUT(VERSION, { params: { path }, body }), 409, "conflict");
    expectProblem(await admin.DELETE(VERSION, { params: { path } }), 409, "conflict");
    const retired = expectData(await admin.POST(RETIRE, { params: { path } }));
    expect(retired.status).toBe("retired");
    expect(retired.definition.items.map((i) => i.code)).toEqual(["A1", "A2"]);
    expectProblem(await admin.POST(RETIRE, { params: { path } }), 409, "conflict");
    expectProblem(await admin.POST(PUBLISH, { params: { path } }), 409, "conflict");
    expectProblem(await admin.PUT(VERSION, { params: { path }, body }), 409, "conflict");

    // The database holds the line too, whoever writes.
    await expect(
      env.t.db.ownerSql(
        "update progression_instrument_versions set definition = '{\"items\":[]}' where id = $1",
        [draft.id],
      ),
    ).rejects.toThrow(/immutable/);

    // A second version takes the next number; a draft can be deleted.
    const next = await addVersion(admin, t.org.id, instrument.id, ["A1"]);
    expect(next.number).toBe(2);
    const nextPath = { ...path, versionId: next.id };
    expect((await admin.DELETE(VERSION, { params: { path: nextPath } })).response.status).toBe(204);
    expectProblem(await admin.GET(VERSION, { params: { path: nextPath } }), 404, "not_found");
    expect(await auditActions(t.org.id, draft.id)).toEqual([
      "progression.instrument_version_created",
      "progression.instrument_version_updated",
      "progression.instrument_version_published",
      "progression.instrument_version_retired",
    ]);
  });
});

describe("item mappings", () => {
  it("map an older version's items into a newer one, one to one, within the instrument", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const orgId = t.org.id;
    const { instrument, version: v1 } = await publishedInstrument(admin, orgId, ["A1", "A2", "A3"]);
    const v2 = await addVersion(admin, orgId, instrument.id, ["A1", "B2"]);
    const other = await publishedInstrument(admin, orgId, ["A1"]);
    const path = { orgId, instrumentId: instrument.id, versionId: v2.id };
    const put = (body: { fromVersionId: string; items: { from: string; to: string }[] }) =>
      admin.PUT(MAPPINGS, { params: { path }, body });

    const saved = expectData(
      await put({
        fromVersionId: v1.id,
        items: [
          { from: "A2", to: "B2" },
          { from: "A1", to: "A1" },
        ],
      }),
    );
    expect(saved).toMatchObject({ fromVersionId: v1.id, fromVersionNumber: 1, toVersionId: v2.id });
    expect(saved.items).toEqual([
      { from: "A1", to: "A1" },
      { from: "A2", to: "B2" },
    ]);
    expect(expectData(await admin.GET(MAPPINGS, { params: { path } })).data).toEqual([saved]);

    const unknown = expectProblem(
      await put({
        fromVersionId: v1.id,
        items: [
          { from: "Z9", to: "A1" },
          { from: "A1", to: "Q1" },
        ],
      }),
      400,
      "validation_failed",
    );
    expect(unknown.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["body.items.0.from", "unknown_item"],
      ["body.items.1.to", "unknown_item"],
    ]);
    const twice = expectProblem(
      await put({
        fromVersionId: v1.id,
        items: [
          { from: "A1", to: "A1" },
          { from: "A3", to: "A1" },
        ],
      }),
      400,
      "validation_failed",
    );
    expect(twice.errors?.[0]).toMatchObject({ field: "body.items.1.to", rule: "duplicate_target" });
    const sameSource = expectProblem(
      await put({
        fromVersionId: v1.id,
        items: [
          { from: "A1", to: "A1" },
          { from: "A1", to: "B2" },
        ],
      }),
      400,
      "validation_failed",
    );
    expect(sameSource.errors?.[0]).toMatchObject({ field: "body.items.1.from", rule: "duplicate_source" });
    const foreign = expectProblem(
      await put({ fromVersionId: other.version.id, items: [] }),
      400,
      "validation_failed",
    );
    expect(foreign.errors?.[0]).toMatchObject({ field: "body.fromVersionId", rule: "same_instrument" });
    const newer = expectProblem(
      await admin.PUT(MAPPINGS, {
        params: { path: { ...path, versionId: v1.id } },
        body: { fromVersionId: v2.id, items: [] },
      }),
      400,
      "validation_failed",
    );
    expect(newer.errors?.[0]).toMatchObject({ field: "body.fromVersionId", rule: "older_version" });
    // Answers are compared step by step: an item measured the other way round is no counterpart.
    const turned = expectData(
      await admin.POST(VERSIONS, {
        params: { path: { orgId, instrumentId: instrument.id } },
        body: { definition: { items: [{ ...item("C1"), direction: "lower_is_better" }] } },
      }),
      201,
    );
    const reversed = expectProblem(
      await admin.PUT(MAPPINGS, {
        params: { path: { ...path, versionId: turned.id } },
        body: { fromVersionId: v1.id, items: [{ from: "A1", to: "C1" }] },
      }),
      400,
      "validation_failed",
    );
    expect(reversed.errors?.[0]).toMatchObject({ field: "body.items.0.to", rule: "same_scale" });

    // The failed attempts changed nothing; no items removes the mapping.
    expect(expectData(await admin.GET(MAPPINGS, { params: { path } })).data[0]?.items).toHaveLength(2);
    expect(expectData(await put({ fromVersionId: v1.id, items: [] })).items).toEqual([]);
    expect(expectData(await admin.GET(MAPPINGS, { params: { path } })).data).toEqual([]);
    expect(await auditActions(orgId, v2.id)).toEqual([
      "progression.instrument_version_created",
      "progression.mapping_saved",
      "progression.mapping_saved",
    ]);
  });
});

/** An insats of `owner`'s that `coOwner` has accepted to co-own. */
async function coOwnedIntervention(owner: Tenant, coOwner: Tenant) {
  const ownerAdmin = await owner.signIn("admin");
  const coAdmin = await coOwner.signIn("admin");
  const created = await createIntervention(ownerAdmin, owner.org.id, { title: "Gemensam insats" });
  expectData(
    await ownerAdmin.POST("/orgs/{orgId}/interventions/{interventionId}/co-owners", {
      params: { path: { orgId: owner.org.id, interventionId: created.id } },
      body: { organizationId: coOwner.org.id },
    }),
    201,
  );
  expectData(
    await coAdmin.POST("/orgs/{orgId}/interventions/{interventionId}/co-ownership/accept", {
      params: { path: { orgId: coOwner.org.id, interventionId: created.id } },
    }),
  );
  return created.id;
}

describe("an insats's instruments", () => {
  it("are each förbund's own choice of published versions, also for a co-owned insats", async () => {
    const [t, partner, third] = await Promise.all([freshTenant(env), freshTenant(env), freshTenant(env)]);
    const nns = await nnsAdmin();
    const national = await publishedInstrument(nns, env.nns.id, ["N1", "N2"]);
    const admin = await t.signIn("admin");
    const own = await publishedInstrument(admin, t.org.id, ["E1"]);
    const ownDraft = await addVersion(admin, t.org.id, own.instrument.id, ["E1", "E2"]);
    const partnerOwn = await publishedInstrument(await partner.signIn("admin"), partner.org.id, ["P1"]);
    const interventionId = await coOwnedIntervention(t, partner);
    const at = (tenant: Tenant) => ({ params: { path: { orgId: tenant.org.id, interventionId } } });

    const chosen = expectData(
      await admin.PUT(CHOICE, { ...at(t), body: { versionIds: [own.version.id, national.version.id] } }),
    );
    expect(chosen.items.map((i) => i.id).sort()).toEqual([own.version.id, national.version.id].sort());
    expect(chosen.items.find((i) => i.id === national.version.id)).toMatchObject({
      instrumentId: national.instrument.id,
      instrumentName: national.instrument.name,
      placeholder: false,
      status: "published",
      itemCount: 2,
    });

    const refused = expectProblem(
      await admin.PUT(CHOICE, {
        ...at(t),
        body: { versionIds: [ownDraft.id, partnerOwn.version.id, own.version.id, own.version.id] },
      }),
      400,
      "validation_failed",
    );
    expect(refused.errors?.map((e) => [e.field, e.rule])).toEqual([
      ["body.versionIds.0", "published_version"],
      ["body.versionIds.1", "published_version"],
      ["body.versionIds.3", "duplicate"],
    ]);

    // The co-owner chooses for itself, and the owner's choice stays its own.
    const partnerAdmin = await partner.signIn("admin");
    expectData(
      await partnerAdmin.PUT(CHOICE, { ...at(partner), body: { versionIds: [national.version.id] } }),
    );
    expect(expectData(await partnerAdmin.GET(CHOICE, at(partner))).items.map((i) => i.id)).toEqual([
      national.version.id,
    ]);
    expect(expectData(await admin.GET(CHOICE, at(t))).items).toHaveLength(2);
    const viewer = await t.signIn("viewer");
    expect(expectData(await viewer.GET(CHOICE, at(t))).items).toHaveLength(2);
    expectProblem(await viewer.PUT(CHOICE, { ...at(t), body: { versionIds: [] } }), 403, "forbidden");
    const stranger = await third.signIn("admin");
    expectProblem(await stranger.GET(CHOICE, at(third)), 404, "not_found");
    expectProblem(await stranger.PUT(CHOICE, { ...at(third), body: { versionIds: [] } }), 404, "not_found");

    // A retired version stays where it was chosen, but is not chosen anew.
    expectData(
      await nns.POST(RETIRE, {
        params: {
          path: { orgId: env.nns.id, instrumentId: national.instrument.id, versionId: national.version.id },
        },
      }),
    );
    const kept = expectData(
      await admin.PUT(CHOICE, { ...at(t), body: { versionIds: [national.version.id, own.version.id] } }),
    );
    expect(kept.items.find((i) => i.id === national.version.id)?.status).toBe("retired");
    expectData(await partnerAdmin.PUT(CHOICE, { ...at(partner), body: { versionIds: [] } }));
    const anew = expectProblem(
      await partnerAdmin.PUT(CHOICE, { ...at(partner), body: { versionIds: [national.version.id] } }),
      400,
      "validation_failed",
    );
    expect(anew.errors?.[0]).toMatchObject({ field: "body.versionIds.0", rule: "published_version" });
    expect(await auditActions(t.org.id, interventionId)).toContain(
      "progression.intervention_instruments_set",
    );
    const rows = await env.t.db.ownerSql(
      "select organization_id, instrument_organization_id from progression_intervention_instruments where intervention_id = $1 order by instrument_organization_id",
      [interventionId],
    );
    expect(rows.every((r) => r.organization_id === t.org.id)).toBe(true);
  });
});
