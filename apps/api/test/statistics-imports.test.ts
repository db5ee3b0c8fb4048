import { startBackgroundWork } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { type Client, expectData, expectProblem, PUBLIC_URL, signIn } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";

/**
 * NNS's upload of SCB's helårsekvivalenter file over HTTP, with the job queue running: the request
 * answers 202 at once, the job reads and writes, and the import is polled until it settles.
 */

let env: TestEnv;
let nns: Client;

beforeAll(async () => {
  env = await setupTestApp();
  await startBackgroundWork(env.deps, { info: () => undefined });
  nns = await signIn(env, env.users.nnsAdmin.email);
});
afterAll(async () => env?.close());

const CSV = [
  "Helårsekvivalenter efter region, kön, ålder, ersättning och år",
  "",
  "region;kön;ålder;ersättning;år;Helårsekvivalenter;Befolkning",
  "2281 Sundsvall;män;20-64 år;Totalt;2020;3 717;29 500",
  "2281 Sundsvall;kvinnor;20-64 år;Totalt;2020;4 303,5;28 500",
  "2262 Timrå;män;20-64 år;Totalt;2020;..;5 000",
  "2262 Timrå;kvinnor;20-64 år;Totalt;2020;600;5 000",
  "22 Västernorrlands län;män;20-64 år;Totalt;2020;20 000;125 000",
].join("\r\n");

const path = (orgId = env.nns.id) => `/v1/orgs/${orgId}/statistics-imports`;

function upload(client: Client, body: string, fileName = "HE0000T02N2.csv", type = "text/csv") {
  return client.raw("POST", `${path()}?fileName=${encodeURIComponent(fileName)}`, {
    rawBody: body,
    headers: { "content-type": type },
  });
}

interface ImportBody {
  id: string;
  status: string;
  periods: string[];
  figureCount: number;
  errorCount: number;
  errors: { row: number; column: string | null; value: string | null; message: string }[];
  notes: string[];
  progressDone: number;
  progressTotal: number;
}

