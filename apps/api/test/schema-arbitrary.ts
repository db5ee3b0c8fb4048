/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document, as a schema-driven client would
 * build requests: every value a schema allows can come out, with a bias to the edges (the longest string,
 * the largest integer, the fullest list), where a contract most often says more than the server accepts.
 * Only the keywords the document uses are supported; an unknown one fails loudly rather than being
 * ignored, so the generator never quietly produces less than the schema allows.
 */
import fc from "fast-check";

export type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "enum",
  "const",
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "oneOf",
  "anyOf",
  "allOf",
  "discriminator",
  "$ref",
  "default",
  "description",
  "example",
  "examples",
  "title",
  "deprecated",
  "readOnly",
  "nullable",
  "propertyNames",
]);

/** Longest string or list generated, besides a schema's exact maximum; keeps requests small and fast. */
const TYPICAL = 12;
/** A schema's maximum length is tried exactly when it is at most this long. */
const EDGE_LENGTH = 5000;

const INT_EDGE = 2 ** 63;

export interface Context {
  components: Record<string, Schema>;
  /** Ids of resources that exist, drawn as often as random UUIDs so that requests reach past "not found". */
  knownIds: string[];
}

export function arbitraryFor(schema: Schema, context: Context): fc.Arbitrary<unknown> {
  const { components } = context;
  const unknown = Object.keys(schema).filter((k) => !KNOWN.has(k) && !k.startsWith("x-"));
  if (unknown.length > 0) throw new Error(`schema keyword(s) not supported: ${unknown.join(", ")}`);
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = components[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return arbitraryFor(target, context);
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFor(s, context)));
  if (Array.isArray(schema.allOf)) {
    const merged = (schema.allOf as Schema[]).map((s) => resolve(s, components));
    return arbitraryFor(mergeObjects(merged), context);
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, context)));
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return integer(schema);
    case "number":
      return number(schema);
    case "string":
      return string(schema, context);
    case "array":
      return array(schema, context);
    case "object":
      return object(schema, context);
    default:
      throw new Error(`schema without a type: ${JSON.stringify(schema)}`);
  }
}

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  return typeof schema.$ref === "string"
    ? resolve(components[schema.$ref.replace("#/components/schemas/", "")] as Schema, components)
    : schema;
}

function mergeObjects(parts: Schema[]): Schema {
  return {
    type: "object",
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    required: parts.flatMap((p) => (p.required as string[] | undefined) ?? []),
  };
}

function bounds(schema: Schema, edge: number): [number, number] {
  const min = (schema.minimum as number | undefined) ?? (schema.exclusiveMinimum as number | undefined);
  const max = (schema.maximum as number | undefined) ?? (schema.exclusiveMaximum as number | undefined);
  return [min ?? -edge, max ?? edge];
}

function integer(schema: Schema): fc.Arbitrary<number> {
  let [min, max] = bounds(schema, INT_EDGE);
  if (schema.exclusiveMinimum !== undefined) min += 1;
  if (schema.exclusiveMaximum !== undefined) max -= 1;
  const inner = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
  // Beyond 2^31 only the edges: an unbounded integer in the contract is a promise about them.
  return fc.oneof(inner, fc.constantFrom(min, max));
}

function number(schema: Schema): fc.Arbitrary<number> {
  const [min, max] = bounds(schema, Number.MAX_VALUE);
  return fc
    .oneof(
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(min, max),
      fc.integer({ min: Math.ceil(Math.max(min, -1000)), max: Math.floor(Math.min(max, 1000)) }),
    )
    .filter(
      (n) =>
        (schema.exclusiveMinimum === undefined || n > (schema.exclusiveMinimum as number)) &&
        (schema.exclusiveMaximum === undefined || n < (schema.exclusiveMaximum as number)),
    );
}

/** Length as JSON Schema counts it: in Unicode code points. */
const codePoints = (s: string) => [...s].length;

