import { DEVICE_TRUST_MS } from "@nns/services";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./env.js";

/**
 * `__Host-nns_device`: proof that this browser has signed in before, so attackers' failed sign-ins do not
 * hold it back (packages/services/src/throttle.ts). It grants nothing by itself. HttpOnly, Secure,
 * SameSite=Lax, and `__Host-` so no sibling host can plant a token of its choosing; kept as long as the
 * server trusts it. With COOKIE_SECURE=false the prefix and Secure are dropped, as for the session cookie.
 */
const DEVICE_COOKIE = "nns_device";

function prefix(c: Context<AppEnv>) {
  return c.get("options").cookieSecure ? ("host" as const) : undefined;
}

export function readDeviceCookie(c: Context<AppEnv>): string | null {
  return getCookie(c, DEVICE_COOKIE, prefix(c)) ?? null;
}

export function writeDeviceCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, DEVICE_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: c.get("options").cookieSecure,
    sameSite: "Lax",
    maxAge: DEVICE_TRUST_MS / 1000,
    prefix: prefix(c),
  });
}
