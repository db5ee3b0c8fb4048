// Routes: apps/api/src/routes/progression-participants — two of one participant's readings side by side.
import { progressionItemMappings, progressionMeasurements, type Tx } from "@nns/db";
import {
  AppError,
  type Direction,
  fieldError,
  type InstrumentItem,
  itemsFor,
  type Respondent,
} from "@nns/domain";
import { and, asc, desc, eq, or } from "drizzle-orm";
import type { OrgContext } from "../context.js";
import {
  loadParticipant,
  logParticipantAccess,
  type ParticipantRow,
  withParticipantAccess,
} from "./access.js";
import { type VersionWithInstrument, versionsById } from "./chosen-versions.js";
import type { MeasurementRow } from "./measurements.js";

export interface ComparisonQuery {
  instrumentVersionId?: string | undefined;
  respondent?: Respondent | undefined;
  /** Measurement ids; by default the first and the latest of the version and respondent. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface ComparisonEnd {
  measurementId: string;
  measuredOn: string;
  instrumentVersionId: string;
  versionNumber: number;
}

export interface ComparedItem {
  code: string;
  label: string;
  group: string;
  min: number;
  max: number;
  direction: Direction;
  from: number;
  to: number;
  /** Steps in the better direction: positive is progress whichever way the item runs. */
  change: number;
}

export interface ComparisonView {
  participantId: string;
  respondent: Respondent;
  from: ComparisonEnd;
  to: ComparisonEnd;
  items: ComparedItem[];
  /** Codes of items that have no counterpart in the other reading's version, so are not compared. */
  unmappedItems: string[];
}

async function measurementOf(
  tx: Tx,
  participant: ParticipantRow,
  measurementId: string,
  field: string,
): Promise<MeasurementRow> {
  const [row] = await tx
    .select()
    .from(progressionMeasurements)
    .where(
      and(
        eq(progressionMeasurements.organizationId, participant.organizationId),
        eq(progressionMeasurements.participantId, participant.id),
        eq(progressionMeasurements.id, measurementId),
      ),
    );
  if (!row) throw fieldError(field, "participant_measurement", "Välj en av deltagarens mätningar.");
  return row;
}

async function firstOrLatest(
  tx: Tx,
  participant: ParticipantRow,
  versionId: string,
  respondent: Respondent,
  which: "first" | "latest",
): Promise<MeasurementRow | undefined> {
  const order = which === "first" ? asc : desc;
  const [row] = await tx
    .select()
    .from(progressionMeasurements)
    .where(
      and(
        eq(progressionMeasurements.organizationId, participant.organizationId),
        eq(progressionMeasurements.participantId, participant.id),
        eq(progressionMeasurements.instrumentVersionId, versionId),
        eq(progressionMeasurements.respondent, respondent),
      ),
    )
    .orderBy(
      order(progressionMeasurements.measuredOn),
      order(progressionMeasurements.createdAt),
      order(progressionMeasurements.id),
    )
    .limit(1);
  return row;
}

/**
 * Which item of `from`'s version answers to which of `to`'s: by code within one version, and across
 * versions only through the keeper's mappings (either way round), so nothing is compared by guesswork.
 */
async function counterparts(
  tx: Tx,
  fromVersionId: string,
  toVersionId: string,
): Promise<Map<string, string>> {
  if (fromVersionId === toVersionId) return new Map();
  const rows = await tx
    .select()
    .from(progressionItemMappings)
    .where(
      or(
        and(
          eq(progressionItemMappings.fromVersionId, fromVersionId),
          eq(progressionItemMappings.toVersionId, toVersionId),
        ),
        and(
          eq(progressionItemMappings.fromVersionId, toVersionId),
          eq(progressionItemMappings.toVersionId, fromVersionId),
        ),
      ),
    );
  // to-code → from-code
  return new Map(
    rows.map((m) =>
      m.fromVersionId === fromVersionId ? [m.toItemCode, m.fromItemCode] : [m.fromItemCode, m.toItemCode],
    ),
  );
}

function answersByCode(items: InstrumentItem[], row: MeasurementRow): Map<string, number> {
  return new Map(items.map((item, i) => [item.code, row.answers[i] as number]));
}

