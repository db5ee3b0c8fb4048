/**
 * The permission tables of docs/api.md and docs/permissions.md, rendered from @nns/domain so that the docs
 * cannot drift from the code: `pnpm --filter @nns/api docs:write` rewrites them between their markers, and
 * test/permission-docs.test.ts fails when a committed table differs from what this renders.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  API_KEY_SCOPES,
  effectivePermissions,
  PERMISSION_DESCRIPTIONS,
  PERMISSIONS,
  type Permission,
  permissionsForRole,
  ROLES,
} from "@nns/domain";

/** A markdown table with padded columns, as a formatter would leave it. */
function table(header: string[], rows: string[][], centred: (column: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells
      .map((c, i) => {
        const w = widths[i] as number;
        if (!centred(i)) return c.padEnd(w);
        const left = Math.floor((w - c.length) / 2);
        return " ".repeat(left) + c + " ".repeat(w - c.length - left);
      })
      .join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (centred(i) ? `:${"-".repeat(w - 2)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function scopeTable(): string {
  return table(
    ["scope", "allows"],
    API_KEY_SCOPES.map((scope) => [`\`${scope}\``, PERMISSION_DESCRIPTIONS[scope]]),
    () => false,
  );
}

export function permissionMatrix(): string {
  const elsewhere = effectivePermissions(null, true, "forbund");
  const columns: { title: string; has: (p: Permission) => boolean }[] = [
    ...ROLES.map((role) => ({
      title: role === "nns_admin" ? "`nns_admin` (in NNS)" : `\`${role}\``,
      has: (p: Permission) => permissionsForRole(role).has(p),
    })),
    { title: "NNS admin elsewhere", has: (p) => elsewhere.has(p) },
    { title: "API key scope", has: (p) => (API_KEY_SCOPES as readonly string[]).includes(p) },
  ];
  return table(
    ["permission", ...columns.map((c) => c.title)],
    PERMISSIONS.map((p) => [
      `\`${p}\` — ${PERMISSION_DESCRIPTIONS[p]}`,
      ...columns.map((c) => (c.has(p) ? "✓" : "")),
    ]),
    (i) => i > 0,
  );
}

/** `indent`: the table sits in a list item there. */
export const GENERATED_TABLES = [
  { file: "docs/api.md", name: "api-key-scopes", render: scopeTable, indent: "  " },
  { file: "docs/permissions.md", name: "permission-matrix", render: permissionMatrix, indent: "" },
] as const;

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const markers = (name: string) =>
  [`<!-- generated:${name} (pnpm --filter @nns/api docs:write) -->`, `<!-- /generated:${name} -->`] as const;

/** The lines between a table's markers in a document, unindented, or an error naming what is missing. */
export function committedTable(text: string, name: string): string {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers for ${name} are missing: ${start} … ${end}`);
  return text
    .slice(from + start.length, to)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

export function withTable(text: string, name: string, rendered: string, indent: string): string {
  const [start, end] = markers(name);
  committedTable(text, name);
  const lines = rendered.split("\n").map((line) => indent + line);
  return `${text.slice(0, text.indexOf(start) + start.length)}\n${lines.join("\n")}\n${indent}${text.slice(text.indexOf(end))}`;
}

export function readDoc(file: string): string {
  return readFileSync(`${repoRoot}${file}`, "utf8");
}
