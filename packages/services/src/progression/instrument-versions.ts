// Longer than 400 lines: a version's whole life (draft, import, edit, publish, retire, delete) with its checks, kept together because each step guards the next.
// Routes: apps/api/src/routes/progression-instruments — an instrument's versions: drafts change, published
// ones never do (docs/progression-instruments.md), so a measurement keeps the meaning it was taken with.
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionItemMappings,
  type Tx,
  transaction,
} from "@nns/db";
import {
  AppError,
  containsPersonalIdentityNumber,
  definitionSchema,
  type FieldError,
  fieldError,
  type InstrumentDefinition,
} from "@nns/domain";
import { and, eq, or, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { checkVersion } from "../newsletters/access.js";
import {
  type InstrumentRow,
  type InstrumentVersionRow,
  type InstrumentVersionSummary,
  loadInstrument,
  requireInstrumentOwner,
  versionSummary,
} from "./instruments.js";

export interface InstrumentVersionView extends InstrumentVersionSummary {
  instrumentId: string;
  instrumentName: string;
  placeholder: boolean;
  definition: InstrumentDefinition;
  changeNote: string | null;
  version: number;
}

export interface VersionInput {
  definition: unknown;
  changeNote?: string | null;
}

/** The domain schema's own refinements, by what they say, as rules a client can branch on. */
const REFINEMENTS: [RegExp, string, string][] = [
  [/greater than min/, "scale_order", "Skalans max ska vara större än dess min."],
  [/steps from min/, "scale_steps", "Skalan får ha högst 10 steg från min till max."],
  [/within the scale/, "anchor_in_scale", "Ankaret ligger utanför skalan."],
  [/already labelled/, "anchor_unique", "Två ankare har samma värde."],
  [/both ends/, "anchor_ends", "Skalans båda ändar behöver ett ankare (min och max)."],
  [/another item/, "code_unique", "Koden används av en annan fråga."],
  [/respondent's question/, "question_required", "Ange frågan till deltagaren, till handledaren eller båda."],
  [
    /personal identity number/,
    "personal_identity_number",
    "Texten ser ut att innehålla ett personnummer; instrument är till för alla förbund och deltagare.",
  ],
];

type Issue = NonNullable<ReturnType<typeof definitionSchema.safeParse>["error"]>["issues"][number];

function issueError(issue: Issue): { rule: string; message: string } {
  if (issue.code === "custom") {
    const known = REFINEMENTS.find(([pattern]) => pattern.test(issue.message));
    return known ? { rule: known[1], message: known[2] } : { rule: "custom", message: issue.message };
  }
  switch (issue.code) {
    case "invalid_type":
      return { rule: "invalid_type", message: "Värdet saknas eller har fel typ." };
    case "too_small":
      return { rule: "too_small", message: `För litet eller för kort (minst ${String(issue.minimum)}).` };
    case "too_big":
      return { rule: "too_big", message: `För stort eller för långt (högst ${String(issue.maximum)}).` };
    case "invalid_value":
      return { rule: "invalid_value", message: `Tillåtna värden: ${issue.values.map(String).join(", ")}.` };
    case "invalid_format":
      return {
        rule: "invalid_format",
        message: "Koden ska börja med en bokstav och ha högst 32 tecken (a–z, 0–9, _ . -).",
      };
    case "unrecognized_keys":
      return { rule: "unrecognized_keys", message: `Okända fält: ${issue.keys.join(", ")}.` };
    default:
      return { rule: issue.code, message: issue.message };
  }
}

/**
 * Checks a definition against the domain schema, naming each problem where the caller's input has it:
 * `locate` turns a path inside the definition (`items.2.scale.max`) into the field to report.
 */
export function checkDefinition(
  value: unknown,
  locate: (path: readonly PropertyKey[]) => string,
): InstrumentDefinition {
  const parsed = definitionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    field: locate(issue.path),
    ...issueError(issue),
  }));
  throw new AppError("validation_failed", `${errors[0]?.field}: ${errors[0]?.message}`, { errors });
}

function checkChangeNote(note: string | null | undefined): void {
  if (note && containsPersonalIdentityNumber(note))
    throw fieldError(
      "body.changeNote",
      "personal_identity_number",
      "Texten ser ut att innehålla ett personnummer; instrument är till för alla förbund.",
    );
}

const bodyDefinition = (path: readonly PropertyKey[]) => ["body.definition", ...path.map(String)].join(".");

export function versionView(instrument: InstrumentRow, row: InstrumentVersionRow): InstrumentVersionView {
  return {
    ...versionSummary(row),
    instrumentId: instrument.id,
    instrumentName: instrument.name,
    placeholder: instrument.placeholder,
    definition: row.definition as InstrumentDefinition,
    changeNote: row.changeNote,
    version: row.version,
  };
}