function string(schema: Schema, context: Context): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = schema.maxLength as number | undefined;
  const fits = (s: string) =>
    codePoints(s) >= minLength && (maxLength === undefined || codePoints(s) <= maxLength);
  const pattern = typeof schema.pattern === "string" ? new RegExp(schema.pattern) : null;
  const matches = (s: string) => (pattern ? pattern.test(s) : true) && fits(s);
  switch (schema.format) {
    case "uuid":
      return context.knownIds.length > 0
        ? fc.oneof(fc.uuid(), fc.constantFrom(...context.knownIds)).filter(matches)
        : fc.uuid().filter(matches);
    case "email":
      return fc.emailAddress().filter(matches);
    case "date":
      return dates()
        .map((d) => d.toISOString().slice(0, 10))
        .filter(matches);
    case "date-time":
      return dates()
        .map((d) => d.toISOString())
        .filter(matches);
    case "uri":
      return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(matches);
    case undefined:
      break;
    default:
      throw new Error(`string format not supported: ${String(schema.format)}`);
  }
  if (pattern) {
    const unanchored = !String(schema.pattern).startsWith("^");
    return fc
      .stringMatching(pattern)
      .map((s) => (unanchored ? s.slice(0, maxLength ?? s.length) : s))
      .filter(matches);
  }
  const typical = Math.max(minLength, Math.min(maxLength ?? TYPICAL, TYPICAL));
  const texts = [
    fc.string({ unit: "grapheme-ascii", minLength, maxLength: typical }),
    fc.string({ unit: "grapheme", minLength, maxLength: typical }),
    // What a text column cannot store and a careless trim or slice cuts in half.
    fc
      .array(fc.constantFrom("\u0000", " ", "\n", "\t", "é", "😀", "\u200b", "'", '"', "\\", "<", "%"), {
        minLength,
        maxLength: typical,
      })
      .map((parts) => parts.join("")),
  ];
  if (maxLength !== undefined && maxLength <= EDGE_LENGTH && maxLength > typical)
    texts.push(fc.constantFrom("x", "ö").map((c) => c.repeat(maxLength)));
  return fc.oneof(...texts).filter(fits);
}

/** Mostly this and the next century; now and then the first and last days of four-digit years. */
function dates(): fc.Arbitrary<Date> {
  const common = fc.date({
    min: new Date("1900-01-01T00:00:00Z"),
    max: new Date("2199-12-31T23:59:59Z"),
    noInvalidDate: true,
  });
  const edges = fc.constantFrom(new Date("0000-01-01T00:00:00Z"), new Date("9999-12-31T23:59:59.999Z"));
  return fc.oneof({ weight: 9, arbitrary: common }, { weight: 1, arbitrary: edges });
}

function array(schema: Schema, context: Context): fc.Arbitrary<unknown[]> {
  const item = arbitraryFor((schema.items as Schema | undefined) ?? {}, context);
  const minLength = (schema.minItems as number | undefined) ?? 0;
  const maxItems = schema.maxItems as number | undefined;
  const typical = Math.max(minLength, Math.min(maxItems ?? 4, 4));
  const lists = (maxLength: number) =>
    schema.uniqueItems
      ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
      : fc.array(item, { minLength, maxLength });
  return maxItems !== undefined && maxItems > typical && maxItems <= 30
    ? fc.oneof({ arbitrary: lists(typical), weight: 3 }, { arbitrary: lists(maxItems), weight: 1 })
    : lists(typical);
}

function object(schema: Schema, context: Context): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const required = (schema.required as string[] | undefined) ?? [];
  const named = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, arbitraryFor(s, context)])),
    { requiredKeys: required.filter((name) => name in properties) },
  );
  const extra = schema.additionalProperties;
  if (!extra || typeof extra !== "object") return named;
  // A map (`additionalProperties: {schema}`): keys as propertyNames allows, none of the named ones.
  const keys = arbitraryFor(
    { type: "string", ...((schema.propertyNames as Schema | undefined) ?? {}) },
    context,
  );
  const entries = fc.dictionary(
    keys.filter((k): k is string => typeof k === "string" && !(k in properties)),
    arbitraryFor(extra as Schema, context),
    { maxKeys: 4 },
  );
  return fc.tuple(named, entries).map(([a, b]) => ({ ...b, ...a }));
}
