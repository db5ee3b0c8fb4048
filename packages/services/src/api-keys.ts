import { apiKeys, rowsOf, transaction } from "@nns/db";
import { API_KEY_SCOPES, type ApiKeyScope, AppError, type Page } from "@nns/domain";
import { and, eq, sql } from "drizzle-orm";
import { requirePermission } from "./access.js";
import { audit } from "./audit.js";
import type { Actor, Deps, OrgContext } from "./context.js";
import { equalBytes, randomToken, sha256Bytes } from "./crypto.js";
import { keyset, type PageRequest } from "./pagination.js";

/** Keys look like `nns_<prefix>_<secret>`: the prefix finds the row, the secret is checked against its hash. */
export const API_KEY_PATTERN = /^nns_([a-z2-7]{16})_([a-z2-7]{32,64})$/;
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  status: "active" | "revoked" | "expired";
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

type ApiKeyRow = typeof apiKeys.$inferSelect;

function view(row: ApiKeyRow): ApiKeyView {
  const status = row.revokedAt
    ? "revoked"
    : row.expiresAt && row.expiresAt.getTime() <= Date.now()
      ? "expired"
      : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: `nns_${row.prefix}`,
    scopes: row.scopes as ApiKeyScope[],
    status,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
  };
}

export async function createApiKey(
  ctx: OrgContext,
  input: { name: string; scopes: string[]; expiresAt: Date | null },
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  requirePermission(ctx, "api_keys:manage");
  const unknown = input.scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0 || input.scopes.length === 0) {
    throw new AppError("validation_failed", "Choose at least one scope from the list.", {
      errors: [
        {
          field: "body.scopes",
          rule: "api_key_scope",
          message: `Tillåtna behörigheter: ${API_KEY_SCOPES.join(", ")}.`,
        },
      ],
    });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError("validation_failed", "The expiry must be in the future.", {
      errors: [
        { field: "body.expiresAt", rule: "future", message: "Utgångsdatumet måste ligga i framtiden." },
      ],
    });
  }
  const prefix = randomToken().slice(0, 16);
  const secret = `${randomToken()}${randomToken()}`;
  const fullKey = `nns_${prefix}_${secret}`;
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        organizationId: ctx.organization.id,
        name: input.name,
        prefix,
        secretHash: sha256Bytes(secret),
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresAt,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning();
    const apiKey = view(row as ApiKeyRow);
    await audit(tx, ctx, {
      action: "api_key.created",
      entityType: "api_key",
      entityId: apiKey.id,
      after: apiKey,
    });
    return { apiKey, secret: fullKey };
  });
}

export async function listApiKeys(ctx: OrgContext, page: PageRequest): Promise<Page<ApiKeyView>> {
  requirePermission(ctx, "api_keys:read");
  const keys = keyset(page, apiKeys.createdAt, apiKeys.id, "desc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, ctx.organization.id), keys.after))
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows.map(view), (k) => [k.createdAt, k.id]);
  });
}

export async function revokeApiKey(ctx: OrgContext, apiKeyId: string): Promise<ApiKeyView> {
  requirePermission(ctx, "api_keys:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, ctx.organization.id), eq(apiKeys.id, apiKeyId)))
      .for("update");
    if (!row) throw new AppError("not_found", "The API key does not exist.");
    if (row.revokedAt) return view(row);
    const [updated] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, row.id))
      .returning();
    const after = view(updated as ApiKeyRow);
    await audit(tx, ctx, {
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: row.id,
      before: view(row),
      after,
    });
    return after;
  });
}

interface KeyLookupRow {
  id: string;
  organization_id: string;
  name: string;
  secret_hash: Uint8Array;
  scopes: string[];
  /** Timestamps come as strings or dates depending on the driver's parsers under drizzle. */
  expires_at: string | Date | null;
  revoked_at: string | Date | null;
  last_used_at: string | Date | null;
  organization_kind: "nns" | "forbund";
  organization_name: string;
}

/**
 * Turns a presented key into an actor. One statement, outside any transaction, finds the row through the
 * key-holder policy on its public prefix (app_api_key_by_prefix, migration 0008), so each request checks
 * revocation and expiry afresh at the cost of one round trip; the secret's hash is compared in constant time.
 */
// convention: no permission check — it is the authentication; the presented key is the credential
// convention: no audit — the last-used time is bookkeeping, written on every request
export async function authenticateApiKey(deps: Deps, presented: string): Promise<Actor> {
  const match = API_KEY_PATTERN.exec(presented);
  // Built only when needed: an error captures a stack trace, which is not free on every request.
  const invalid = () => new AppError("api_key_invalid", "The API key is unknown, revoked or expired.");
  if (!match) throw invalid();
  const [, prefix, secret] = match as unknown as [string, string, string];
  const [row] = rowsOf<KeyLookupRow>(
    await deps.db.app.execute(sql`select * from app_api_key_by_prefix(${prefix})`),
  );
  if (!row || !equalBytes(new Uint8Array(row.secret_hash), sha256Bytes(secret))) throw invalid();
  if (row.revoked_at || (row.expires_at && new Date(row.expires_at).getTime() <= Date.now())) throw invalid();
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() >= LAST_USED_WRITE_INTERVAL_MS) {
    await transaction(deps.db, { organizationId: row.organization_id }, (tx) =>
      tx.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id)),
    );
  }
  return {
    type: "api_key",
    apiKeyId: row.id,
    organizationId: row.organization_id,
    organization: { id: row.organization_id, kind: row.organization_kind, name: row.organization_name },
    name: row.name,
    scopes: row.scopes as ApiKeyScope[],
  };
}
