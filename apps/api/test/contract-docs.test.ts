/**
 * The contract's words and examples, as an integrator meets them: every operation has a stable camelCase
 * `operationId` (SDK method names come from it), a summary and a description; every request body and every
 * JSON success response has a whole example; and every example in the document is valid against its own
 * schema by a real JSON Schema 2020-12 validator. A new route without an operationId, a description or an
 * example fails here.
 */

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { createV1 } from "../src/app.js";
import { buildOpenApiDocument } from "../src/openapi.js";

type Json = Record<string, unknown>;
interface Document {
  paths?: Record<string, Json>;
  components?: { schemas?: Record<string, Json>; responses?: Record<string, Json> };
}

/** The document as it is published: JSON, where a field set to undefined is absent. */
const published = (document: unknown): Document => JSON.parse(JSON.stringify(document));

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;
const MIN_DESCRIPTION = 60;

function operationsOf(document: Document) {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method] as Json | undefined;
      return operation ? [{ name: `${method.toUpperCase()} ${path}`, operation }] : [];
    }),
  );
}

/** What is missing or wrong in each operation's words; empty when every operation is documented. */
export function undocumentedOperations(document: Document): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { name, operation } of operationsOf(document)) {
    const id = operation.operationId;
    if (typeof id !== "string") problems.push(`${name}: no operationId`);
    else if (!CAMEL_CASE.test(id)) problems.push(`${name}: operationId "${id}" is not camelCase`);
    else if (seen.has(id)) problems.push(`${name}: operationId "${id}" is also ${seen.get(id)}`);
    else seen.set(id, name);
    const summary = operation.summary;
    if (typeof summary !== "string" || summary.length < 5) problems.push(`${name}: no summary`);
    else if (summary.endsWith(".")) problems.push(`${name}: the summary ends with a period`);
    else if (summary[0] !== summary[0]?.toUpperCase())
      problems.push(`${name}: the summary is not sentence case`);
    const description = operation.description;
    if (typeof description !== "string" || description.length < MIN_DESCRIPTION)
      problems.push(`${name}: no description of at least ${MIN_DESCRIPTION} characters`);
  }
  return problems;
}

const refTarget = (ref: string) => ref.replace(/^#\/components\/schemas\//, "");

function resolve(document: Document, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== "string") return schema;
  return document.components?.schemas?.[refTarget(ref)];
}

const hasOwnExample = (node: Json | undefined) =>
  node !== undefined &&
  (node.example !== undefined || (Array.isArray(node.examples) && node.examples.length > 0));

const mediaHasExample = (document: Document, media: Json) =>
  media.example !== undefined ||
  (media.examples !== undefined && Object.keys(media.examples as Json).length > 0) ||
  hasOwnExample(resolve(document, media.schema as Json | undefined));

/** Request bodies and JSON success responses without a whole example (on the media type or its schema). */
export function missingExamples(document: Document): string[] {
  const problems: string[] = [];
  for (const { name, operation } of operationsOf(document)) {
    const body = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
    for (const [type, media] of Object.entries(body ?? {}))
      if (!mediaHasExample(document, media)) problems.push(`${name}: request body ${type} has no example`);
    for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
      if (!status.startsWith("2")) continue;
      const media = (response.content as Record<string, Json> | undefined)?.["application/json"];
      if (media && !mediaHasExample(document, media))
        problems.push(`${name}: ${status} response has no example`);
    }
  }
  return problems;
}

