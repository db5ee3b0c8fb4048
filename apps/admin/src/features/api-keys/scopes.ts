import type { Schemas } from "@nns/api-client";

export type ApiKey = Schemas["ApiKey"];
export type Scope = ApiKey["scopes"][number];

/** The scopes an API key may be given, in the order the form shows them (as in @nns/domain API_KEY_SCOPES). */
export const SCOPES: readonly Scope[] = ["org:read", "members:read", "members:manage", "audit:read"];

/** i18next reads ":" as its namespace separator, so translation keys use "_" instead. */
export function scopeKey(scope: Scope): "org_read" | "members_read" | "members_manage" | "audit_read" {
  return scope.replace(":", "_") as ReturnType<typeof scopeKey>;
}
