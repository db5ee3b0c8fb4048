import { API_KEY_SCOPES, PERMISSIONS, permissionsForRole } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { committedTable, GENERATED_TABLES, readDoc } from "../scripts/permission-tables.js";

/** Rows of a markdown table as trimmed cells, header and rule left out. */
function rows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .slice(2)
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe("the permission tables in the docs", () => {
  it.each(GENERATED_TABLES)(
    "$file: $name is what @nns/domain says (run `pnpm --filter @nns/api docs:write` if not)",
    ({ file, name, render }) => {
      expect(committedTable(readDoc(file), name)).toBe(render());
    },
  );

  it("lists exactly the domain's scopes in docs/api.md, in its order", () => {
    const scopes = rows(committedTable(readDoc("docs/api.md"), "api-key-scopes")).map((r) => r[0]);
    expect(scopes).toEqual(API_KEY_SCOPES.map((s) => `\`${s}\``));
  });

  it("marks in docs/permissions.md what each role holds and what a key may hold", () => {
    const matrix = rows(committedTable(readDoc("docs/permissions.md"), "permission-matrix"));
    expect(matrix).toHaveLength(PERMISSIONS.length);
    for (const [i, permission] of PERMISSIONS.entries()) {
      const row = matrix[i] as string[];
      expect(row[0]).toMatch(new RegExp(`^\`${permission}\` — `));
      expect(row[2] === "✓", `${permission} for org_admin`).toBe(
        permissionsForRole("org_admin").has(permission),
      );
      expect(row[3] === "✓", `${permission} for editor`).toBe(permissionsForRole("editor").has(permission));
      expect(row[4] === "✓", `${permission} for viewer`).toBe(permissionsForRole("viewer").has(permission));
      expect(row.at(-1) === "✓", `${permission} as a key scope`).toBe(
        (API_KEY_SCOPES as readonly string[]).includes(permission),
      );
    }
  });
});
