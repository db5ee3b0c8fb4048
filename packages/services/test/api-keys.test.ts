import { describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey, enterOrganization, revokeApiKey } from "../src/index.js";
import { expectAudited, expectRefused } from "./audit.js";
import { freshTenant, nnsTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();

describe("createApiKey", () => {
  it("the admin creates a key: the row and the audit entry in one transaction, the secret in neither", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const { apiKey, secret } = await createApiKey(admin, {
      name: "Rapportering",
      scopes: ["interventions:read", "interventions:read", "audit:read"],
      expiresAt: null,
    });
    expect(apiKey.scopes).toEqual(["interventions:read", "audit:read"]);
    const entry = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "api_key.created",
      entityType: "api_key",
      entityId: apiKey.id,
      actor: admin,
      after: { name: "Rapportering", scopes: ["interventions:read", "audit:read"], status: "active" },
      sameTransactionAs: { table: "api_keys", where: { id: apiKey.id } },
    });
    const secretPart = secret.split("_")[2] as string;
    expect(JSON.stringify(entry.after)).not.toContain(secretPart);
    // The key works, with exactly its scopes, in its own förbund.
    const actor = await authenticateApiKey(env.deps, secret);
    const keyCtx = await enterOrganization({ deps: env.deps, actor, requestId: null }, organization.id);
    expect([...keyCtx.permissions].sort()).toEqual(["audit:read", "interventions:read"]);
  });

  it("an editor or viewer may not create keys, nor an NNS admin coordinating the förbund", async () => {
    const { organization, editor, viewer } = await freshTenant(env.deps);
    const nns = await nnsTenant(env.deps);
    const coordinating = await nns.coordinating(organization.id);
    for (const ctx of [editor, viewer, coordinating]) {
      await expectRefused(
        env.deps,
        () => createApiKey(ctx, { name: "Obehörig", scopes: ["org:read"], expiresAt: null }),
        "forbidden",
        ["api_keys"],
      );
    }
  });

  it("scopes outside the list (a key minting keys), none at all, or a past expiry are refused", async () => {
    const { admin } = await freshTenant(env.deps);
    for (const input of [
      { name: "Nyckelsmed", scopes: ["api_keys:manage"], expiresAt: null },
      { name: "Tom", scopes: [], expiresAt: null },
      { name: "Gammal", scopes: ["org:read"], expiresAt: new Date(Date.now() - 1000) },
    ]) {
      await expectRefused(env.deps, () => createApiKey(admin, input), "validation_failed", ["api_keys"]);
    }
  });
});

describe("revokeApiKey", () => {
  it("the admin revokes a key: audited with before and after, and the key stops working", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const { apiKey, secret } = await createApiKey(admin, {
      name: "Kort",
      scopes: ["org:read"],
      expiresAt: null,
    });
    const revoked = await revokeApiKey(admin, apiKey.id);
    expect(revoked.status).toBe("revoked");
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: apiKey.id,
      actor: admin,
      before: { status: "active" },
      after: { status: "revoked" },
      sameTransactionAs: { table: "api_keys", where: { id: apiKey.id } },
    });
    await expect(authenticateApiKey(env.deps, secret)).rejects.toMatchObject({ code: "api_key_invalid" });
  });

  it("a viewer may not revoke; another förbund's admin does not find the key", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const { apiKey } = await createApiKey(a.admin, { name: "Kvar", scopes: ["org:read"], expiresAt: null });
    await expectRefused(env.deps, () => revokeApiKey(a.viewer, apiKey.id), "forbidden", ["api_keys"]);
    await expectRefused(env.deps, () => revokeApiKey(b.admin, apiKey.id), "not_found", ["api_keys"]);
  });

  it("a key cannot revoke keys, even its own", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const { apiKey, secret } = await createApiKey(admin, {
      name: "Allt den får",
      scopes: ["org:read", "members:manage"],
      expiresAt: null,
    });
    const actor = await authenticateApiKey(env.deps, secret);
    const keyCtx = await enterOrganization({ deps: env.deps, actor, requestId: null }, organization.id);
    await expectRefused(env.deps, () => revokeApiKey(keyCtx, apiKey.id), "forbidden", ["api_keys"]);
  });
});
