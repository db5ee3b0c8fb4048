import { z } from "@hono/zod-openapi";
import { COUNTIES } from "@nns/db/reference";
import { EMAIL_PATTERN, EmailAddress } from "@nns/domain";

export const FieldErrorSchema = z
  .object({
    field: z.string().openapi({ example: "body.email" }),
    rule: z.string().openapi({ example: "invalid_format:email" }),
    message: z.string(),
  })
  .openapi("FieldError", {
    example: { field: "body.email", rule: "invalid_format:email", message: "Ange en giltig e-postadress." },
  });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:problem:nns:validation_failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({
      description: "Stable code from the error catalogue; branch on this.",
      example: "validation_failed",
    }),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi("Problem", {
    example: {
      type: "urn:problem:nns:validation_failed",
      title: "The request is not valid",
      status: 400,
      detail: "Ange en giltig e-postadress.",
      code: "validation_failed",
      instance: "/v1/orgs/e1795367-8a0f-4945-a7b2-663c2b4b8aec/invitations",
      requestId: "5f0c8e1a-3b7d-4c29-9e64-8a1d2f7b3c50",
      errors: [
        { field: "body.email", rule: "invalid_format:email", message: "Ange en giltig e-postadress." },
      ],
    },
  });

const STATUS_TEXT: Record<number, string> = {
  400: "The request is not valid (see errors for each field)",
  401: "Not authenticated",
  403: "Authenticated but not allowed",
  404: "Not found, or not visible to you",
  409: "Conflict",
  410: "The token is invalid, used or expired",
  412: "If-Match did not match the current version",
  413: "Request body too large",
  415: "The body must be JSON",
  422: "The request cannot be carried out",
  429: "Too many attempts",
};

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: STATUS_TEXT[status] ?? "Problem",
        content: { "application/problem+json": { schema: ProblemSchema } },
      },
    ]),
  );
}

/** Whether a route's response is only what `problems()` writes for the status, with nothing of its own. */
export function isGenericProblem(status: number, response: object): boolean {
  return "description" in response && response.description === (STATUS_TEXT[status] ?? "Problem");
}

/**
 * An instant of the years 1900–2999, for the same reason as CalendarDate below. No field-level example:
 * the objects that carry timestamps have whole examples with distinct instants.
 */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .regex(/^(19|2\d)\d{2}-/, "a year from 1900 to 2999")
  .openapi({ format: "date-time" });

/**
 * A calendar date of the years 1900–2999. RFC 3339 allows year 0000, which PostgreSQL has no day of; the
 * product has no date outside these centuries.
 */
export const CalendarDate = z.iso
  .date()
  .regex(/^(19|2\d)\d{2}-/, "a year from 1900 to 2999")
  .openapi({ format: "date", example: "2026-11-24" });

export const OrgIdParams = z.object({
  orgId: z.uuid().openapi({ param: { name: "orgId", in: "path" }, description: "Organization id" }),
});

/** Opaque: no schema can tell a cursor the API returned from any other string. */
export const Cursor = z.string().max(512).openapi({
  description: "nextCursor from the previous page; any other value is refused (400 `invalid_cursor`)",
});

export const PageQuery = z.object({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What a `nextCursor` looks like: opaque to clients (base64url JSON of the last row's sort key and id). */
export const CURSOR_EXAMPLE =
  "eyJrIjoiMjAyNi0xMS0xOFQwODo0MjoxMS41MjNaIiwiaWQiOiI0YjJmOGMxZS05ZDNhLTRlNmItYjdjMC0yYTVmMWU4ZDNjOTcifQ";

/** A page of `item`s; its example is the item's example on a page that has a next one. */
export function pageOf<T extends z.ZodType>(item: T, name: string, itemExample: z.input<T>) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as cursor to get the next page; null on the last page" }),
    })
    .openapi(name, { example: { data: [itemExample], nextCursor: CURSOR_EXAMPLE } });
}

export const IfMatchHeader = z.object({
  "if-match": z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "The ETag you read; a mismatch answers 412." }),
});

/** A required JSON body; `example` (unless the schema carries one) is a whole request one can send as it is. */
export const jsonBody = <T extends z.ZodType>(schema: T, example?: z.input<T>) => ({
  required: true,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

/** A JSON response; `example`, when the schema does not carry a whole one itself. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string, example?: z.output<T>) => ({
  description,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

/**
 * The one email rule (packages/domain), with its pattern in the contract so generators keep to it. Cloned
 * because a schema built before @hono/zod-openapi extended zod has no `.openapi`.
 */
export const Email = EmailAddress.clone().openapi({
  pattern: EMAIL_PATTERN.source,
  example: "first.last+tag@sub.example.se",
});

/** A web address; the pattern says in the contract that only http and https are taken. */
export const WebUrl = (max: number) =>
  z
    .url({ protocol: /^https?$/ })
    .max(max)
    .openapi({ pattern: "^https?://" });

/** A term's code in one of the catalogue's vocabularies (GET /catalog/vocabularies); made once from its label. */
export const VocabularyCode = z
  .string()
  .regex(/^[a-z0-9_]+$/, "a vocabulary code: lower-case letters, digits and _")
  .max(60);

/** The 21 SCB länskoder the product ships; one component, referenced wherever a län is written. */
export const CountyCode = z
  .enum(COUNTIES.map((c) => c.code) as [string, ...string[]])
  .openapi("CountyCode", { description: "SCB länskod (GET /reference/counties)", example: "13" });

/**
 * An SCB kommunkod. Not an enum like the län: 290 literals would weigh on every generated client, so the
 * descriptions state the rule the services check against the reference table.
 */
export const MunicipalityCode = z
  .string()
  .regex(/^\d{4}$/, "SCB kommunkod: four digits")
  .openapi("MunicipalityCode", {
    description:
      "One of the SCB kommunkoder of GET /reference/municipalities; another is refused (400 `municipality_code` for a member party, `known_municipality` in an intervention's area)",
    example: "1380",
  });

/**
 * Text the server trims before counting. The pattern puts "not blank" in the contract: without it, spaces
 * alone would meet `minLength` there and be refused here. Length is checked first so that a one-letter
 * title is reported as too short (its first error is what people read), not as the wrong format.
 */
export const nonBlank = (min: 1 | 2) =>
  z
    .string()
    .trim()
    .min(min)
    .regex(min === 1 ? /\S/ : /\S[\s\S]*\S/, `at least ${min} characters besides spaces`);
