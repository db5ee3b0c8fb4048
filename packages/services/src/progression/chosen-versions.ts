// The instrument versions an insats measures with, as participants' pages and measurements read them.
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionInterventionInstruments,
  type Tx,
} from "@nns/db";
import type { InstrumentDefinition, InstrumentVersionStatus } from "@nns/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { versionSummary } from "./instruments.js";
import type { InstrumentVersionSummaryWithName } from "./intervention-instruments.js";

/** One version with what measurements need of it: its keeper, its items and its instrument's name. */
export interface VersionWithInstrument {
  organizationId: string;
  id: string;
  number: number;
  status: InstrumentVersionStatus;
  publishedAt: Date | null;
  definition: InstrumentDefinition;
  instrumentId: string;
  instrumentName: string;
  placeholder: boolean;
}

/** The version as the insats's list and the participant's page show it. */
export function summaryWithName(v: VersionWithInstrument): InstrumentVersionSummaryWithName {
  return {
    ...versionSummary(v),
    instrumentId: v.instrumentId,
    instrumentName: v.instrumentName,
    placeholder: v.placeholder,
  };
}

const versionColumns = {
  organizationId: progressionInstrumentVersions.organizationId,
  id: progressionInstrumentVersions.id,
  number: progressionInstrumentVersions.number,
  status: progressionInstrumentVersions.status,
  publishedAt: progressionInstrumentVersions.publishedAt,
  definition: progressionInstrumentVersions.definition,
  instrumentId: progressionInstruments.id,
  instrumentName: progressionInstruments.name,
  placeholder: progressionInstruments.placeholder,
};

function versionsQuery(tx: Tx) {
  return tx
    .select(versionColumns)
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      and(
        eq(progressionInstruments.organizationId, progressionInstrumentVersions.organizationId),
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      ),
    );
}

/**
 * Versions by id, whoever keeps them: row-level security shows the förbund its own instruments and every
 * national one that is not a draft.
 */
export async function versionsById(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, VersionWithInstrument>> {
  if (ids.length === 0) return new Map();
  const rows = await versionsQuery(tx).where(inArray(progressionInstrumentVersions.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row as VersionWithInstrument]));
}

/** The versions the förbund chose for one insats (its own or co-owned), by instrument name and number. */
export async function chosenVersions(
  tx: Tx,
  organizationId: string,
  interventionId: string,
): Promise<VersionWithInstrument[]> {
  const rows = await versionsQuery(tx)
    .innerJoin(
      progressionInterventionInstruments,
      and(
        eq(
          progressionInterventionInstruments.instrumentOrganizationId,
          progressionInstrumentVersions.organizationId,
        ),
        eq(progressionInterventionInstruments.instrumentVersionId, progressionInstrumentVersions.id),
      ),
    )
    .where(
      and(
        eq(progressionInterventionInstruments.organizationId, organizationId),
        eq(progressionInterventionInstruments.interventionId, interventionId),
      ),
    )
    .orderBy(asc(progressionInstruments.name), asc(progressionInstrumentVersions.number));
  return rows as VersionWithInstrument[];
}
