import {
  changeInstrumentVersionStatus,
  createInstrument,
  createInstrumentVersion,
  type OrgContext,
} from "@nns/services";

/** A definition that passes every rule, for the fixtures and for the bodies the suite sends. */
export const SECURITY_DEFINITION = {
  items: [
    {
      code: "S1",
      group: "Arbete",
      label: "Söka arbete",
      questions: {
        participant: "Jag vet hur jag söker arbete.",
        coach: "Deltagaren vet hur hen söker arbete.",
      },
      scale: {
        min: 1,
        max: 5,
        anchors: [
          { value: 1, label: "Stämmer inte alls" },
          { value: 5, label: "Stämmer helt" },
        ],
      },
      direction: "higher_is_better",
    },
  ],
} as const;

/** A förbund's own progression instrument (invisible to the other side) with one published version. */
export async function instrumentFixture(ctx: OrgContext, side: string) {
  const instrument = await createInstrument(ctx, {
    key: `sakerhet-${side.toLowerCase()}`,
    name: `Instrument ${side}`,
  });
  const version = await createInstrumentVersion(ctx, instrument.id, {
    definition: SECURITY_DEFINITION,
  });
  await changeInstrumentVersionStatus(ctx, instrument.id, version.id, "publish", null);
  return { instrumentId: instrument.id, versionId: version.id };
}
