import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_ACTION_FAMILY_NAMES, AUDIT_ACTIONS, EMAIL_TEMPLATES } from "@nns/domain";
import { describe, expect, it } from "vitest";
import { fieldLabel, formatFieldValue, type Translate } from "../src/features/audit-log/fields.js";
import { sv as auditSv } from "../src/features/audit-log/sv.js";
import { sv as outboxSv } from "../src/features/outbox/sv.js";

const SERVICES = join(import.meta.dirname, "../../../packages/services/src");

/** The services' source, tests left out: where the log's actions and entity types are written. */
function servicesSource(): string {
  return readdirSync(SERVICES, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => readFileSync(join(SERVICES, file), "utf8"))
    .join("\n");
}

function lookup(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

/** A label for people: Swedish text, not the code it stands for. */
function expectLabel(label: unknown, code: string) {
  expect(typeof label, code).toBe("string");
  expect(label, code).not.toBe(code);
  expect(label as string, code).not.toMatch(/_/);
}

describe("the audit log in Swedish", () => {
  it("labels every action the services can write, family by family", () => {
    // audit() accepts only AUDIT_ACTIONS (the compiler checks), so this list is what can reach the log.
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(100);
    for (const action of AUDIT_ACTIONS) expectLabel(lookup(auditSv.actions, action.split(".")), action);
    for (const family of AUDIT_ACTION_FAMILY_NAMES) expectLabel(auditSv.families[family], family);
  });

  it("finds every literal action in the services' source in that list", () => {
    const literals = [...servicesSource().matchAll(/action:\s*"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]);
    expect(literals).toContain("training.print_cost_added");
    expect(literals.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a as string))).toEqual([]);
  });

  it("labels every kind of object the services log", () => {
    const types = new Set([...servicesSource().matchAll(/entityType:\s*"([a-z_]+)"/g)].map((m) => m[1]));
    expect(types).toContain("training");
    for (const type of types) expectLabel(lookup(auditSv.entityTypes, [type as string]), type as string);
  });

  it("writes money in kronor, VAT in percent, codes and booleans in words", () => {
    const translate: Translate = (key, fallback) => {
      const found = lookup(auditSv, key.split("."));
      return typeof found === "string" ? found : fallback;
    };
    const nbsp = /\u00a0/g;
    expect(formatFieldValue("amountOre", 125050, translate)?.replace(nbsp, " ")).toBe("1 250,50 kr");
    expect(formatFieldValue("vatRateBasisPoints", 2500, translate)).toBe("25 %");
    expect(formatFieldValue("paidBy", "owner", translate)).toBe("NNS, faktureras förbundet");
    expect(formatFieldValue("removedAt", null, translate)).toBe("–");
    expect(formatFieldValue("attended", true, translate)).toBe("Ja");
    expect(formatFieldValue("deliveryModes", ["digital", "on_site"], translate)).toBe("Digitalt, På plats");
    expect(fieldLabel("amountOre", translate)).toBe("Belopp");
    expect(fieldLabel("vatRateBasisPoints", translate)).toBe("Momssats");
  });
});

describe("the outbox in Swedish", () => {
  it("labels every kind of e-mail the services compose, and every status", () => {
    // composeEmail accepts only EMAIL_TEMPLATES (the compiler checks).
    const literals = [...servicesSource().matchAll(/template:\s*"([a-z_]+)"/g)].map((m) => m[1]);
    expect(literals).toContain("invitation");
    expect(literals.filter((t) => !(EMAIL_TEMPLATES as readonly string[]).includes(t as string))).toEqual([]);
    for (const template of EMAIL_TEMPLATES) expectLabel(lookup(outboxSv.templates, [template]), template);
    for (const status of ["outbox", "queued", "sent", "failed"])
      expectLabel(lookup(outboxSv.status, [status]), status);
  });
});
