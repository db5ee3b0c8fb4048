import { example, GOTEBORG_NORDOST, HALLAND, IDS } from "../../lib/examples.js";

const SHARED = "BIP/SKAPA-utbildning, upp till 25 deltagare i utbildningssteget";

/** Seed 003's price split by seats, 14 and 11 of 25, with Halland's own printing. */
export const TRAINING_COSTS = example({
  trainingId: IDS.training,
  rule: "seats",
  sharedNetOre: 5_000_000,
  partyCount: 2,
  parties: [
    {
      organizationId: HALLAND.id,
      organizationName: HALLAND.name,
      lines: [
        {
          description: SHARED,
          kind: "shared",
          netOre: 2_800_000,
          vatRateBasisPoints: 2500,
          vatOre: 700_000,
          paidBy: null,
          invoiced: true,
        },
        {
          description: "Tryck av arbetsmaterial, 14 ex",
          kind: "print",
          netOre: 185_000,
          vatRateBasisPoints: 2500,
          vatOre: 46_250,
          paidBy: "owner",
          invoiced: true,
        },
      ],
      sharedNetOre: 2_800_000,
      printNetOre: 185_000,
      vatOre: 746_250,
      totalOre: 3_731_250,
      invoicedNetOre: 2_985_000,
      invoicedVatOre: 746_250,
      invoicedTotalOre: 3_731_250,
    },
    {
      organizationId: GOTEBORG_NORDOST.id,
      organizationName: GOTEBORG_NORDOST.name,
      lines: [
        {
          description: SHARED,
          kind: "shared",
          netOre: 2_200_000,
          vatRateBasisPoints: 2500,
          vatOre: 550_000,
          paidBy: null,
          invoiced: true,
        },
      ],
      sharedNetOre: 2_200_000,
      printNetOre: 0,
      vatOre: 550_000,
      totalOre: 2_750_000,
      invoicedNetOre: 2_200_000,
      invoicedVatOre: 550_000,
      invoicedTotalOre: 2_750_000,
    },
  ],
  netOre: 5_185_000,
  vatOre: 1_296_250,
  totalOre: 6_481_250,
  printCosts: [
    {
      id: IDS.printCost,
      organizationId: HALLAND.id,
      description: "Tryck av arbetsmaterial, 14 ex",
      amountOre: 185_000,
      vatRateBasisPoints: 2500,
      paidBy: "owner",
      createdAt: "2027-03-09T13:55:02.000Z",
    },
  ],
});
