import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./env.js";

/**
 * `__Host-nns_session`: HttpOnly, Secure, SameSite=Lax, Path=/, no Domain, and no Max-Age, so it ends
 * with the browser; the server's idle and absolute timeouts bound it anyway. With COOKIE_SECURE=false
 * (plain-http development on another host than localhost) the prefix is dropped, since browsers refuse
 * `__Host-` cookies without Secure.
 */
export const SESSION_COOKIE = "nns_session";

function prefix(c: Context<AppEnv>) {
  return c.get("options").cookieSecure ? ("host" as const) : undefined;
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE, prefix(c));
}

export function writeSessionCookie(c: Context<AppEnv>, token: string): void {
  const secure = c.get("options").cookieSecure;
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "Lax",
    prefix: prefix(c),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = c.get("options").cookieSecure;
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, secure, sameSite: "Lax", prefix: prefix(c) });
}
