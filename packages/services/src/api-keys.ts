import { apiKeys, organizations, setScope, transaction } from "@nns/db";
import { API_KEY_SCOPES, type ApiKeyScope, AppError, type Page, toPage } from "@nns/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { requirePermission } from "./access.js";
import { audit } from "./audit.js";
import type { Actor, Deps, OrgContext } from "./context.js";
import { equalBytes, randomToken, sha256Bytes } from "./crypto.js";
import { afterCursor, type PageRequest, readTimestampCursor } from "./pagination.js";

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
  const after = readTimestampCursor(page.cursor);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.organizationId, ctx.organization.id),
          afterCursor(apiKeys.createdAt, apiKeys.id, after && { value: after.at, id: after.id }, "desc"),
        ),
      )
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(page.limit + 1);
    return toPage(rows.map(view), page.limit, (k) => ({ k: k.createdAt.toISOString(), id: k.id }));
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

/**
 * Turns a presented key into an actor. The row is found through the key-holder policy on its public
 * prefix, then the secret's hash is compared in constant time.
 */
export async function authenticateApiKey(deps: Deps, presented: string): Promise<Actor> {
  const match = API_KEY_PATTERN.exec(presented);
  const invalid = new AppError("api_key_invalid", "The API key is unknown, revoked or expired.");
  if (!match) throw invalid;
  const [, prefix, secret] = match as unknown as [string, string, string];
  return transaction(deps.db, { settings: { "app.api_key_prefix": prefix } }, async (tx) => {
    const [found] = await tx
      .select({
        key: apiKeys,
        organization: { id: organizations.id, kind: organizations.kind, name: organizations.name },
      })
      .from(apiKeys)
      .innerJoin(
        organizations,
        and(eq(organizations.id, apiKeys.organizationId), isNull(organizations.deletedAt)),
      )
      .where(eq(apiKeys.prefix, prefix));
    const row = found?.key;
    if (!found || !row || !equalBytes(new Uint8Array(row.secretHash), sha256Bytes(secret))) throw invalid;
    if (view(row).status !== "active") throw invalid;
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_WRITE_INTERVAL_MS) {
      await setScope(tx, { organizationId: row.organizationId });
      await tx.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
    }
    return {
      type: "api_key",
      apiKeyId: row.id,
      organizationId: row.organizationId,
      organization: found.organization,
      name: row.name,
      scopes: row.scopes as ApiKeyScope[],
    };
  });
}
