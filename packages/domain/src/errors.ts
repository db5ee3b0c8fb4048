/**
 * The one catalogue of error codes. Every problem+json response carries one of these codes; clients may
 * branch on `code`, never on `title` or `detail`. Codes are stable: add new ones, never rename.
 */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, title: "The request is not valid" },
  malformed_json: { status: 400, title: "The request body is not valid JSON" },
  malformed_request: { status: 400, title: "The request could not be parsed as HTTP" },
  unauthenticated: { status: 401, title: "Authentication is required" },
  invalid_credentials: { status: 401, title: "Email or password is wrong" },
  session_expired: { status: 401, title: "The session has expired" },
  api_key_invalid: { status: 401, title: "The API key is not valid" },
  forbidden: { status: 403, title: "You are not allowed to do this" },
  csrf_rejected: { status: 403, title: "The request's origin is not allowed" },
  not_found: { status: 404, title: "The resource does not exist" },
  conflict: { status: 409, title: "The request conflicts with the current state" },
  idempotency_in_progress: { status: 409, title: "A request with this Idempotency-Key is still in progress" },
  already_exists: { status: 409, title: "The resource already exists" },
  token_invalid: { status: 410, title: "The link is invalid, used or expired" },
  precondition_failed: { status: 412, title: "The resource has changed since you read it" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  unsupported_media_type: { status: 415, title: "The request body must be application/json" },
  idempotency_key_reused: { status: 422, title: "The Idempotency-Key was used for a different request" },
  unprocessable: { status: 422, title: "The request cannot be carried out" },
  rate_limited: { status: 429, title: "Too many attempts" },
  headers_too_large: { status: 431, title: "The request line and headers are too large" },
  internal: { status: 500, title: "Something went wrong on our side" },
  service_unavailable: { status: 503, title: "The service is temporarily unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  /** JSON pointer-like dotted path to the field, e.g. `body.email` or `query.limit`. */
  field: string;
  /** A machine-readable rule name, e.g. `too_small`, `invalid_format`, `common_password`. */
  rule: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_CATALOGUE[code].title);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

export function fieldError(field: string, rule: string, message: string): AppError {
  return new AppError("validation_failed", message, { errors: [{ field, rule, message }] });
}
