import { example, GOTEBORG_NORDOST, HALLAND } from "../../lib/examples.js";
import { INVOICE } from "../invoices/invoices.examples.js";

const { lines: _lines, vatSummary: _vat, payments: _payments, creditNotes: _credits, ...summary } = INVOICE;
/** Invoice 2027-0001 as the list shows it: the invoice without its lines, payments and credit notes. */
export const INVOICE_SUMMARY = example(summary);

/** Halland owes one invoice not yet due and one a fortnight late; Göteborg Nordost one over two months. */
export const AGING = example({
  asOf: "2027-06-15",
  total: {
    not_due: 3_125_000,
    "1_30": 1_625_000,
    "31_60": 0,
    over_60: 3_125_000,
    totalOre: 7_875_000,
    invoiceCount: 3,
  },
  buyers: [
    {
      organizationId: HALLAND.id,
      organizationName: HALLAND.name,
      not_due: 3_125_000,
      "1_30": 1_625_000,
      "31_60": 0,
      over_60: 0,
      totalOre: 4_750_000,
      invoiceCount: 2,
    },
    {
      organizationId: GOTEBORG_NORDOST.id,
      organizationName: GOTEBORG_NORDOST.name,
      not_due: 0,
      "1_30": 0,
      "31_60": 0,
      over_60: 3_125_000,
      totalOre: 3_125_000,
      invoiceCount: 1,
    },
  ],
});