async function settled(id: string): Promise<ImportBody> {
  for (let i = 0; i < 200; i++) {
    const res = await nns.GET("/orgs/{orgId}/statistics-imports/{importId}", {
      params: { path: { orgId: env.nns.id, importId: id } },
    });
    const body = expectData(res) as ImportBody;
    if (body.status === "done" || body.status === "failed") return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not settle`);
}

const current = () =>
  env.t.db.ownerSql(
    `select f.period, f.region_code, f.gender, f.benefit, f.full_year_equivalents::text as fye, f.population, f.import_id
       from statistics_figures f join statistics_periods p on p.period = f.period and p.import_id = f.import_id
      order by 1, 2, 3, 4`,
  );

describe("uploading SCB's file", () => {
  it("answers 202 with the queued import and its Location, and the job writes the figures", async () => {
    const res = await upload(nns, CSV);
    expect(res.status).toBe(202);
    const queued = res.body as ImportBody & { fileName: string; sourceTable: string };
    expect(queued).toMatchObject({
      status: "queued",
      fileName: "HE0000T02N2.csv",
      sourceTable: "HE0000T02N2",
    });
    expect(res.headers.get("location")).toBe(`${path()}/${queued.id}`);
    const done = await settled(queued.id);
    expect(done).toMatchObject({ status: "done", periods: ["2020"], errorCount: 0, errors: [] });
    expect(done.progressDone).toBe(done.progressTotal);
    expect(done.notes).toEqual([
      "1 rader för län lästes men sparades inte: länens siffror räknas fram ur kommunernas.",
    ]);
    const rows = await current();
    expect(done.figureCount).toBe(rows.length);
    const sundsvall = rows.find((r) => r.region_code === "2281" && r.gender === "total");
    expect(sundsvall).toMatchObject({ fye: "8020.5", population: 58_000 });
    // The län line is computed from the kommuner with both values: Timrå's men are missing.
    expect(rows.find((r) => r.region_code === "22" && r.gender === "men")).toMatchObject({
      fye: "3717",
      population: 29_500,
    });

    const list = expectData(
      await nns.GET("/orgs/{orgId}/statistics-imports", { params: { path: { orgId: env.nns.id } } }),
    );
    expect(list.data[0]).toMatchObject({ id: queued.id, status: "done", periods: ["2020"] });
    expect(list.data[0]).not.toHaveProperty("errors");
  });

  it("re-importing the same file leaves the same figures, under one current import", async () => {
    const before = (await current()).map(({ import_id: _id, ...figure }) => figure);
    const res = await upload(nns, CSV);
    const { id } = res.body as ImportBody;
    expect((await settled(id)).status).toBe("done");
    const after = await current();
    expect(after.map(({ import_id: _id, ...figure }) => figure)).toEqual(before);
    expect(new Set(after.map((r) => r.import_id))).toEqual(new Set([id]));
    expect(await env.t.db.ownerSql("select period, import_id from statistics_periods")).toEqual([
      { period: "2020", import_id: id },
    ]);
  });

  it("fails a file with row errors, lists them, and changes nothing anyone reads", async () => {
    const before = await current();
    const bad = `${CSV}\r\n0999 Okänd;män;20-64 år;Totalt;2020;1;2\r\n2281 Sundsvall;män;20-64 år;Totalt;2021;12a;29 500`;
    const { id } = (await upload(nns, bad)).body as ImportBody;
    const failed = await settled(id);
    expect(failed).toMatchObject({ status: "failed", figureCount: 0, errorCount: 2 });
    expect(failed.errors).toEqual([
      { row: 9, column: "region", value: "0999 Okänd", message: "Okänd kommunkod 0999." },
      {
        row: 10,
        column: "Helårsekvivalenter",
        value: "12a",
        message: "Inte ett tal. Saknade värden skrivs ”..”.",
      },
    ]);
    expect(await current()).toEqual(before);
    expect(await env.t.db.ownerSql("select 1 from statistics_figures where import_id = $1", [id])).toEqual(
      [],
    );
  });

  it("reads an XLSX upload sent as raw bytes", async () => {
    const xlsx = await (
      await writeXlsxFile([
        ["region", "kön", "ålder", "ersättning", "Helårsekvivalenter 2019", "Befolkning 2019"],
        ["2281 Sundsvall", "män", "20-64 år", "Totalt", 3586.8, 29_400],
        ["2281 Sundsvall", "kvinnor", "20-64 år", "Totalt", 4118, 28_400],
      ])
    ).toBuffer();
    const res = await env.app.request(`${PUBLIC_URL}${path()}?fileName=he-2019.xlsx`, {
      method: "POST",
      body: new Uint8Array(xlsx),
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        origin: PUBLIC_URL,
        cookie: [nns.cookie, nns.device].filter(Boolean).join("; "),
      },
    });
    expect(res.status).toBe(202);
    const { id, fileFormat } = (await res.json()) as ImportBody & { fileFormat: string };
    expect(fileFormat).toBe("xlsx");
    expect(await settled(id)).toMatchObject({ status: "done", periods: ["2019"] });
    const rows = await current();
    expect(
      rows.find((r) => r.period === "2019" && r.region_code === "2281" && r.gender === "total"),
    ).toMatchObject({
      fye: "7704.8",
      population: 57_800,
    });
  });

  it("refuses other media types, an empty body and a missing file name, naming what is wrong", async () => {
    expectProblem(await upload(nns, CSV, "a.csv", "application/json"), 415, "unsupported_media_type");
    const empty = expectProblem(await upload(nns, ""), 400, "validation_failed");
    expect(empty.errors?.[0]).toMatchObject({ field: "body", rule: "not_empty" });
    const noName = await nns.raw("POST", path(), { rawBody: CSV, headers: { "content-type": "text/csv" } });
    expect(expectProblem(noName, 400, "validation_failed").errors?.[0]?.field).toBe("query.fileName");
  });

  it("takes a file over 1 MiB (the JSON limit) and refuses one over 100 MiB", async () => {
    const line = "2281 Sundsvall;män;20-64 år;Totalt;2020;3 717;29 500\r\n";
    const big = await nns.raw("POST", `${path()}?fileName=big.csv`, {
      rawBody: `${CSV}\r\n${line.repeat(25_000)}`,
      headers: { "content-type": "text/csv" },
    });
    expect(big.status).toBe(202);
    const failed = await settled((big.body as ImportBody).id);
    // Every repeated line is the same key as the file's own Sundsvall row.
    expect(failed).toMatchObject({ status: "failed", errorCount: 25_000 });
    expect(failed.errors).toHaveLength(200);
    const huge = await nns.raw("POST", `${path()}?fileName=huge.csv`, {
      rawBody: "x",
      headers: { "content-type": "text/csv", "content-length": String(100 * 1024 * 1024 + 1) },
    });
    expectProblem(huge, 413, "payload_too_large");
  });
});

describe("who may import", () => {
  it("refuses NNS members without statistics:import and förbund admins, in NNS and in their own förbund", async () => {
    const viewer = await signIn(env, env.users.nnsViewer.email);
    expectProblem(await upload(viewer, CSV), 403, "forbidden");
    expectProblem(await viewer.raw("GET", path(), {}), 403, "forbidden");
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    // Not a member of NNS: NNS does not exist for them.
    expectProblem(await upload(admin, CSV), 404, "not_found");
    const own = await admin.raw("POST", `${path(t.org.id)}?fileName=a.csv`, {
      rawBody: CSV,
      headers: { "content-type": "text/csv" },
    });
    expectProblem(own, 403, "forbidden");
    expectProblem(await admin.raw("GET", path(t.org.id)), 403, "forbidden");
  });

  it("an NNS admin working in a förbund cannot import there either", async () => {
    const res = await nns.raw("POST", `${path(env.orgA.id)}?fileName=a.csv`, {
      rawBody: CSV,
      headers: { "content-type": "text/csv" },
    });
    expectProblem(res, 403, "forbidden");
  });

  it("answers an unknown import id with 404", async () => {
    const res = await nns.GET("/orgs/{orgId}/statistics-imports/{importId}", {
      params: { path: { orgId: env.nns.id, importId: "00000000-0000-4000-8000-000000000000" } },
    });
    expectProblem(res, 404, "not_found");
  });
});
