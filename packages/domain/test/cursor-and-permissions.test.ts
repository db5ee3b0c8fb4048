import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, toPage } from "../src/cursor.js";
import { ERROR_CATALOGUE } from "../src/errors.js";
import {
  API_KEY_SCOPES,
  assignableRoles,
  effectivePermissions,
  PERMISSIONS,
  permissionsForRole,
  ROLES,
} from "../src/permissions.js";

describe("cursors", () => {
  it("round-trip any key and id", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, id) => {
        expect(decodeCursor(encodeCursor({ k, id }))).toEqual({ k, id });
      }),
    );
  });

  it("reject anything that is not one of ours", () => {
    expect(decodeCursor("not-base64-json")).toBeNull();
    expect(decodeCursor(Buffer.from('{"k":1}').toString("base64url"))).toBeNull();
  });

  it("toPage returns a next cursor only when there is another row", () => {
    const rows = [1, 2, 3].map((n) => ({ id: String(n) }));
    expect(toPage(rows, 3, (r) => ({ k: r.id, id: r.id })).nextCursor).toBeNull();
    const page = toPage(rows, 2, (r) => ({ k: r.id, id: r.id }));
    expect(page.data).toHaveLength(2);
    expect(decodeCursor(page.nextCursor as string)).toEqual({ k: "2", id: "2" });
  });
});

describe("permission matrix", () => {
  it("gives every role only known permissions and org_admin everything a förbund needs", () => {
    for (const role of ROLES) for (const p of permissionsForRole(role)) expect(PERMISSIONS).toContain(p);
    expect([...permissionsForRole("org_admin")]).toEqual(
      expect.arrayContaining(["members:manage", "api_keys:manage", "audit:read"]),
    );
    expect(permissionsForRole("viewer").has("members:manage")).toBe(false);
    expect(permissionsForRole("editor").has("audit:read")).toBe(false);
    expect(permissionsForRole("org_admin").has("organizations:create")).toBe(false);
  });

  it("gives an NNS admin coordination rights in a förbund on top of any role there, but none extra in NNS", () => {
    expect(effectivePermissions(null, true, "forbund").has("org:write")).toBe(true);
    expect(effectivePermissions("viewer", true, "forbund").has("members:manage")).toBe(true);
    expect(effectivePermissions("viewer", false, "forbund").has("members:manage")).toBe(false);
    expect(effectivePermissions(null, true, "forbund").has("api_keys:manage")).toBe(false);
    expect([...effectivePermissions("viewer", true, "nns")]).toEqual([...permissionsForRole("viewer")]);
  });

  it("never lets an API key mint keys or create organizations", () => {
    expect(API_KEY_SCOPES).not.toContain("api_keys:manage");
    expect(API_KEY_SCOPES).not.toContain("organizations:create");
  });

  it("hands out nns_admin only inside NNS and nothing from editors or viewers", () => {
    expect(assignableRoles("nns_admin", "nns")).toContain("nns_admin");
    expect(assignableRoles("nns_admin", "forbund")).not.toContain("nns_admin");
    expect(assignableRoles("org_admin", "forbund")).toEqual(["org_admin", "editor", "viewer", "coach"]);
    expect(assignableRoles("editor", "forbund")).toEqual([]);
  });

  it("makes handledare (coach) only in a förbund, never through a key, and gives them no one else's data", () => {
    expect(assignableRoles("nns_admin", "nns")).not.toContain("coach");
    expect(assignableRoles("org_admin", "nns")).not.toContain("coach");
    expect(assignableRoles("nns_admin_elsewhere", "forbund")).not.toContain("coach");
    expect(assignableRoles("org_admin", "forbund")).toContain("coach");
    expect(assignableRoles("api_key", "forbund")).not.toContain("coach");
    const coach = permissionsForRole("coach");
    expect(coach.has("progression:record")).toBe(true);
    expect(coach.has("progression:manage")).toBe(false);
    // NNS coordinates nationally but never reaches a förbund's individual progression data.
    const nnsInForbund = effectivePermissions(null, true, "forbund");
    expect(nnsInForbund.has("progression:record")).toBe(false);
    expect(nnsInForbund.has("progression:manage")).toBe(false);
  });
});

describe("error catalogue", () => {
  it("maps every code to a 4xx or 5xx status and a title", () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.title.length, code).toBeGreaterThan(5);
    }
  });
});
