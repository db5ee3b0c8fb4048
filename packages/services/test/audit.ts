import { AppError, type ErrorCode } from "@nns/domain";
import { expect } from "vitest";
import type { Deps, ServiceContext } from "../src/index.js";

/**
 * Assertions on what a service wrote, read as the database owner (past row-level security), the way an
 * auditor would read the tables.
 */

export interface AuditRow {
  id: string;
  organizationId: string;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: Date;
  /** The writing transaction's id (xmin), to tell whether the entry was written with the change. */
  transactionId: string;
}

export interface AuditFilter {
  organizationId?: string;
  action?: string;
  entityType?: string;
  /** `null` matches entries about no single entity (e.g. an import). */
  entityId?: string | null;
}

/** One row of a table, by column values; identifiers are the test's own, never user input. */
export interface RowRef {
  table: string;
  where: Record<string, unknown>;
}

export interface AuditExpectation extends AuditFilter {
  organizationId: string;
  action: string;
  entityType: string;
  /** Who acted: the entry must name this context's actor and carry its request id. */
  actor?: ServiceContext;
  /** Matched with `toMatchObject` (dates as ISO strings, as they are stored in jsonb); `null`: no value. */
  before?: unknown;
  after?: unknown;
  /** A row the same call wrote: the entry must come from the same transaction, so neither exists alone. */
  sameTransactionAs?: RowRef;
}

function whereClause(where: Record<string, unknown>, firstParam = 1): { sql: string; params: unknown[] } {
  const entries = Object.entries(where);
  if (entries.length === 0) throw new Error("a row reference needs at least one column");
  return {
    sql: entries
      .map(([column, value], i) => (value === null ? `${column} is null` : `${column} = $${firstParam + i}`))
      .join(" and "),
    params: entries.filter(([, value]) => value !== null).map(([, value]) => value),
  };
}

/** The audit entries matching the filter, oldest first. */
export async function auditEntries(deps: Deps, filter: AuditFilter = {}): Promise<AuditRow[]> {
  const where: Record<string, unknown> = {};
  if (filter.organizationId !== undefined) where.organization_id = filter.organizationId;
  if (filter.action !== undefined) where.action = filter.action;
  if (filter.entityType !== undefined) where.entity_type = filter.entityType;
  if (filter.entityId !== undefined) where.entity_id = filter.entityId;
  const clause = Object.keys(where).length > 0 ? whereClause(where) : { sql: "true", params: [] };
  const rows = await deps.db.ownerSql(
    `select id, organization_id, actor_type, actor_id, actor_label, action, entity_type, entity_id,
       before, after, request_id, created_at, xmin::text as transaction_id
     from audit_log where ${clause.sql} order by created_at, id`,
    clause.params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    organizationId: String(r.organization_id),
    actorType: r.actor_type as AuditRow["actorType"],
    actorId: (r.actor_id as string | null) ?? null,
    actorLabel: String(r.actor_label),
    action: String(r.action),
    entityType: String(r.entity_type),
    entityId: (r.entity_id as string | null) ?? null,
    before: parseJson(r.before),
    after: parseJson(r.after),
    requestId: (r.request_id as string | null) ?? null,
    createdAt: new Date(r.created_at as string | Date),
    transactionId: String(r.transaction_id),
  }));
}

/** The drivers differ: PGlite parses jsonb, postgres.js through `unsafe` may hand back the text. */
function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : (value ?? null);
}

/** The id of the transaction that last wrote the row (inserted or updated it). */
export async function rowTransactionId(deps: Deps, ref: RowRef): Promise<string> {
  const clause = whereClause(ref.where);
  const rows = await deps.db.ownerSql(
    `select xmin::text as transaction_id from ${ref.table} where ${clause.sql}`,
    clause.params,
  );
  expect(rows, `exactly one ${ref.table} row where ${JSON.stringify(ref.where)}`).toHaveLength(1);
  return String(rows[0]?.transaction_id);
}

