import { z } from "@hono/zod-openapi";

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

// No field-level example: the objects that carry timestamps have whole examples with distinct instants.
export const Timestamp = z.iso.datetime({ offset: true });

export const OrgIdParams = z.object({
  orgId: z.uuid().openapi({ param: { name: "orgId", in: "path" }, description: "Organization id" }),
});

export const PageQuery = z.object({
  cursor: z.string().max(512).optional().openapi({ description: "nextCursor from the previous page" }),
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
