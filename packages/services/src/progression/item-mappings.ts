// Routes: apps/api/src/routes/progression-instruments — which item of an older version answers to which
// item of a newer one. Comparisons across versions go only through these (docs/progression-instruments.md).
import { progressionItemMappings, type Tx, transaction } from "@nns/db";
import { AppError, type FieldError, type InstrumentDefinition } from "@nns/domain";
import { and, asc, eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadVersion } from "./instrument-versions.js";
import {
  type InstrumentRow,
  type InstrumentVersionRow,
  loadInstrument,
  requireInstrumentOwner,
} from "./instruments.js";

export interface ItemMappingPair {
  from: string;
  to: string;
}

export interface ItemMappingView {
  fromVersionId: string;
  fromVersionNumber: number;
  toVersionId: string;
  items: ItemMappingPair[];
}

export interface ItemMappingInput {
  fromVersionId: string;
  items: ItemMappingPair[];
}

/** A version of the instrument, or null where the caller would be told it does not exist. */
async function versionOrNull(tx: Tx, ctx: OrgContext, instrument: InstrumentRow, versionId: string) {
  try {
    return await loadVersion(tx, ctx, instrument, versionId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

async function mappingsInto(tx: Tx, to: InstrumentVersionRow) {
  return tx
    .select()
    .from(progressionItemMappings)
    .where(
      and(
        eq(progressionItemMappings.organizationId, to.organizationId),
        eq(progressionItemMappings.toVersionId, to.id),
      ),
    )
    .orderBy(asc(progressionItemMappings.fromVersionId), asc(progressionItemMappings.fromItemCode));
}

/** Every older version mapped into this one, each with its pairs in the older version's item order. */
export async function listItemMappings(
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
): Promise<ItemMappingView[]> {
  requirePermission(ctx, "org:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const instrument = await loadInstrument(tx, ctx, instrumentId);
    const to = await loadVersion(tx, ctx, instrument, versionId);
    const rows = await mappingsInto(tx, to);
    const views: ItemMappingView[] = [];
    for (const fromVersionId of [...new Set(rows.map((r) => r.fromVersionId))]) {
      const from = await versionOrNull(tx, ctx, instrument, fromVersionId);
      if (!from) continue;
      views.push(
        viewOf(
          from,
          to,
          rows
            .filter((r) => r.fromVersionId === fromVersionId)
            .map((r) => ({ from: r.fromItemCode, to: r.toItemCode })),
        ),
      );
    }
    return views.sort((a, b) => a.fromVersionNumber - b.fromVersionNumber);
  });
}

function viewOf(
  from: InstrumentVersionRow,
  to: InstrumentVersionRow,
  items: ItemMappingPair[],
): ItemMappingView {
  const order = (from.definition as InstrumentDefinition).items.map((i) => i.code);
  return {
    fromVersionId: from.id,
    fromVersionNumber: from.number,
    toVersionId: to.id,
    items: [...items].sort((a, b) => order.indexOf(a.from) - order.indexOf(b.from)),
  };
}

async function fromVersionFor(
  tx: Tx,
  ctx: OrgContext,
  instrument: InstrumentRow,
  to: InstrumentVersionRow,
  fromVersionId: string,
): Promise<InstrumentVersionRow> {
  const from = await versionOrNull(tx, ctx, instrument, fromVersionId);
  if (!from)
    throw new AppError("validation_failed", "Den äldre versionen hör inte till samma instrument.", {
      errors: [
        {
          field: "body.fromVersionId",
          rule: "same_instrument",
          message: "Välj en äldre version av samma instrument.",
        },
      ],
    });
  if (from.number >= to.number)
    throw new AppError("validation_failed", "Frågor kopplas från en äldre version till en nyare.", {
      errors: [
        {
          field: "body.fromVersionId",
          rule: "older_version",
          message: `Välj en version med lägre nummer än ${to.number}.`,
        },
      ],
    });
  return from;
}

function pairErrors(
  from: InstrumentVersionRow,
  to: InstrumentVersionRow,
  items: readonly ItemMappingPair[],
): FieldError[] {
  const fromItems = new Map((from.definition as InstrumentDefinition).items.map((i) => [i.code, i]));
  const toItems = new Map((to.definition as InstrumentDefinition).items.map((i) => [i.code, i]));
  const fromCodes = new Set(fromItems.keys());
  const toCodes = new Set(toItems.keys());
  const errors: FieldError[] = [];
  const seenFrom = new Set<string>();
  const seenTo = new Set<string>();
  items.forEach((pair, i) => {
    if (!fromCodes.has(pair.from))
      errors.push({
        field: `body.items.${i}.from`,
        rule: "unknown_item",
        message: `Version ${from.number} har ingen fråga med koden ${pair.from}.`,
      });
    else if (seenFrom.has(pair.from))
      errors.push({
        field: `body.items.${i}.from`,
        rule: "duplicate_source",
        message: `Frågan ${pair.from} är redan kopplad.`,
      });
    if (!toCodes.has(pair.to))
      errors.push({
        field: `body.items.${i}.to`,
        rule: "unknown_item",
        message: `Version ${to.number} har ingen fråga med koden ${pair.to}.`,
      });
    else if (seenTo.has(pair.to))
      errors.push({
        field: `body.items.${i}.to`,
        rule: "duplicate_target",
        message: `Frågan ${pair.to} har redan en fråga kopplad till sig; varje fråga tar emot högst en.`,
      });
    // Answers are compared step by step, so mapped items must measure on the same scale the same way.
    const a = fromItems.get(pair.from);
    const b = toItems.get(pair.to);
    if (a && b && (a.scale.min !== b.scale.min || a.scale.max !== b.scale.max || a.direction !== b.direction))
      errors.push({
        field: `body.items.${i}.to`,
        rule: "same_scale",
        message: `Frågorna ${pair.from} och ${pair.to} har olika skala eller riktning och kan inte jämföras.`,
      });
    seenFrom.add(pair.from);
    seenTo.add(pair.to);
  });
  return errors;
}

/**
 * The keeper sets which items of an older version answer to which of this one, replacing what was there
 * for that pair of versions; no items removes the mapping. An item of the older version maps to at most
 * one, and each item here takes at most one.
 */
export async function saveItemMapping(
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
  input: ItemMappingInput,
): Promise<ItemMappingView> {
  requirePermission(ctx, "instruments:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const instrument = await loadInstrument(tx, ctx, instrumentId);
    requireInstrumentOwner(ctx, instrument, "koppla frågor mellan versioner");
    const to = await loadVersion(tx, ctx, instrument, versionId, { forUpdate: true });
    const from = await fromVersionFor(tx, ctx, instrument, to, input.fromVersionId);
    const errors = pairErrors(from, to, input.items);
    if (errors[0]) throw new AppError("validation_failed", errors[0].message, { errors });
    const before = (await mappingsInto(tx, to))
      .filter((r) => r.fromVersionId === from.id)
      .map((r) => ({ from: r.fromItemCode, to: r.toItemCode }));
    await tx
      .delete(progressionItemMappings)
      .where(
        and(
          eq(progressionItemMappings.organizationId, to.organizationId),
          eq(progressionItemMappings.fromVersionId, from.id),
          eq(progressionItemMappings.toVersionId, to.id),
        ),
      );
    if (input.items.length > 0)
      await tx.insert(progressionItemMappings).values(
        input.items.map((pair) => ({
          organizationId: to.organizationId,
          fromVersionId: from.id,
          fromItemCode: pair.from,
          toVersionId: to.id,
          toItemCode: pair.to,
        })),
      );
    const view = viewOf(from, to, input.items);
    await audit(tx, ctx, {
      action: "progression.mapping_saved",
      entityType: "progression_instrument_version",
      entityId: to.id,
      before: { fromVersionId: from.id, items: before },
      after: { fromVersionId: from.id, items: view.items },
    });
    return view;
  });
}
