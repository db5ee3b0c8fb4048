import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * Row-level security policies are written in SQL migrations (decision 0013), so each table's schema
 * declaration points to them: its doc comment carries one line
 *   `Row-level security: policy_a, policy_b (0004_trainings_rls.sql).`
 * or `Row-level security: none — <why the table needs none>.`
 * This test holds those lines to the migrated database, so a reader of the schema can trust them.
 */
const SCHEMA_DIR = join(import.meta.dirname, "../src/schema");
const MIGRATIONS_DIR = join(import.meta.dirname, "../migrations");

/** Tables created by hand-written SQL only, outside the drizzle schema, with the reason. */
const SQL_ONLY_TABLES: Record<string, string> = {
  catalog_generation:
    "a single-row counter written only by triggers (0007_catalog_generation.sql); no service reads it through drizzle",
};

interface Declared {
  table: string;
  file: string;
  rls: { none: string } | { policies: string[]; migrations: string[] } | null;
}

const RLS_LINE = /Row-level security:\s*([^\n]*(?:\n\s*\*\s+[^\n@]*)*)/;

function declaredTables(source: string, file: string): Declared[] {
  const declarations = source.matchAll(
    /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)?\s*export const \w+ = pgTable\(\s*"(\w+)"/g,
  );
  return [...declarations].map(([, doc, table]) => {
    const line = doc
      ?.match(RLS_LINE)?.[1]
      ?.replace(/\n\s*\*\s+/g, " ")
      .replace(/\s*\*\/$/, "")
      .trim();
    if (!line) return { table: table as string, file, rls: null };
    const none = line.match(/^none\s*[—-]\s*(.+)$/);
    if (none) return { table: table as string, file, rls: { none: none[1] as string } };
    const [, names = "", refs = ""] = line.match(/^([\w,\s]+)\(([^)]+)\)\.?$/) ?? [];
    return {
      table: table as string,
      file,
      rls: {
        policies: names
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean)
          .sort(),
        migrations: refs.split(",").map((m) => m.trim()),
      },
    };
  });
}

function schemaDeclarations(): Declared[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .flatMap((f) => declaredTables(readFileSync(join(SCHEMA_DIR, f), "utf8"), f));
}

let t: TestDatabase;
let live: Map<string, { rls: boolean; policies: string[] }>;

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await t.db.ownerSql(
    `select c.relname as name, c.relrowsecurity as rls,
            coalesce(array_agg(p.polname::text order by p.polname) filter (where p.polname is not null), '{}') as policies
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       left join pg_policy p on p.polrelid = c.oid
      where n.nspname = 'public' and c.relkind = 'r' and c.relname not like '\\_\\_%'
      group by c.relname, c.relrowsecurity`,
  );
  live = new Map(
    rows.map((r) => [r.name as string, { rls: r.rls as boolean, policies: r.policies as string[] }]),
  );
});
afterAll(async () => t?.destroy());

describe("each table's schema points to its row-level security", () => {
  it("declares every table of the database, or says why a table is SQL-only", () => {
    const declared = new Set(schemaDeclarations().map((d) => d.table));
    const undeclared = [...live.keys()].filter((name) => !declared.has(name) && !SQL_ONLY_TABLES[name]);
    expect(undeclared).toEqual([]);
  });

  it("names exactly the live policies, each created in a migration it names", () => {
    const problems: string[] = [];
    for (const d of schemaDeclarations()) {
      const actual = live.get(d.table);
      const where = `${d.file}: ${d.table}`;
      if (!actual) problems.push(`${where} is not in the migrated database`);
      else if (!d.rls) problems.push(`${where} has no "Row-level security:" line in its doc comment`);
      else if ("none" in d.rls) {
        if (actual.rls) problems.push(`${where} says none, but the database enables row-level security`);
      } else {
        if (!actual.rls) problems.push(`${where} lists policies, but row-level security is off`);
        if (d.rls.policies.join() !== actual.policies.join())
          problems.push(`${where} lists [${d.rls.policies}] but the database has [${actual.policies}]`);
        const sql = d.rls.migrations.map((m) => readFileSync(join(MIGRATIONS_DIR, m), "utf8")).join("\n");
        for (const policy of d.rls.policies)
          if (!new RegExp(`create policy ${policy} on ${d.table}\\b`, "i").test(sql))
            problems.push(`${where}: policy ${policy} is not created in ${d.rls.migrations}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("notices a stale pointer (the check can fail)", () => {
    const [declared] = declaredTables(
      `/**\n * Row-level security: tenant_isolation (0001_tenancy.sql).\n */\nexport const x = pgTable("memberships", {`,
      "fixture.ts",
    );
    expect(declared?.rls).toEqual({ policies: ["tenant_isolation"], migrations: ["0001_tenancy.sql"] });
    // The fixture lists one of the two policies memberships has, so the real check would report it.
    expect(live.get("memberships")?.policies).not.toEqual(["tenant_isolation"]);
  });
});
