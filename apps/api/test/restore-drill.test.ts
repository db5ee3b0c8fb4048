/**
 * The restore drill (infra/restore-drill.sh) as CI runs it, on a database of the test's own on the
 * server named by DATABASE_URL: a faithful restore passes, and a copy changed after the restore fails
 * with the changed table named in the report.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@nns/db/testing";
import { JobQueue } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoot } from "./spawn-server.js";

const script = join(apiRoot, "..", "..", "infra", "restore-drill.sh");

function drill(...args: string[]) {
  const result = spawnSync("bash", [script, ...args], {
    env: { ...process.env, NNS_API_RUNNER: "src" },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.runIf(process.env.DATABASE_URL)("the restore drill", () => {
  let source: TestDatabase;
  beforeAll(async () => {
    source = await createTestDatabase();
    // The queue's schema, as every database the API has run on has it.
    const queue = new JobQueue(source.db);
    await queue.start();
    await queue.stop();
    // A row beside the reference data the migrations make.
    await source.db.ownerSql(
      `insert into organizations (name, slug, organization_number, county_code, kind)
       values ('Samordningsförbundet Drillen', 'drillen', '2220000019', '13', 'forbund')`,
    );
  });
  afterAll(async () => {
    await source?.destroy();
  });

  it("restores a copy that matches the source, migrates as a no-op and serves", () => {
    const { status, output } = drill(source.urls?.owner as string);
    expect(output).toContain("RESTORE DRILL PASSED");
    expect(output).toMatch(/cli migrate on the copy applies nothing: ok/);
    expect(output).toMatch(/"status":"ready"/);
    expect(status).toBe(0);
  }, 330_000); // About 25 s alone; several times that on a machine shared with other suites.

  it("fails, naming the table, when the copy differs from the source", () => {
    const { status, output } = drill("--tamper-for-test", "update", source.urls?.owner as string);
    expect(output).toContain("RESTORE DRILL FAILED");
    expect(output).toMatch(/< public\.counties\|21\|[0-9a-f]{32}\n\s+> public\.counties\|21\|[0-9a-f]{32}/);
    expect(status).toBe(1);
  }, 330_000); // About 25 s alone; several times that on a machine shared with other suites.
});
