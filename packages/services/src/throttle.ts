import { loginThrottle, loginTrust, type Tx } from "@nns/db";
import { AppError } from "@nns/domain";
import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Deps } from "./context.js";
import { randomToken, sha256Bytes, sha256Hex } from "./crypto.js";

/**
 * Login throttling that an attacker cannot turn against the account's owner (decision 0009, after OWASP's
 * device cookies and ASVS 6.3). Failures are counted in `login_throttle`, shared by every replica, per
 * window:
 * - per account and client address (`pair`): a guesser is slowed down where they are, and no one else is;
 * - per account and per address over every client that has no proof of an earlier sign-in: the limits a
 *   distributed attack trips, which then hold back only such unproven clients.
 * A browser that signed in to the account before (device cookie) is counted on its own and never held
 * back by anyone else's failures; an address the account signed in from recently is counted per pair only.
 */

export const DEVICE_TRUST_MS = 90 * 86_400_000;
const ADDRESS_TRUST_MS = 30 * 86_400_000;

/** Who is signing in, from which address, with the device cookie's token if the browser sent one. */
export interface LoginClient {
  email: string;
  ip: string | null;
  deviceToken: string | null;
}

type Trust = "device" | "address" | "none";

interface Counter {
  key: string;
  limit: number;
  /** Whether a success clears the counter, or only gives its own attempt back. */
  onSuccess: "clear" | "give_back";
  message: string;
}

/** What an attempt was charged to, so that a success can settle it. */
export interface Claim {
  counters: Counter[];
}

const NO_USER = "00000000-0000-0000-0000-000000000000";

const TRY_LATER = "För många misslyckade inloggningsförsök. Försök igen senare.";
const UNPROVEN_HELD =
  "För många misslyckade inloggningsförsök från nya enheter. Logga in från en enhet du har använt förut, " +
  "försök igen senare eller återställ lösenordet via e-post: då släpps den här enheten in.";

/** The proof of earlier sign-ins the client has for this person, the strongest first. */
async function trustOf(tx: Tx, userId: string, client: LoginClient): Promise<Trust> {
  const proofs = [
    client.deviceToken
      ? and(eq(loginTrust.kind, "device"), eq(loginTrust.proofHash, sha256Bytes(client.deviceToken)))
      : undefined,
    client.ip
      ? and(eq(loginTrust.kind, "address"), eq(loginTrust.proofHash, sha256Bytes(client.ip)))
      : undefined,
  ].filter((proof) => proof !== undefined);
  if (proofs.length === 0) return "none";
  const rows = await tx
    .select({ kind: loginTrust.kind })
    .from(loginTrust)
    .where(and(eq(loginTrust.userId, userId), gt(loginTrust.expiresAt, new Date()), or(...proofs)));
  const kinds = new Set(rows.map((row) => row.kind));
  return kinds.has("device") ? "device" : kinds.has("address") ? "address" : "none";
}

function countersFor(deps: Deps, client: LoginClient, trust: Trust): Counter[] {
  const { maxPerPair, maxPerAccount, maxPerIp } = deps.config.loginThrottle;
  if (trust === "device") {
    const device = sha256Hex(client.deviceToken ?? "").slice(0, 32);
    return [
      { key: `device:${client.email}|${device}`, limit: maxPerPair, onSuccess: "clear", message: TRY_LATER },
    ];
  }
  const pair: Counter = {
    key: `pair:${client.email}|${client.ip ?? "unknown"}`,
    limit: maxPerPair,
    onSuccess: "clear",
    message: TRY_LATER,
  };
  if (trust === "address") return [pair];
  return [
    pair,
    ...(client.ip
      ? [{ key: `ip:${client.ip}`, limit: maxPerIp, onSuccess: "give_back", message: UNPROVEN_HELD } as const]
      : []),
    { key: `account:${client.email}`, limit: maxPerAccount, onSuccess: "give_back", message: UNPROVEN_HELD },
  ];
}

/**
 * Adds one to a counter in `login_throttle` (shared by every replica) and returns the new count: one upsert,
 * so parallel requests cannot all slip past a limit; a window older than `windowMs` starts afresh. Counted
 * inside the caller's transaction, so an attempt refused by rolling it back is not counted.
 */
