import type { components } from "./schema.js";

export type Problem = components["schemas"]["Problem"];
export type FieldError = components["schemas"]["FieldError"];

/** What openapi-fetch answers: `data` on success, `error` (the parsed body) otherwise, and the response. */
export type ApiResult<Data> = { data?: Data; error?: unknown; response: Response };

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" && value !== null && "code" in value && "status" in value && "title" in value
  );
}

/**
 * An RFC 9457 problem the API answered, as an Error: branch on `code` (stable, listed in docs/api.md),
 * show `fieldErrors` next to the fields they name, and quote `requestId` to support. An answer that is
 * not problem+json (a proxy's HTML error page) still becomes an ApiProblem, with code `http_<status>`.
 */
export class ApiProblem extends Error {
  override readonly name = "ApiProblem";
  readonly status: number;
  readonly code: string;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | null;
  readonly fieldErrors: readonly FieldError[];
  /** The parsed body as the API sent it, or the text when it was not a problem. */
  readonly body: unknown;
  /** Seconds from `Retry-After` (429, 503), or null. */
  readonly retryAfterSeconds: number | null;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : null;
    const detail = problem?.detail ?? (typeof body === "string" ? body.slice(0, 200) : response.statusText);
    super(`${response.status} ${problem?.code ?? `http_${response.status}`}: ${detail}`);
    this.status = response.status;
    this.code = problem?.code ?? `http_${response.status}`;
    this.type = problem?.type ?? "about:blank";
    this.title = problem?.title ?? response.statusText;
    this.detail = detail;
    this.requestId = problem?.requestId ?? response.headers.get("x-request-id");
    this.fieldErrors = problem?.errors ?? [];
    this.body = body;
    const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
    this.retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : null;
  }

  /** The field problems for one field, e.g. `problem.errorsFor("body.email")`. */
  errorsFor(field: string): FieldError[] {
    return this.fieldErrors.filter((e) => e.field === field);
  }
}

/**
 * The data of a successful call, or an ApiProblem thrown for any other answer:
 *
 *   const training = await unwrap(api.GET("/orgs/{orgId}/trainings/{trainingId}", { params }));
 */
export async function unwrap<Data>(result: ApiResult<Data> | Promise<ApiResult<Data>>): Promise<Data> {
  const { data, error, response } = await result;
  if (!response.ok) throw new ApiProblem(response, error);
  return data as Data;
}