/** A version of a reachable instrument; drafts only for their keeper. Locked for update when asked. */
export async function loadVersion(
  tx: Tx,
  ctx: OrgContext,
  instrument: InstrumentRow,
  versionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<InstrumentVersionRow> {
  const query = tx
    .select()
    .from(progressionInstrumentVersions)
    .where(
      and(
        eq(progressionInstrumentVersions.organizationId, instrument.organizationId),
        eq(progressionInstrumentVersions.instrumentId, instrument.id),
        eq(progressionInstrumentVersions.id, versionId),
      ),
    );
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row || (row.status === "draft" && instrument.organizationId !== ctx.organization.id))
    throw new AppError("not_found", "Versionen finns inte.");
  return row;
}

function requireNotArchived(instrument: InstrumentRow): void {
  if (instrument.archivedAt) throw new AppError("conflict", "Instrumentet är arkiverat och kan inte ändras.");
}

function requireDraft(row: InstrumentVersionRow): void {
  if (row.status !== "draft")
    throw new AppError(
      "conflict",
      "Publicerade versioner ändras aldrig: mätningarna gjordes med dem. Skapa en ny version i stället.",
    );
}

/** The instrument, locked so that two new versions cannot take the same number. */
async function lockInstrument(
  tx: Tx,
  ctx: OrgContext,
  instrumentId: string,
  what: string,
): Promise<InstrumentRow> {
  const found = await loadInstrument(tx, ctx, instrumentId);
  requireInstrumentOwner(ctx, found, what);
  const [locked] = await tx
    .select()
    .from(progressionInstruments)
    .where(
      and(
        eq(progressionInstruments.organizationId, found.organizationId),
        eq(progressionInstruments.id, found.id),
      ),
    )
    .for("update");
  if (!locked) throw new AppError("not_found", "Instrumentet finns inte.");
  requireNotArchived(locked);
  return locked;
}

/** Adds a draft with the next number; the import (instrument-import.ts) comes here with a checked definition. */
export async function insertDraft(
  ctx: OrgContext,
  instrumentId: string,
  definition: InstrumentDefinition,
  changeNote: string | null | undefined,
  source: "api" | "csv" | "json",
): Promise<InstrumentVersionView> {
  requirePermission(ctx, "instruments:manage");
  checkChangeNote(changeNote);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const instrument = await lockInstrument(tx, ctx, instrumentId, "lägga till versioner");
    const [last] = await tx
      .select({ number: sql<number>`coalesce(max(${progressionInstrumentVersions.number}), 0)::int` })
      .from(progressionInstrumentVersions)
      .where(
        and(
          eq(progressionInstrumentVersions.organizationId, instrument.organizationId),
          eq(progressionInstrumentVersions.instrumentId, instrument.id),
        ),
      );
    const [row] = await tx
      .insert(progressionInstrumentVersions)
      .values({
        organizationId: instrument.organizationId,
        instrumentId: instrument.id,
        number: (last?.number ?? 0) + 1,
        definition,
        changeNote: changeNote?.trim() || null,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning();
    if (!row) throw new Error("version insert returned nothing");
    await audit(tx, ctx, {
      action: "progression.instrument_version_created",
      entityType: "progression_instrument_version",
      entityId: row.id,
      after: {
        instrumentId: instrument.id,
        number: row.number,
        itemCount: definition.items.length,
        changeNote: row.changeNote,
        source,
      },
    });
    return versionView(instrument, row);
  });
}

export async function createInstrumentVersion(
  ctx: OrgContext,
  instrumentId: string,
  input: VersionInput,
): Promise<InstrumentVersionView> {
  requirePermission(ctx, "instruments:manage");
  const definition = checkDefinition(input.definition, bodyDefinition);
  return insertDraft(ctx, instrumentId, definition, input.changeNote, "api");
}

export async function getInstrumentVersion(
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
): Promise<InstrumentVersionView> {
  requirePermission(ctx, "org:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const instrument = await loadInstrument(tx, ctx, instrumentId);
    return versionView(instrument, await loadVersion(tx, ctx, instrument, versionId));
  });
}

/** A version the keeper may change, locked, with its If-Match checked. */
async function versionForChange(
  tx: Tx,
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
  expectedVersion: number | null,
  what: string,
): Promise<{ instrument: InstrumentRow; row: InstrumentVersionRow }> {
  const instrument = await loadInstrument(tx, ctx, instrumentId);
  requireInstrumentOwner(ctx, instrument, what);
  const row = await loadVersion(tx, ctx, instrument, versionId, { forUpdate: true });
  checkVersion(row.version, expectedVersion, "Versionen");
  return { instrument, row };
}

