// Routes: apps/api/src/routes/progression-instruments — the instruments a förbund measures with
// (docs/progression-instruments.md): NNS's national ones, which everyone reads, and a förbund's own.
import {
  organizations,
  progressionInstruments,
  progressionInstrumentVersions,
  type Tx,
  transaction,
} from "@nns/db";
import {
  AppError,
  containsPersonalIdentityNumber,
  type FieldError,
  INSTRUMENT_KEY,
  type InstrumentDefinition,
  type InstrumentVersionStatus,
  itemsFor,
} from "@nns/domain";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { checkVersion } from "../newsletters/access.js";

export type InstrumentRow = typeof progressionInstruments.$inferSelect;
export type InstrumentVersionRow = typeof progressionInstrumentVersions.$inferSelect;

export interface InstrumentVersionSummary {
  id: string;
  number: number;
  status: InstrumentVersionStatus;
  publishedAt: Date | null;
  itemCount: number;
  participantItemCount: number;
  coachItemCount: number;
}

export interface InstrumentView {
  id: string;
  key: string;
  name: string;
  description: string | null;
  national: boolean;
  placeholder: boolean;
  owner: { id: string; name: string };
  isOwn: boolean;
  archivedAt: Date | null;
  version: number;
  versions: InstrumentVersionSummary[];
  createdAt: Date;
  updatedAt: Date;
}

export interface InstrumentInput {
  key: string;
  name: string;
  description?: string | null;
  placeholder?: boolean;
}

export interface InstrumentPatch {
  name?: string;
  description?: string | null;
  placeholder?: boolean;
  archived?: boolean;
}

export function versionSummary(
  row: Pick<InstrumentVersionRow, "id" | "number" | "status" | "publishedAt" | "definition">,
): InstrumentVersionSummary {
  const definition = row.definition as InstrumentDefinition;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    publishedAt: row.publishedAt,
    itemCount: definition.items.length,
    participantItemCount: itemsFor(definition, "participant").length,
    coachItemCount: itemsFor(definition, "coach").length,
  };
}

/**
 * Scoping in the application, beside row-level security: the caller's own instruments and the national
 * ones. Another förbund's own instrument is not reachable, whatever the policies would show.
 */
function instrumentReachableFrom(organizationId: string) {
  return or(
    eq(progressionInstruments.organizationId, organizationId),
    eq(progressionInstruments.national, true),
  );
}

/** The instrument as the caller may see it; anyone else's is reported as not found, so it does not leak. */
export async function loadInstrument(tx: Tx, ctx: OrgContext, instrumentId: string): Promise<InstrumentRow> {
  const [row] = await tx
    .select()
    .from(progressionInstruments)
    .where(and(eq(progressionInstruments.id, instrumentId), instrumentReachableFrom(ctx.organization.id)));
  if (!row) throw new AppError("not_found", "Instrumentet finns inte.");
  return row;
}

/** Only the keeper changes an instrument: NNS its national ones, a förbund its own. */
export function requireInstrumentOwner(ctx: OrgContext, row: InstrumentRow, what: string): void {
  if (row.organizationId !== ctx.organization.id)
    throw new AppError("forbidden", `Bara den som förvaltar instrumentet får ${what}.`);
}

/**
 * The versions the caller sees, oldest first: the keeper sees its drafts, everyone else only published
 * and retired versions (as row-level security has it for national instruments).
 */
export async function versionsOf(
  tx: Tx,
  ctx: OrgContext,
  rows: readonly InstrumentRow[],
): Promise<Map<string, InstrumentVersionRow[]>> {
  const byInstrument = new Map<string, InstrumentVersionRow[]>(rows.map((r) => [r.id, []]));
  if (rows.length === 0) return byInstrument;
  const versions = await tx
    .select()
    .from(progressionInstrumentVersions)
    .where(
      and(
        inArray(
          progressionInstrumentVersions.instrumentId,
          rows.map((r) => r.id),
        ),
        or(
          eq(progressionInstrumentVersions.organizationId, ctx.organization.id),
          ne(progressionInstrumentVersions.status, "draft"),
        ),
      ),
    )
    .orderBy(asc(progressionInstrumentVersions.number));
  for (const version of versions) {
    const owner = rows.find((r) => r.id === version.instrumentId);
    if (owner?.organizationId === version.organizationId) byInstrument.get(owner.id)?.push(version);
  }
  return byInstrument;
}

