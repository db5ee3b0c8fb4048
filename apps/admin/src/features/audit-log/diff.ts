export type FieldStatus = "changed" | "added" | "removed" | "unchanged";

export interface FieldRow {
  key: string;
  before: unknown;
  after: unknown;
  status: FieldStatus;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two values compare equal whatever order their keys came in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Before and after of an audit entry, field by field. `null` when either side is something other than
 * an object or nothing (then the caller shows both as JSON instead).
 */
export function diffFields(before: unknown, after: unknown): FieldRow[] | null {
  const b = before ?? null;
  const a = after ?? null;
  if ((b !== null && !isRecord(b)) || (a !== null && !isRecord(a))) return null;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => {
    const hasBefore = b !== null && key in b;
    const hasAfter = a !== null && key in a;
    const beforeValue = b?.[key];
    const afterValue = a?.[key];
    let status: FieldStatus;
    if (hasBefore && hasAfter)
      status = stableJson(beforeValue) === stableJson(afterValue) ? "unchanged" : "changed";
    else status = hasAfter ? "added" : "removed";
    return { key, before: beforeValue, after: afterValue, status };
  });
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isTimestamp(value: unknown): value is string {
  return typeof value === "string" && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** A short human name for the entity an entry is about, taken from its after (or before) view. */
export function entityName(before: unknown, after: unknown): string | null {
  const view = isRecord(after) ? after : isRecord(before) ? before : null;
  if (!view) return null;
  const name = typeof view.name === "string" ? view.name : null;
  const email = typeof view.email === "string" ? view.email : null;
  if (name && email) return `${name} (${email})`;
  return name ?? email;
}
