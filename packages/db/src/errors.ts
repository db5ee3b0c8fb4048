/**
 * Errors that mean "the database cannot be reached right now", as opposed to "the database refused this
 * request". They come from the socket (Node's error codes), from postgres.js (its own codes for a closed,
 * ended or timed-out connection) or from the server (SQLSTATE class 08 and the shutdown/start-up codes),
 * and drizzle wraps any of them in a DrizzleQueryError whose `cause` holds the original.
 */

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

const DRIVER_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

const SERVER_CODES = new Set([
  "57P01", // admin_shutdown: the server is stopping (pg_ctl stop/restart -m fast)
  "57P02", // crash_shutdown: another backend crashed and the server is resetting
  "57P03", // cannot_connect_now: the server is starting up or shutting down
  "57P05", // idle_session_timeout: the server closed an idle session
  "53300", // too_many_connections
]);

function isConnectionCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return (
    SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)
  );
}

/**
 * True when the error, or anything it wraps (`cause`, an AggregateError's `errors`), says the database
 * connection failed. A write that fails this way may or may not have committed.
 */
export function isConnectionError(error: unknown): boolean {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const candidate = pending.pop();
    if (candidate === null || typeof candidate !== "object" || seen.has(candidate)) continue;
    seen.add(candidate);
    const { code, cause, errors } = candidate as { code?: unknown; cause?: unknown; errors?: unknown };
    if (isConnectionCode(code)) return true;
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