/** The rows of a table matching the columns, as the owner reads them. */
export async function rowsOf(deps: Deps, ref: RowRef): Promise<Record<string, unknown>[]> {
  const clause = whereClause(ref.where);
  return deps.db.ownerSql(`select * from ${ref.table} where ${clause.sql}`, clause.params);
}

function expectedActor(ctx: ServiceContext): Pick<AuditRow, "actorType" | "actorId" | "actorLabel"> {
  const { actor } = ctx;
  switch (actor.type) {
    case "user":
      return { actorType: "user", actorId: actor.userId, actorLabel: actor.email };
    case "api_key":
      return { actorType: "api_key", actorId: actor.apiKeyId, actorLabel: actor.name };
    case "system":
      return { actorType: "system", actorId: null, actorLabel: actor.label };
  }
}

function expectValue(actual: unknown, expected: unknown, what: string): void {
  if (expected === undefined) return;
  if (expected === null || typeof expected !== "object") expect(actual, what).toEqual(expected);
  else expect(actual, what).toMatchObject(expected as Record<string, unknown>);
}

/**
 * Asserts that exactly one audit entry matches (organization, action, entity type and, when given, entity
 * id), names the actor, carries the expected before/after, and was written in the same transaction as the
 * row it is about. Returns the entry for further checks.
 */
export async function expectAudited(deps: Deps, expected: AuditExpectation): Promise<AuditRow> {
  const { actor, before, after, sameTransactionAs, ...filter } = expected;
  const entries = await auditEntries(deps, filter);
  const all = entries.length === 1 ? [] : await auditEntries(deps, { organizationId: filter.organizationId });
  expect(
    entries,
    `one audit entry ${JSON.stringify(filter)}; the organization has: ${all.map((e) => `${e.action}(${e.entityId})`).join(", ")}`,
  ).toHaveLength(1);
  const entry = entries[0] as AuditRow;
  if (actor) {
    expect(entry, "the audit entry's actor").toMatchObject(expectedActor(actor));
    expect(entry.requestId, "the audit entry's request id").toBe(actor.requestId);
  }
  expectValue(entry.before, before, `before of ${filter.action}`);
  expectValue(entry.after, after, `after of ${filter.action}`);
  if (sameTransactionAs) {
    expect(
      await rowTransactionId(deps, sameTransactionAs),
      `${sameTransactionAs.table} written in the transaction that wrote ${filter.action}`,
    ).toBe(entry.transactionId);
  }
  return entry;
}

/** Asserts that no audit entry matches. */
export async function expectNotAudited(deps: Deps, filter: AuditFilter): Promise<void> {
  expect(await auditEntries(deps, filter), `no audit entry ${JSON.stringify(filter)}`).toEqual([]);
}

/** Every row of the table, hashed: any insert, update or delete changes it. */
async function fingerprint(deps: Deps, table: string): Promise<string> {
  const [row] = await deps.db.ownerSql(
    `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f
     from ${table} t`,
  );
  return String(row?.f);
}

/** Always compared: a refused call writes no audit entry and sends no email. */
const ALWAYS_UNCHANGED = ["audit_log", "emails"];

/**
 * Runs an operation that must be refused: it fails with an AppError of the given code, and afterwards
 * the audit log, the outbox and every table named are exactly as they were (no row added, changed or
 * removed). Returns the error for further checks.
 */
export async function expectRefused(
  deps: Deps,
  operation: () => Promise<unknown>,
  code: ErrorCode,
  tables: string[] = [],
): Promise<AppError> {
  const watched = [...new Set([...ALWAYS_UNCHANGED, ...tables])];
  const before = await Promise.all(watched.map((table) => fingerprint(deps, table)));
  const error = await operation().then(
    (result) => {
      throw new Error(`expected the call to be refused with ${code}, it returned ${JSON.stringify(result)}`);
    },
    (e: unknown) => e,
  );
  expect(error, String(error)).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as AppError).message).toBe(code);
  const after = await Promise.all(watched.map((table) => fingerprint(deps, table)));
  for (const [i, table] of watched.entries()) {
    expect(after[i], `${table} unchanged by the refused call`).toBe(before[i]);
  }
  return error as AppError;
}
