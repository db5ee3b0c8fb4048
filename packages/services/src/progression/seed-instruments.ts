// Instruments written straight into the tables, as seed data: the demo's national SKAPA placeholder and the
// tests' fixtures. Keeping instruments through the product is instruments.ts and instrument-versions.ts.
import {
  progressionInstruments,
  progressionInstrumentVersions,
  progressionInterventionInstruments,
  progressionItemMappings,
  type Tx,
} from "@nns/db";
import type { InstrumentDefinition } from "@nns/domain";

export interface SeededVersion {
  organizationId: string;
  instrumentId: string;
  versionId: string;
}

/**
 * An instrument with one published version, kept by the transaction's organization (NNS's are national).
 * With `instrumentId`, a further version of that instrument instead.
 */
export async function seedPublishedVersion(
  tx: Tx,
  input: {
    organizationId: string;
    key: string;
    name: string;
    description?: string | null;
    national: boolean;
    placeholder: boolean;
    definition: InstrumentDefinition;
    number?: number;
    instrumentId?: string;
  },
): Promise<SeededVersion> {
  let instrumentId = input.instrumentId;
  if (!instrumentId) {
    const [instrument] = await tx
      .insert(progressionInstruments)
      .values({
        organizationId: input.organizationId,
        key: input.key,
        name: input.name,
        description: input.description ?? null,
        national: input.national,
        placeholder: input.placeholder,
      })
      .returning({ id: progressionInstruments.id });
    if (!instrument) throw new Error("instrument insert returned nothing");
    instrumentId = instrument.id;
  }
  const [version] = await tx
    .insert(progressionInstrumentVersions)
    .values({
      organizationId: input.organizationId,
      instrumentId,
      number: input.number ?? 1,
      status: "published",
      definition: input.definition,
      publishedAt: new Date(),
    })
    .returning({ id: progressionInstrumentVersions.id });
  if (!version) throw new Error("instrument version insert returned nothing");
  return { organizationId: input.organizationId, instrumentId, versionId: version.id };
}

/** The versions a förbund (the transaction's organization) measures one insats with. */
export async function seedChosenVersions(
  tx: Tx,
  organizationId: string,
  interventionId: string,
  versions: readonly SeededVersion[],
): Promise<void> {
  await tx.insert(progressionInterventionInstruments).values(
    versions.map((v) => ({
      organizationId,
      interventionId,
      instrumentOrganizationId: v.organizationId,
      instrumentVersionId: v.versionId,
    })),
  );
}

/** Which item of an older version answers to which of a newer one, kept by the instrument's keeper. */
export async function seedItemMappings(
  tx: Tx,
  from: SeededVersion,
  to: SeededVersion,
  pairs: readonly { from: string; to: string }[],
): Promise<void> {
  await tx.insert(progressionItemMappings).values(
    pairs.map((p) => ({
      organizationId: to.organizationId,
      fromVersionId: from.versionId,
      fromItemCode: p.from,
      toVersionId: to.versionId,
      toItemCode: p.to,
    })),
  );
}
