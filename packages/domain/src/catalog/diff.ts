/**
 * A readable, field-level difference between two versions of an intervention's content. Objects are
 * walked to their leaves and reported by dotted path (`goals.volumeGoalParticipants`); lists of plain
 * values (tags, codes) report which items were added and removed; lists of objects (links, contacts,
 * budget lines) are compared as a whole, since their items have no identity of their own.
 */

export type FieldChange =
  | { field: string; kind: "changed"; before: unknown; after: unknown }
  | { field: string; kind: "added"; after: unknown }
  | { field: string; kind: "removed"; before: unknown }
  | { field: string; kind: "items"; added: unknown[]; removed: unknown[] };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPlainObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isPrimitiveList = (v: unknown): v is (string | number | boolean | null)[] =>
  Array.isArray(v) && v.every((x) => x === null || typeof x !== "object");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffContent(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const field = path ? `${path}.${key}` : key;
      if (!(key in before)) return [{ field, kind: "added" as const, after: after[key] }];
      if (!(key in after)) return [{ field, kind: "removed" as const, before: before[key] }];
      return diffContent(before[key], after[key], field);
    });
  }
  if (same(before, after)) return [];
  if (isPrimitiveList(before) && isPrimitiveList(after)) {
    const added = after.filter((x) => !before.includes(x));
    const removed = before.filter((x) => !after.includes(x));
    // Only the order changed: still a change, reported as a whole.
    if (added.length === 0 && removed.length === 0) return [{ field: path, kind: "changed", before, after }];
    return [{ field: path, kind: "items", added, removed }];
  }
  return [{ field: path, kind: "changed", before, after }];
}
