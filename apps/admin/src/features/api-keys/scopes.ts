import type { Schemas } from "@nns/api-client";

export type ApiKey = Schemas["ApiKey"];
export type Scope = ApiKey["scopes"][number];

/** The scopes an API key may be given, in the order the form shows them (as in @nns/domain API_KEY_SCOPES). */
export const SCOPES: readonly Scope[] = [
  "org:read",
  "members:read",
  "members:manage",
  "audit:read",
  "trainings:read",
  "trainings:register",
  "interventions:read",
  "interventions:write",
];

/** i18next reads ":" as its namespace separator, so translation keys use "_" instead. */
type ScopeKey<S extends string> = S extends `${infer A}:${infer B}` ? `${A}_${B}` : never;

export function scopeKey(scope: Scope): ScopeKey<Scope> {
  return scope.replace(":", "_") as ScopeKey<Scope>;
}
