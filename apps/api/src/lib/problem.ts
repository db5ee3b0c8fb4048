import { isConnectionError } from "@nns/db";
import { AppError, ERROR_CATALOGUE, type ErrorCode, type FieldError } from "@nns/domain";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import type { AppEnv } from "./env.js";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

export function problemBody(
  c: Context<AppEnv>,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
): ProblemBody {
  const entry = ERROR_CATALOGUE[code];
  return {
    type: `urn:problem:nns:${code}`,
    title: entry.title,
    status: entry.status,
    detail: detail ?? entry.title,
    code,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId") ?? "",
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemResponse(c: Context<AppEnv>, error: AppError): Response {
  const body = problemBody(c, error.code, error.message, error.errors);
  // Through the context, so headers set earlier in the request (X-Request-Id, a cleared cookie) stay.
  return c.body(JSON.stringify(body), body.status as 400, {
    "content-type": PROBLEM_CONTENT_TYPE,
    ...(error.headers ?? {}),
  });
}

const TARGET_NAMES: Record<string, string> = {
  json: "body",
  form: "body",
  param: "path",
  query: "query",
  header: "header",
  cookie: "cookie",
};

export function zodFieldErrors(target: string, error: ZodError): FieldError[] {
  const prefix = TARGET_NAMES[target] ?? target;
  return error.issues.flatMap((issue) =>
    // One error per unknown key, at its own path, so the answer names each parameter or field.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          field: [prefix, ...issue.path.map(String), key].join("."),
          rule: issue.code,
          message: `Unrecognized key: "${key}"`,
        }))
      : [
          {
            field: [prefix, ...issue.path.map(String)].join("."),
            rule:
              issue.code === "invalid_format" && "format" in issue
                ? `invalid_format:${String(issue.format)}`
                : issue.code,
            message: issue.message,
          },
        ],
  );
}

/**
 * Strings holding U+0000, which PostgreSQL text cannot store, by field path. Checked once here for every
 * input rather than by a pattern on each of the contract's free-text strings; `info.description` states it.
 */
function nulCharacters(value: unknown, path: string[]): string[][] {
  if (typeof value === "string") return value.includes("\u0000") ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacters(item, [...path, String(i)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => nulCharacters(item, [...path, key]));
  return [];
}

/** The hook every route's validators use: bad input becomes a 400 naming each field and rule. */
export function validationHook(
  result:
    | { success: true; data: unknown; target: string }
    | { success: false; error: ZodError; target: string },
  c: Context<AppEnv>,
): Response | undefined {
  if (result.success) {
    const prefix = TARGET_NAMES[result.target] ?? result.target;
    const errors = nulCharacters(result.data, [prefix]).map((path) => ({
      field: path.join("."),
      rule: "no_nul_character",
      message: "Texten får inte innehålla tecknet NUL (U+0000).",
    }));
    if (errors.length === 0) return undefined;
    return problemResponse(
      c,
      new AppError("validation_failed", `${errors[0]?.field}: no NUL character (U+0000)`, { errors }),
    );
  }
  const errors = zodFieldErrors(result.target, result.error);
  const first = errors[0];
  return problemResponse(
    c,
    new AppError(
      "validation_failed",
      first ? `${first.field}: ${first.message}` : "The request is not valid.",
      { errors },
    ),
  );
}

/** Unique and check violations that slip past service validation still answer 409/422, not 500. */
function databaseError(error: unknown): AppError | null {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown })?.code;
    if (code === "23505") return new AppError("conflict", "The change conflicts with existing data.");
    // Row-level security refused the row: to the caller it does not exist (or no longer does).
    if (code === "42501") return new AppError("not_found", "The resource does not exist.");
    if (code === "23514" || code === "23503") {
      return new AppError("unprocessable", "The change breaks a rule of the data model.");
    }
    if (code === "40001" || code === "40P01")
      return new AppError("conflict", "A concurrent change won; retry the request.");
    // Class 22 is "data exception": a value the database cannot take (a NUL character, year 0, a malformed id).
    if (typeof code === "string" && code.startsWith("22")) {
      return new AppError(
        "validation_failed",
        "A value in the request cannot be stored or compared (a NUL character, an impossible date or a malformed id).",
      );
    }
  }
  return null;
}

/** Seconds a client should wait before retrying while the database is unreachable; a restart takes about one. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  // Checked before SQLSTATE mapping: a lost connection is never the caller's fault, and a write in flight
  // may or may not have committed, so it must not look like success or like a refusal.
  if (isConnectionError(error)) {
    return new AppError(
      "service_unavailable",
      "The database cannot be reached right now. Retry later; a write in flight may or may not have been saved, so retry creating requests with the same Idempotency-Key.",
      { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 400) return new AppError("malformed_json", "The request body is not valid JSON.");
    if (status === 413) return new AppError("payload_too_large");
    if (status === 415) return new AppError("unsupported_media_type");
    if (status === 404) return new AppError("not_found");
    if (status === 401) return new AppError("unauthenticated");
    if (status === 403) return new AppError("forbidden");
    return null;
  }
  return databaseError(error);
}