/** Every example in the document with the schema it must satisfy, named by where it is. */
function examplesOf(document: Document): { where: string; schema: Json; value: unknown }[] {
  const found: { where: string; schema: Json; value: unknown }[] = [];
  const visitSchema = (schema: unknown, where: string): void => {
    if (!schema || typeof schema !== "object") return;
    const node = schema as Json;
    if (node.example !== undefined)
      found.push({ where: `${where} (example)`, schema: node, value: node.example });
    if (Array.isArray(node.examples))
      for (const [i, value] of node.examples.entries())
        found.push({ where: `${where} (examples[${i}])`, schema: node, value });
    for (const [key, value] of Object.entries(node.properties ?? {})) visitSchema(value, `${where}.${key}`);
    for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"] as const)
      if (Array.isArray(node[key]))
        for (const [i, inner] of (node[key] as unknown[]).entries())
          visitSchema(inner, `${where}/${key}/${i}`);
    for (const key of ["items", "additionalProperties", "not"] as const)
      visitSchema(node[key], `${where}/${key}`);
  };
  const visitMedia = (media: Json, where: string): void => {
    const schema = (media.schema ?? {}) as Json;
    if (media.example !== undefined)
      found.push({ where: `${where} (example)`, schema, value: media.example });
    for (const [key, example] of Object.entries((media.examples ?? {}) as Record<string, Json>))
      found.push({ where: `${where} (examples.${key})`, schema, value: example.value });
    visitSchema(media.schema, `${where} schema`);
  };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
    visitSchema(schema, `components.schemas.${name}`);
  for (const [name, response] of Object.entries(document.components?.responses ?? {}))
    for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Json>))
      visitMedia(media, `components.responses.${name} ${type}`);
  for (const { name, operation } of operationsOf(document)) {
    for (const parameter of (operation.parameters ?? []) as Json[]) {
      const where = `${name} parameter ${String(parameter.name)}`;
      if (parameter.example !== undefined)
        found.push({
          where: `${where} (example)`,
          schema: (parameter.schema ?? {}) as Json,
          value: parameter.example,
        });
      visitSchema(parameter.schema, where);
    }
    const body = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
    for (const [type, media] of Object.entries(body ?? {})) visitMedia(media, `${name} request ${type}`);
    for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>))
      for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Json>))
        visitMedia(media, `${name} ${status} ${type}`);
  }
  return found;
}

const CONTRACT_ID = "urn:nns:contract";

/** The contract's schemas with `#/components/schemas/X` pointing into one registered schema's `$defs`. */
function withRefsInto(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRefsInto);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === "$ref" && typeof inner === "string"
        ? [key, `${CONTRACT_ID}#/$defs/${refTarget(inner)}`]
        : [key, withRefsInto(inner)],
    ),
  );
}

/** Examples that their schema rejects, each with the validator's reasons. */
export function invalidExamples(document: Document): string[] {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictTuples: false, allErrors: true });
  addFormats.default(ajv);
  // OpenAPI's own schema keywords, which carry no validation.
  for (const keyword of ["example", "discriminator", "xml", "externalDocs"]) ajv.addKeyword(keyword);
  ajv.addSchema({ $id: CONTRACT_ID, $defs: withRefsInto(document.components?.schemas ?? {}) as Json });
  const problems: string[] = [];
  for (const { where, schema, value } of examplesOf(document)) {
    const validate = ajv.compile(withRefsInto(schema) as Json);
    if (!validate(value)) problems.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

describe("the contract's words", () => {
  const document = published(buildOpenApiDocument(createV1()));

  it("names, summarises and describes every operation, with unique camelCase operationIds", () => {
    expect(operationsOf(document).length).toBeGreaterThan(90);
    expect(undocumentedOperations(document)).toEqual([]);
  });

  it("has a whole example for every request body and every JSON success response", () => {
    expect(missingExamples(document)).toEqual([]);
  });

  it("has only examples that are valid against their schemas (JSON Schema 2020-12)", () => {
    expect(examplesOf(document).length).toBeGreaterThan(100);
    expect(invalidExamples(document)).toEqual([]);
  });
});

describe("the checks themselves", () => {
  /** A route as a newcomer might first write it: no operationId, no description, an example that is wrong. */
  const careless = new OpenAPIHono().openapi(
    createRoute({
      method: "post",
      path: "/things",
      summary: "Create a thing.",
      request: {
        body: {
          content: {
            "application/json": { schema: z.object({ name: z.string().min(2) }), example: { name: 1 } },
          },
        },
      },
      responses: {
        201: {
          description: "Created",
          content: { "application/json": { schema: z.object({ id: z.uuid() }).openapi("Thing") } },
        },
      },
    }),
    (c) => c.json({ id: crypto.randomUUID() }, 201),
  );
  const document = published(
    careless.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } }),
  );

  it("report a route without operationId or description, and a summary ending in a period", () => {
    expect(undocumentedOperations(document)).toEqual([
      "POST /things: no operationId",
      "POST /things: the summary ends with a period",
      `POST /things: no description of at least ${MIN_DESCRIPTION} characters`,
    ]);
  });

  it("report a response without an example and an example its schema rejects", () => {
    expect(missingExamples(document)).toEqual(["POST /things: 201 response has no example"]);
    expect(invalidExamples(document)).toEqual([
      "POST /things request application/json (example): data/name must be string",
    ]);
  });
});
