import { headerRecord } from "./headers.js";

/** A fresh key for one logical operation: keep it to retry that operation, never reuse it for another. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/**
 * The request options with an `Idempotency-Key` header (docs/api.md, Idempotency), so that a retry after a
 * lost answer creates nothing twice. Pass the same `key` when retrying; by default a new one is made.
 *
 *   const key = newIdempotencyKey();
 *   const sent = await unwrap(api.POST("/orgs/{orgId}/training-requests", withIdempotencyKey({ params, body }, key)));
 *   // on a timeout: the same call with the same key answers the stored result, `Idempotent-Replayed: true`
 */
export function withIdempotencyKey<Options extends object>(
  options: Options,
  key: string = newIdempotencyKey(),
): Options & { headers: Record<string, string> } {
  const headers = headerRecord((options as { headers?: unknown }).headers);
  return { ...options, headers: { ...headers, "idempotency-key": key } };
}
