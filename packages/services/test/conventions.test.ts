import { describe, expect, it } from "vitest";
import {
  checkServiceConventions,
  formatViolation,
  servicesProgram,
  type Violation,
} from "./service-conventions.js";

/** Snippets checked as if they were service files, against the real db, access and audit modules. */
const SNIPPETS: Record<string, string> = {
  "__unaudited.ts": `
import { trainings, transaction } from "@nns/db";
import { eq } from "drizzle-orm";
import { requirePermission } from "./access.js";
import type { OrgContext } from "./context.js";

export async function renameTraining(ctx: OrgContext, id: string, title: string): Promise<void> {
  requirePermission(ctx, "trainings:manage");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await tx.update(trainings).set({ title }).where(eq(trainings.id, id));
  });
}
`,
  "__unchecked.ts": `
import { trainings, type Tx, transaction } from "@nns/db";
import { eq } from "drizzle-orm";
import { audit } from "./audit.js";
import type { OrgContext } from "./context.js";

async function rename(tx: Tx, id: string, title: string) {
  await tx.update(trainings).set({ title }).where(eq(trainings.id, id));
}

export async function renameTraining(ctx: OrgContext, id: string, title: string): Promise<void> {
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await rename(tx, id, title);
    await audit(tx, ctx, { action: "training.renamed", entityType: "training", entityId: id });
  });
}
`,
  "__markers.ts": `
import { trainings, transaction } from "@nns/db";
import { eq } from "drizzle-orm";
import { requirePermission } from "./access.js";
import type { OrgContext } from "./context.js";

// convention: no audit — a snippet's bookkeeping, which no one audits
export async function touch(ctx: OrgContext, id: string): Promise<void> {
  requirePermission(ctx, "trainings:manage");
  await transaction(ctx.deps.db, {}, (tx) => tx.update(trainings).set({ updatedAt: new Date() }).where(eq(trainings.id, id)));
}

// convention: no audit
export async function touchAgain(ctx: OrgContext, id: string): Promise<void> {
  requirePermission(ctx, "trainings:manage");
  await transaction(ctx.deps.db, {}, (tx) => tx.update(trainings).set({ updatedAt: new Date() }).where(eq(trainings.id, id)));
}

// convention: system job — it reads and claims to skip what it never needed
export async function readOnly(ctx: OrgContext): Promise<number> {
  return transaction(ctx.deps.db, {}, async (tx) => (await tx.select().from(trainings)).length);
}
`,
};

const program = servicesProgram(SNIPPETS);

describe("service conventions", () => {
  it("every exported service function that writes in a transaction checks a permission before and audits inside", {
    timeout: 120_000,
  }, () => {
    const violations = checkServiceConventions(program).filter((v) => !v.file.includes("/__"));
    expect(violations.map(formatViolation)).toEqual([]);
  });

  const snippet = (file: string): Violation[] => checkServiceConventions(program, [file]);

  it("reports a write without an audit entry, naming the file, the function and the missing step", () => {
    const violations = snippet("__unaudited.ts");
    expect(violations.map(formatViolation)).toEqual([
      expect.stringMatching(/^packages\/services\/src\/__unaudited\.ts: renameTraining: .*no audit entry/),
    ]);
  });

  it("reports a write, made by a helper it calls, without a permission check before the transaction", () => {
    const violations = snippet("__unchecked.ts");
    expect(violations).toHaveLength(1);
    expect(violations[0]?.fn).toBe("renameTraining");
    expect(violations[0]?.problem).toMatch(/without checking a permission/);
  });

  it("accepts a marker with a reason, and reports one without a reason or without need", () => {
    const violations = snippet("__markers.ts").map((v) => `${v.fn}: ${v.problem}`);
    expect(violations).toEqual([
      expect.stringMatching(/^touchAgain: its convention marker "no audit" gives no reason/),
      expect.stringMatching(/^touchAgain: opens a transaction that writes but records no audit entry/),
      expect.stringMatching(/^readOnly: its convention marker excuses the permission check/),
      expect.stringMatching(/^readOnly: its convention marker excuses the audit/),
    ]);
  });
});