export async function countInWindow(
  tx: Tx,
  key: string,
  windowMs: number,
): Promise<{ count: number; windowStartedAt: Date }> {
  const expired = sql`${loginThrottle.windowStartedAt} < now() - make_interval(secs => ${windowMs / 1000})`;
  const [row] = await tx
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginThrottle.failures, windowStartedAt: loginThrottle.windowStartedAt });
  if (!row) throw new Error(`The counter ${key} could not be read.`);
  return { count: row.failures, windowStartedAt: row.windowStartedAt };
}

/** 429 with Retry-After: the seconds until the counter's window ends. */
export function tooMany(message: string, windowStartedAt: Date, windowMs: number): AppError {
  const retryAfter = Math.max(1, Math.ceil((windowStartedAt.getTime() + windowMs - Date.now()) / 1000));
  return new AppError("rate_limited", message, { headers: { "Retry-After": String(retryAfter) } });
}

/**
 * Counts a sign-in attempt before the password is checked, atomically (one upsert per counter that returns
 * the new count), so parallel guesses cannot all slip past a limit while argon2 runs. An attempt over a
 * limit is refused with 429 and Retry-After and, since the transaction then rolls back, not counted.
 * `userId` is null for an unknown email, which is counted all the same and looked up like any other, so
 * the time taken does not tell whether the account exists.
 */
export async function claimAttempt(
  tx: Tx,
  deps: Deps,
  userId: string | null,
  client: LoginClient,
): Promise<Claim> {
  const { windowMs } = deps.config.loginThrottle;
  const trust = await trustOf(tx, userId ?? NO_USER, client);
  const counters = countersFor(deps, client, trust);
  for (const counter of counters) {
    const row = await countInWindow(tx, counter.key, windowMs);
    if (row.count > counter.limit) throw tooMany(counter.message, row.windowStartedAt, windowMs);
  }
  return { counters };
}

/** After a correct password: the pair (or device) starts afresh, the wider counters get the attempt back. */
export async function settleSuccess(tx: Tx, claim: Claim): Promise<void> {
  for (const counter of claim.counters) {
    if (counter.onSuccess === "clear") {
      await tx.delete(loginThrottle).where(eq(loginThrottle.key, counter.key));
    } else {
      await tx
        .update(loginThrottle)
        .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
        .where(eq(loginThrottle.key, counter.key));
    }
  }
}

/**
 * Remembers a proven sign-in (correct password, or a password reset from the emailed link): the browser's
 * device token and the client address, so neither is held back by others' failures later. The device
 * token is reused only if we issued it (so one browser can be known for several accounts), never adopted
 * from an unknown cookie. Returns the token for the device cookie.
 */
export async function rememberSignIn(
  tx: Tx,
  userId: string,
  client: { ip: string | null; deviceToken: string | null },
): Promise<string> {
  const now = Date.now();
  const presented = client.deviceToken
    ? await tx
        .select({ userId: loginTrust.userId })
        .from(loginTrust)
        .where(
          and(
            eq(loginTrust.kind, "device"),
            eq(loginTrust.proofHash, sha256Bytes(client.deviceToken)),
            gt(loginTrust.expiresAt, new Date(now)),
          ),
        )
        .limit(1)
    : [];
  const token =
    presented.length > 0 && client.deviceToken ? client.deviceToken : randomToken() + randomToken();
  const proofs = [
    { kind: "device" as const, proof: token, expiresAt: new Date(now + DEVICE_TRUST_MS) },
    ...(client.ip
      ? [{ kind: "address" as const, proof: client.ip, expiresAt: new Date(now + ADDRESS_TRUST_MS) }]
      : []),
  ];
  for (const { kind, proof, expiresAt } of proofs) {
    await tx
      .insert(loginTrust)
      .values({ userId, kind, proofHash: sha256Bytes(proof), expiresAt })
      .onConflictDoUpdate({
        target: [loginTrust.kind, loginTrust.proofHash, loginTrust.userId],
        set: { expiresAt },
      });
  }
  return token;
}