async function ownerNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function instrumentViews(
  tx: Tx,
  ctx: OrgContext,
  rows: readonly InstrumentRow[],
): Promise<InstrumentView[]> {
  const [versions, names] = await Promise.all([
    versionsOf(tx, ctx, rows),
    ownerNames(
      tx,
      rows.map((r) => r.organizationId),
    ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    national: row.national,
    placeholder: row.placeholder,
    owner: { id: row.organizationId, name: names.get(row.organizationId) ?? "" },
    isOwn: row.organizationId === ctx.organization.id,
    archivedAt: row.archivedAt,
    version: row.version,
    versions: (versions.get(row.id) ?? []).map(versionSummary),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export async function instrumentView(tx: Tx, ctx: OrgContext, row: InstrumentRow): Promise<InstrumentView> {
  const [view] = await instrumentViews(tx, ctx, [row]);
  if (!view) throw new Error("instrument view missing");
  return view;
}

/** The national instruments and the förbund's own, national first, then by name. */
export async function listInstruments(ctx: OrgContext): Promise<InstrumentView[]> {
  requirePermission(ctx, "org:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(progressionInstruments)
      .where(instrumentReachableFrom(ctx.organization.id))
      .orderBy(
        sql`${progressionInstruments.national} desc`,
        asc(progressionInstruments.name),
        asc(progressionInstruments.id),
      );
    return instrumentViews(tx, ctx, rows);
  });
}

export async function getInstrument(ctx: OrgContext, instrumentId: string): Promise<InstrumentView> {
  requirePermission(ctx, "org:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    instrumentView(tx, ctx, await loadInstrument(tx, ctx, instrumentId)),
  );
}

function instrumentErrors(values: { key: string; name: string; description: string | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (!INSTRUMENT_KEY.test(values.key))
    errors.push({
      field: "body.key",
      rule: "key_format",
      message: "Nyckeln ska vara 1–40 tecken: små bokstäver a–z, siffror och bindestreck mellan dem.",
    });
  if (!values.name)
    errors.push({ field: "body.name", rule: "required", message: "Ange instrumentets namn." });
  for (const field of ["name", "description"] as const) {
    if (containsPersonalIdentityNumber(values[field] ?? ""))
      errors.push({
        field: `body.${field}`,
        rule: "personal_identity_number",
        message: "Texten ser ut att innehålla ett personnummer; instrument är till för alla förbund.",
      });
  }
  return errors;
}

function translateKeyTaken(error: unknown): never {
  if (String((error as { cause?: unknown })?.cause ?? error).includes("progression_instruments_key"))
    throw new AppError("already_exists", "Nyckeln används redan.", {
      errors: [
        {
          field: "body.key",
          rule: "key_taken",
          message: "Ni har redan ett instrument med den nyckeln; välj en annan.",
        },
      ],
    });
  throw error;
}

/**
 * Creates an instrument without versions; its items come with the first version. NNS's instruments are
 * national (every förbund reads and may choose them), a förbund's are its own.
 */
export async function createInstrument(ctx: OrgContext, input: InstrumentInput): Promise<InstrumentView> {
  requirePermission(ctx, "instruments:manage");
  const values = {
    key: input.key.trim(),
    name: input.name.trim(),
    description: input.description?.trim() || null,
    placeholder: input.placeholder ?? false,
    national: ctx.organization.kind === "nns",
  };
  const errors = instrumentErrors(values);
  if (errors[0]) throw new AppError("validation_failed", errors[0].message, { errors });
  try {
    return await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
      const [row] = await tx
        .insert(progressionInstruments)
        .values({ organizationId: ctx.organization.id, ...values })
        .returning();
      if (!row) throw new Error("instrument insert returned nothing");
      await audit(tx, ctx, {
        action: "progression.instrument_created",
        entityType: "progression_instrument",
        entityId: row.id,
        after: values,
      });
      return instrumentView(tx, ctx, row);
    });
  } catch (error) {
    translateKeyTaken(error);
  }
}

/**
 * The keeper renames, describes, marks as placeholder or archives (and brings back) an instrument. An
 * archived instrument keeps its versions and measurements but cannot be chosen for an insats again.
 */
export async function updateInstrument(
  ctx: OrgContext,
  instrumentId: string,
  patch: InstrumentPatch,
  expectedVersion: number | null,
): Promise<InstrumentView> {
  requirePermission(ctx, "instruments:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const found = await loadInstrument(tx, ctx, instrumentId);
    requireInstrumentOwner(ctx, found, "ändra instrumentet");
    const [before] = await tx
      .select()
      .from(progressionInstruments)
      .where(
        and(
          eq(progressionInstruments.organizationId, found.organizationId),
          eq(progressionInstruments.id, found.id),
        ),
      )
      .for("update");
    if (!before) throw new AppError("not_found", "Instrumentet finns inte.");
    checkVersion(before.version, expectedVersion, "Instrumentet");
    const values = {
      name: patch.name === undefined ? before.name : patch.name.trim(),
      description: patch.description === undefined ? before.description : patch.description?.trim() || null,
      placeholder: patch.placeholder ?? before.placeholder,
      archivedAt:
        patch.archived === undefined
          ? before.archivedAt
          : patch.archived
            ? (before.archivedAt ?? new Date())
            : null,
    };
    const errors = instrumentErrors({ key: before.key, name: values.name, description: values.description });
    if (errors[0]) throw new AppError("validation_failed", errors[0].message, { errors });
    const [updated] = await tx
      .update(progressionInstruments)
      .set({ ...values, version: sql`${progressionInstruments.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(progressionInstruments.organizationId, before.organizationId),
          eq(progressionInstruments.id, before.id),
        ),
      )
      .returning();
    if (!updated) throw new Error("instrument update returned nothing");
    await audit(tx, ctx, {
      action: "progression.instrument_updated",
      entityType: "progression_instrument",
      entityId: before.id,
      before: {
        name: before.name,
        description: before.description,
        placeholder: before.placeholder,
        archivedAt: before.archivedAt,
      },
      after: values,
    });
    return instrumentView(tx, ctx, updated);
  });
}
