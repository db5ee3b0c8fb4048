import type { Schemas } from "@nns/api-client";
// The subpath, as for money: the package root also loads the password policy's dictionary.
import { API_KEY_SCOPES } from "@nns/domain/permissions";

export type ApiKey = Schemas["ApiKey"];
export type Scope = ApiKey["scopes"][number];

/**
 * The scopes an API key may be given, in the order the form shows them: the domain's list, so a new scope
 * reaches the form (and, through the typed translation keys, demands a label and description in sv and en).
 */
export const SCOPES: readonly Scope[] = API_KEY_SCOPES;

/** i18next reads ":" as its namespace separator, so translation keys use "_" instead. */
export type ScopeKey<S extends string> = S extends `${infer A}:${infer B}` ? `${A}_${B}` : never;

export function scopeKey(scope: Scope): ScopeKey<Scope> {
  return scope.replace(":", "_") as ScopeKey<Scope>;
}
