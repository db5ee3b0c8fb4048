/**
 * Readiness across a release (docs/deployment.md): the migration step of a new release runs before its
 * replicas start, so replicas still on the old release see more migrations applied than they ship and
 * must stay in rotation; a replica whose own migrations are missing must not.
 */
import { describe, expect, it } from "vitest";
import { useTestApp } from "./helpers.js";

const env = useTestApp();

interface Readiness {
  status: string;
  migrations: { applied: number; shipped: number };
}

async function readiness(): Promise<{ status: number; body: Readiness }> {
  const res = await env.app.request("/ready");
  return { status: res.status, body: (await res.json()) as Readiness };
}

describe("readiness during a rolling upgrade", () => {
  it("stays ready when a newer release has migrated, and is not ready while a shipped migration is missing", async () => {
    const before = await readiness();
    expect(before.status).toBe(200);
    const { shipped } = before.body.migrations;

    // What the next release's migration step leaves behind: one more row than this release knows.
    await env.t.db.ownerSql(
      "insert into drizzle.__drizzle_migrations (hash, created_at) values ('next-release', 99999999999999)",
    );
    const upgraded = await readiness();
    expect(upgraded.body.migrations).toEqual({ applied: shipped + 1, shipped });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.status).toBe("ready");

    // A database behind what this release ships: its migration step has not run.
    await env.t.db.ownerSql("delete from drizzle.__drizzle_migrations where created_at >= 0");
    const behind = await readiness();
    expect(behind.body.migrations).toEqual({ applied: 0, shipped });
    expect(behind.status).toBe(503);
    expect(behind.body.status).toBe("not_ready");
  });
});
