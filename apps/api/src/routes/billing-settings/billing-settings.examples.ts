import { example, IDS } from "../../lib/examples.js";

/** NNS's invoicing identity as the seller; organisationsnummer 802481-1658 passes Luhn. */
export const SELLER_SETTINGS_INPUT = {
  legalName: "Nationella nätverket för samordningsförbund",
  organizationNumber: "802481-1658",
  vatNumber: "SE802481165801",
  fSkatt: true,
  address: { street: "Box 1234", additionalStreet: null, postalCode: "111 22", city: "Stockholm" },
  invoiceEmail: "faktura@nnsfinsam.se",
  bankgiro: "5050-1055",
  plusgiro: null,
  paymentTermsDays: 30,
  lateInterestText: "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
};

export const SELLER_SETTINGS = example({
  ...SELLER_SETTINGS_INPUT,
  organizationNumber: "8024811658",
  address: { ...SELLER_SETTINGS_INPUT.address, countryCode: "SE" },
  bankgiro: "50501055",
  version: 2,
  updatedAt: "2027-01-12T09:14:03.000Z",
});

/** Halland's details as its förbundschef keeps them; 222000-1032 passes Luhn. */
export const INVOICING_DETAILS_INPUT = {
  legalName: "Samordningsförbundet i Halland",
  organizationNumber: "222000-1032",
  vatNumber: null,
  address: {
    street: "Kristian IV:s väg 3",
    additionalStreet: "Fakturamottagning",
    postalCode: "30231",
    city: "Halmstad",
  },
  invoiceEmail: "faktura@halland.samordning.se",
  peppolId: { scheme: "0007", value: "2220001032" },
  defaultReference: "Anna Lindqvist",
};

export const INVOICING_DETAILS = example({
  ...INVOICING_DETAILS_INPUT,
  organizationNumber: "2220001032",
  address: { ...INVOICING_DETAILS_INPUT.address, postalCode: "302 31", countryCode: "SE" },
  version: 1,
  updatedAt: "2027-02-03T14:20:44.000Z",
});

export const TRAINING_REFERENCE = example({
  trainingId: IDS.training,
  reference: "Projekt BIP 2027, Anna Lindqvist",
  updatedAt: "2027-03-02T10:05:31.000Z",
});
