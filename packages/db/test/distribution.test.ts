import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISTRIBUTION_COLUMN, DISTRIBUTION_PLAN, tablesPlaced } from "../src/distribution.js";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

/**
 * The schema is ready for Citus (docs/scale-out.md, decision 0030): Citus is not installed here, so this
 * holds the migrated catalogue to the rules Citus enforces when tables are distributed by the tenant.
 */

/** Tables not yet re-keyed, each with its reason in the plan. The list may only shrink. */
const PENDING_RE_KEY = ["progression_self_rating_links", "survey_responses"];

interface Key {
  table: string;
  name: string;
  /** Key columns in order; null for an expression. */
  columns: (string | null)[];
}

interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  target: string;
  targetColumns: string[];
}

let t: TestDatabase;
let tables: string[];
let orgColumn: Map<string, boolean>;
let keys: Key[];
let foreignKeys: ForeignKey[];

beforeAll(async () => {
  t = await createTestDatabase();
  const sql = t.db.ownerSql;
  const tableRows = await sql(
    `select c.relname as name,
            exists (select 1 from pg_attribute a
                     where a.attrelid = c.oid and a.attname = $1 and not a.attisdropped and a.attnotnull) as org
       from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`,
    [DISTRIBUTION_COLUMN],
  );
  tables = tableRows.map((r) => r.name as string).sort();
  orgColumn = new Map(tableRows.map((r) => [r.name as string, r.org as boolean]));
  // Primary keys, unique constraints and unique indexes alike: Citus needs the distribution column in each.
  const keyRows = await sql(
    `select c.relname as table, i.relname as name,
            array(select a.attname::text
                    from unnest(x.indkey::int2[]) with ordinality k(attnum, ord)
                    left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                   where k.ord <= x.indnkeyatts
                   order by k.ord) as columns
       from pg_index x
       join pg_class c on c.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
      where c.relnamespace = 'public'::regnamespace and x.indisunique`,
  );
  keys = keyRows.map((r) => ({
    table: r.table as string,
    name: r.name as string,
    columns: r.columns as (string | null)[],
  }));
  const fkRows = await sql(
    `select c.relname as table, k.conname as name, f.relname as target,
            array(select a.attname::text from unnest(k.conkey) with ordinality n(attnum, ord)
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = n.attnum order by n.ord) as columns,
            array(select a.attname::text from unnest(k.confkey) with ordinality n(attnum, ord)
                    join pg_attribute a on a.attrelid = k.confrelid and a.attnum = n.attnum order by n.ord)
              as target_columns
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class f on f.oid = k.confrelid
      where k.contype = 'f' and c.relnamespace = 'public'::regnamespace`,
  );
  foreignKeys = fkRows.map((r) => ({
    table: r.table as string,
    name: r.name as string,
    columns: r.columns as string[],
    target: r.target as string,
    targetColumns: r.target_columns as string[],
  }));
});
afterAll(async () => t?.destroy());

const placementOf = (table: string) => DISTRIBUTION_PLAN[table]?.placement;

/** Rule breaks of one distributed table's keys: each must start with the tenant. */
export function keyProblems(table: string, tableKeys: Key[]): string[] {
  return tableKeys
    .filter((k) => k.table === table && k.columns[0] !== DISTRIBUTION_COLUMN)
    .map((k) => `${table}: ${k.name} (${k.columns.map((c) => c ?? "<expression>").join(", ")})`);
}

/** Rule breaks of one foreign key under the plan. */
export function foreignKeyProblem(
  fk: ForeignKey,
  placement: (table: string) => string | undefined,
): string | null {
  const from = placement(fk.table);
  const to = placement(fk.target);
  const where = `${fk.table}.${fk.name} → ${fk.target}`;
  if (from === "pending re-key" || to === "pending re-key") return null;
  if (to === "distributed" && from !== "distributed")
    return `${where}: a ${from} table points to a distributed one`;
  if (from === "distributed" && to === "local") return `${where}: a distributed table points to a local one`;
  if (from === "distributed" && to === "distributed") {
    const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
    if (at !== 0 || fk.targetColumns[at] !== DISTRIBUTION_COLUMN)
      return `${where}: (${fk.columns}) → (${fk.targetColumns}) does not join on the tenant first`;
  }
  return null;
}

describe("the Citus distribution plan", () => {
  it("classifies every table of the migrated database, and no other", () => {
    expect(tables.filter((name) => !DISTRIBUTION_PLAN[name])).toEqual([]);
    expect(Object.keys(DISTRIBUTION_PLAN).filter((name) => !tables.includes(name))).toEqual([]);
  });

  it("gives every table a reason", () => {
    expect(Object.entries(DISTRIBUTION_PLAN).filter(([, plan]) => plan.reason.trim().length < 10)).toEqual(
      [],
    );
  });

  it("distributes only tables with a non-null organization_id", () => {
    expect(tablesPlaced("distributed").filter((name) => !orgColumn.get(name))).toEqual([]);
  });

  it("starts every primary key, unique constraint and unique index of a distributed table with organization_id", () => {
    expect(tablesPlaced("distributed").flatMap((name) => keyProblems(name, keys))).toEqual([]);
    // A distributed table must have a primary key: Citus moves shards by logical replication.
    const keyless = tablesPlaced("distributed").filter((name) => !keys.some((k) => k.table === name));
    expect(keyless).toEqual([]);
  });

  it("lets no reference or local table point to a distributed one, and joins distributed ones on the tenant", () => {
    expect(foreignKeys.map((fk) => foreignKeyProblem(fk, placementOf)).filter(Boolean)).toEqual([]);
  });

  it("keeps the pending re-keys to the known list (it may only shrink)", () => {
    expect(tablesPlaced("pending re-key")).toEqual(PENDING_RE_KEY);
    // Each pending table really breaks a rule; once it no longer does, it belongs among the distributed.
    for (const name of PENDING_RE_KEY) expect(keyProblems(name, keys)).not.toEqual([]);
  });

  it("notices a key that does not start with the tenant and a reference table pointing to a distributed one", () => {
    const fixture: Key[] = [
      { table: "x", name: "x_pkey", columns: ["organization_id", "id"] },
      { table: "x", name: "x_token_key", columns: ["token_hash"] },
      { table: "x", name: "x_lower_key", columns: [null, "organization_id"] },
    ];
    expect(keyProblems("x", fixture)).toEqual([
      "x: x_token_key (token_hash)",
      "x: x_lower_key (<expression>, organization_id)",
    ]);
    const plan = (name: string) => ({ d: "distributed", r: "reference" })[name];
    const fk = { table: "r", name: "r_fk", columns: ["d_id"], target: "d", targetColumns: ["id"] };
    expect(foreignKeyProblem(fk, plan)).toMatch(/a reference table points to a distributed one/);
    const across = {
      table: "d",
      name: "d_fk",
      columns: ["id", "organization_id"],
      target: "d",
      targetColumns: ["id", "organization_id"],
    };
    expect(foreignKeyProblem(across, plan)).toMatch(/does not join on the tenant first/);
    const within = {
      ...across,
      columns: ["organization_id", "id"],
      targetColumns: ["organization_id", "id"],
    };
    expect(foreignKeyProblem(within, plan)).toBeNull();
  });
});
