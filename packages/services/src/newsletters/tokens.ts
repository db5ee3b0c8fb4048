import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { type Database, signingKeys, transaction } from "@nns/db";
import { eq } from "drizzle-orm";

/**
 * Signed, stateless tokens for the links a subscriber follows without signing in: confirm a
 * subscription, unsubscribe in one click (RFC 8058), see or erase their data. A token names its purpose,
 * the publication's owner and the subscriber, and (except for unsubscribe, which must keep working in an
 * old issue) an expiry; it is an HMAC-SHA256 over those with a key kept in `signing_keys`, so every
 * replica checks what any other signed and a send of 50 000 needs no row per link.
 */
// "event_cancel": an event's self-registered participant cancelling their sign-up (trainings/event-signup-public.ts).
export type TokenPurpose = "confirm" | "unsubscribe" | "manage" | "event_cancel";

export interface SubscriberToken {
  purpose: TokenPurpose;
  organizationId: string;
  subscriberId: string;
  /** Seconds since the epoch; 0: does not expire. */
  expiresAt: number;
}

const KEY_NAME = "newsletter-links";
const keys = new WeakMap<Database, Promise<Buffer>>();

// convention: no permission check — the server's own key, read before any caller is known
// convention: no audit — making the key once is installation bookkeeping, not a change to anyone's data
/** The signing key, made once per installation (the first replica to ask wins the insert). */
// convention: no permission check — a platform key made on first use, nobody's data
// convention: no audit — the key is never changed or shown, only made once
export function signingKey(db: Database): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = transaction(db, {}, async (tx) => {
      await tx
        .insert(signingKeys)
        .values({ name: KEY_NAME, secret: randomBytes(32).toString("base64url") })
        .onConflictDoNothing();
      const [row] = await tx.select().from(signingKeys).where(eq(signingKeys.name, KEY_NAME));
      if (!row) throw new Error("The newsletter signing key could not be read.");
      return Buffer.from(row.secret, "base64url");
    });
    // A failed read (database down at start) is tried again by the next caller instead of cached.
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

function mac(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function signToken(key: Buffer, token: SubscriberToken): string {
  const body = [token.purpose, token.organizationId, token.subscriberId, String(token.expiresAt)].join(".");
  return `${Buffer.from(body).toString("base64url")}.${mac(key, body)}`;
}

/** The token's claims if the signature holds, the purpose matches and it has not expired; else null. */
export function verifyToken(
  key: Buffer,
  value: string,
  purpose: TokenPurpose,
  now: Date = new Date(),
): SubscriberToken | null {
  const [encoded, signature, extra] = value.split(".");
  if (!encoded || !signature || extra !== undefined) return null;
  const body = Buffer.from(encoded, "base64url").toString();
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [tokenPurpose, organizationId, subscriberId, expires] = body.split(".");
  const expiresAt = Number(expires);
  if (tokenPurpose !== purpose || !organizationId || !subscriberId || !Number.isInteger(expiresAt))
    return null;
  if (expiresAt !== 0 && expiresAt * 1000 < now.getTime()) return null;
  return { purpose, organizationId, subscriberId, expiresAt };
}
