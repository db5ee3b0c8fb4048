import { createApiClient, type FieldError, isProblem, type Problem } from "@nns/api-client";
import { LOCAL_RULE, problemSentence, requiredText, ruleText } from "../i18n/problems";
import { emptyField, emptyRequiredFields, formFieldName, inFormOrder } from "./form-fields";

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

/** A field error's text: the admin's own for its local checks, else its rule's (never the API's English). */
export function fieldErrorText(error: FieldError): string {
  return error.rule === LOCAL_RULE ? error.message : ruleText(error.rule);
}

const byError = new WeakMap<ApiError, Record<string, string>>();

/**
 * Problem field errors keyed by form field name (`body.email` → `email`), for react-aria's Form, one per
 * field. Given the form that was sent, an error names the form's own field (`sessionIds.0` → `sessionIds`)
 * and a field left empty asks to be filled in, whatever rule the API says it broke. Errors on the path are
 * left out: no field holds them, and `problemSentence` says what is gone. The same error always gives the
 * same object: react-aria clears a field's server error when the person edits it, but only until it
 * receives a new errors object, so a fresh object on every render would pin the error.
 */
export function fieldErrors(error: unknown, form?: HTMLFormElement | null): Record<string, string> {
  if (!(error instanceof ApiError)) return NO_ERRORS;
  const cached = form ? undefined : byError.get(error);
  if (cached) return cached;
  const found = new Map<string, string>();
  for (const e of error.problem.errors ?? []) {
    if (e.field.startsWith("path.")) continue;
    const sent = e.field.replace(/^(body|query)\./, "");
    const name = form ? formFieldName(form, sent) : sent;
    const empty = form && e.rule !== LOCAL_RULE ? emptyField(form, name) : null;
    if (!found.has(name)) found.set(name, empty ? requiredText(empty === "choice") : fieldErrorText(e));
  }
  if (!form) {
    const out = Object.fromEntries(found);
    byError.set(error, out);
    return out;
  }
  // Refused input: every required field left empty is marked too, not only those the API got to.
  if (error.problem.code === "validation_failed") {
    for (const [name, kind] of emptyRequiredFields(form)) {
      if (!found.has(name)) found.set(name, requiredText(kind === "choice"));
    }
  }
  return Object.fromEntries(
    inFormOrder(form, [...found.keys()]).map((name) => [name, found.get(name) ?? ""]),
  );
}

/** A failure in one sentence, for a status message: what is wrong with the fields, else what went wrong. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = [...new Set(Object.values(fieldErrors(error)))];
    return fields.length > 0 ? fields.join(" ") : problemSentence(error.problem);
  }
  return error instanceof Error ? error.message : String(error);
}