/** Replaces a draft's items and change note; a published or retired version answers 409. */
export async function updateInstrumentVersion(
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
  input: VersionInput,
  expectedVersion: number | null,
): Promise<InstrumentVersionView> {
  requirePermission(ctx, "instruments:manage");
  const definition = checkDefinition(input.definition, bodyDefinition);
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { instrument, row } = await versionForChange(
      tx,
      ctx,
      instrumentId,
      versionId,
      expectedVersion,
      "ändra versioner",
    );
    requireDraft(row);
    requireNotArchived(instrument);
    const changeNote = input.changeNote === undefined ? row.changeNote : input.changeNote?.trim() || null;
    checkChangeNote(changeNote);
    const [updated] = await tx
      .update(progressionInstrumentVersions)
      .set({
        definition,
        changeNote,
        version: sql`${progressionInstrumentVersions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(progressionInstrumentVersions.organizationId, row.organizationId),
          eq(progressionInstrumentVersions.id, row.id),
        ),
      )
      .returning();
    if (!updated) throw new Error("version update returned nothing");
    await audit(tx, ctx, {
      action: "progression.instrument_version_updated",
      entityType: "progression_instrument_version",
      entityId: row.id,
      before: {
        itemCount: (row.definition as InstrumentDefinition).items.length,
        changeNote: row.changeNote,
      },
      after: { itemCount: definition.items.length, changeNote },
    });
    return versionView(instrument, updated);
  });
}

/** Deletes a draft, with the item mappings drawn to or from it; a published version answers 409. */
export async function deleteInstrumentVersion(
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
  expectedVersion: number | null,
): Promise<void> {
  requirePermission(ctx, "instruments:manage");
  await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await versionForChange(
      tx,
      ctx,
      instrumentId,
      versionId,
      expectedVersion,
      "ta bort versioner",
    );
    requireDraft(row);
    await tx
      .delete(progressionItemMappings)
      .where(
        and(
          eq(progressionItemMappings.organizationId, row.organizationId),
          or(
            eq(progressionItemMappings.fromVersionId, row.id),
            eq(progressionItemMappings.toVersionId, row.id),
          ),
        ),
      );
    await tx
      .delete(progressionInstrumentVersions)
      .where(
        and(
          eq(progressionInstrumentVersions.organizationId, row.organizationId),
          eq(progressionInstrumentVersions.id, row.id),
        ),
      );
    await audit(tx, ctx, {
      action: "progression.instrument_version_deleted",
      entityType: "progression_instrument_version",
      entityId: row.id,
      before: { instrumentId: row.instrumentId, number: row.number },
    });
  });
}

const TRANSITIONS = {
  publish: { from: "draft", to: "published", action: "progression.instrument_version_published" },
  retire: { from: "published", to: "retired", action: "progression.instrument_version_retired" },
} as const;

/**
 * Publishing freezes a draft (from then on insatser may choose it and measurements be taken with it);
 * retiring a published version keeps its measurements but lets no insats choose it anew.
 */
export async function changeInstrumentVersionStatus(
  ctx: OrgContext,
  instrumentId: string,
  versionId: string,
  transition: keyof typeof TRANSITIONS,
  expectedVersion: number | null,
): Promise<InstrumentVersionView> {
  requirePermission(ctx, "instruments:manage");
  const { from, to, action } = TRANSITIONS[transition];
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { instrument, row } = await versionForChange(
      tx,
      ctx,
      instrumentId,
      versionId,
      expectedVersion,
      transition === "publish" ? "publicera versioner" : "avveckla versioner",
    );
    if (row.status !== from)
      throw new AppError(
        "conflict",
        transition === "publish"
          ? "Versionen är redan publicerad."
          : "Bara en publicerad version kan avvecklas.",
      );
    if (transition === "publish") requireNotArchived(instrument);
    const [updated] = await tx
      .update(progressionInstrumentVersions)
      .set({
        status: to,
        ...(to === "published" ? { publishedAt: new Date() } : {}),
        version: sql`${progressionInstrumentVersions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(progressionInstrumentVersions.organizationId, row.organizationId),
          eq(progressionInstrumentVersions.id, row.id),
        ),
      )
      .returning();
    if (!updated) throw new Error("version status update returned nothing");
    await audit(tx, ctx, {
      action,
      entityType: "progression_instrument_version",
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, instrumentId: instrument.id, number: row.number },
    });
    return versionView(instrument, updated);
  });
}