export function compareReadings(
  from: { row: MeasurementRow; version: VersionWithInstrument },
  to: { row: MeasurementRow; version: VersionWithInstrument },
  mapping: Map<string, string> | null,
): Pick<ComparisonView, "items" | "unmappedItems"> {
  const respondent = to.row.respondent;
  const fromItems = itemsFor(from.version.definition, respondent);
  const toItems = itemsFor(to.version.definition, respondent);
  const fromAnswers = answersByCode(fromItems, from.row);
  const used = new Set<string>();
  const items: ComparedItem[] = [];
  const unmapped: string[] = [];
  for (const [i, item] of toItems.entries()) {
    const fromCode = mapping ? mapping.get(item.code) : item.code;
    const before = fromCode === undefined ? undefined : fromAnswers.get(fromCode);
    if (fromCode === undefined || before === undefined) {
      unmapped.push(item.code);
      continue;
    }
    used.add(fromCode);
    const after = to.row.answers[i] as number;
    const sign = item.direction === "higher_is_better" ? 1 : -1;
    items.push({
      code: item.code,
      label: item.label,
      group: item.group,
      min: item.scale.min,
      max: item.scale.max,
      direction: item.direction,
      from: before,
      to: after,
      change: (after - before) * sign,
    });
  }
  for (const item of fromItems)
    if (!used.has(item.code) && !unmapped.includes(item.code)) unmapped.push(item.code);
  return { items, unmappedItems: unmapped };
}

function end(row: MeasurementRow, version: VersionWithInstrument): ComparisonEnd {
  return {
    measurementId: row.id,
    measuredOn: row.measuredOn,
    instrumentVersionId: row.instrumentVersionId,
    versionNumber: version.number,
  };
}

/**
 * Two readings by the same respondent, item by item: by default the first and the latest of one version.
 * Readings of two versions are compared only on the items the instrument's keeper mapped.
 */
export async function getComparison(
  ctx: OrgContext,
  participantId: string,
  query: ComparisonQuery,
): Promise<ComparisonView> {
  return withParticipantAccess(ctx, async (tx) => {
    // Whose it is first: someone else's participant is not found, whatever was asked of it.
    const participant = await loadParticipant(tx, ctx, participantId);
    const needsVersion = query.from === undefined || query.to === undefined;
    if (needsVersion && query.instrumentVersionId === undefined)
      throw fieldError(
        "query.instrumentVersionId",
        "required",
        "Ange instrumentversionen, eller två mätningar med from och to.",
      );
    if (needsVersion && query.respondent === undefined)
      throw fieldError("query.respondent", "required", "Ange vems skattningar som jämförs.");
    const pick = async (id: string | undefined, which: "first" | "latest", field: string) => {
      if (id !== undefined) return measurementOf(tx, participant, id, field);
      const row = await firstOrLatest(
        tx,
        participant,
        query.instrumentVersionId as string,
        query.respondent as Respondent,
        which,
      );
      if (!row)
        throw new AppError(
          "unprocessable",
          "Deltagaren har inga mätningar med den versionen av den som svarar.",
        );
      return row;
    };
    const fromRow = await pick(query.from, "first", "query.from");
    const toRow = await pick(query.to, "latest", "query.to");
    if (fromRow.respondent !== toRow.respondent)
      throw fieldError("query.to", "same_respondent", "Jämför två skattningar av samma person.");
    if (query.respondent !== undefined && fromRow.respondent !== query.respondent)
      throw fieldError(
        "query.respondent",
        "same_respondent",
        "Mätningarna är inte skattade av den som svarar.",
      );
    if (fromRow.id === toRow.id)
      throw new AppError("unprocessable", "Det behövs två olika mätningar för en jämförelse.");
    const versions = await versionsById(tx, [fromRow.instrumentVersionId, toRow.instrumentVersionId]);
    const fromVersion = versions.get(fromRow.instrumentVersionId) as VersionWithInstrument;
    const toVersion = versions.get(toRow.instrumentVersionId) as VersionWithInstrument;
    if (
      fromVersion.instrumentId !== toVersion.instrumentId ||
      fromVersion.organizationId !== toVersion.organizationId
    )
      throw fieldError("query.to", "same_instrument", "Jämför två mätningar med samma instrument.");
    const mapping =
      fromVersion.id === toVersion.id ? null : await counterparts(tx, fromVersion.id, toVersion.id);
    const compared = compareReadings(
      { row: fromRow, version: fromVersion },
      { row: toRow, version: toVersion },
      mapping,
    );
    await logParticipantAccess(tx, ctx, [participant], "read");
    return {
      participantId,
      respondent: toRow.respondent,
      from: end(fromRow, fromVersion),
      to: end(toRow, toVersion),
      ...compared,
    };
  });
}
