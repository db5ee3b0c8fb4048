import { createApiClient, isProblem, type Problem } from "@nns/api-client";
import { i18n } from "../i18n";

/** The admin uses the same generated client as integrators, on the same origin with the session cookie. */
export const api = createApiClient({ baseUrl: "/v1", credentials: "same-origin" });

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.problem = problem;
  }
  get status() {
    return this.problem.status;
  }
}

function fallbackProblem(status: number): Problem {
  return {
    type: "about:blank",
    title: "Network error",
    status,
    detail: status === 0 ? "Kunde inte nå servern." : `Oväntat svar (${status}).`,
    code: status === 0 ? "network" : "internal",
    instance: "",
    requestId: "",
  };
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem+json. */
export async function call<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await promise;
  } catch {
    throw new ApiError(fallbackProblem(0));
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(isProblem(result.error) ? result.error : fallbackProblem(result.response.status));
  }
  return result.data as T;
}

const NO_ERRORS: Record<string, string> = {};

/**
 * The API's schema validation names a rule (zod's codes) with an English message; the services' own rules
 * already come in Swedish. Schema rules are shown in the app's language instead.
 */
export function localizedMessage(rule: string, message: string): string {
  const key = `validation.${rule.replace(":", "_")}`;
  return i18n.exists(key) ? i18n.t(key) : message;
}
const byError = new WeakMap<ApiError, Record<string, string>>();

/**
 * Problem field errors keyed by form field name (`body.email` → `email`), for react-aria's Form. The same
 * error always gives the same object: react-aria clears a field's server error when the person edits it,
 * but only until it receives a new errors object, so a fresh object on every render would pin the error.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return NO_ERRORS;
  let out = byError.get(error);
  if (!out) {
    out = {};
    for (const e of error.problem.errors ?? []) {
      const name = e.field.replace(/^(body|query|path)\./, "");
      out[name] ??= localizedMessage(e.rule, e.message);
    }
    byError.set(error, out);
  }
  return out;
}

/** A failure in one sentence, for a status message: the API's field messages, else its detail. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors?.map((e) => e.message) ?? [];
    return fields.length > 0 ? fields.join(" ") : error.problem.detail;
  }
  return error instanceof Error ? error.message : String(error);
}
