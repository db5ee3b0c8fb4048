import { example } from "../../lib/examples.js";
import { INVOICE } from "../invoices/invoices.examples.js";

/** Halland pays half of invoice 2027-0001 by bankgiro, with the invoice's OCR as reference. */
export const PAYMENT = example({
  id: "b8e4c2a1-7d3f-4e59-8c06-1a2b3c4d5e6f",
  paidOn: "2027-05-02",
  amountOre: 1_500_000,
  method: "bankgiro",
  reference: INVOICE.ocr,
  note: null,
  createdAt: "2027-05-03T07:12:44.000Z",
});

export const PAYMENT_RESULT = example({
  payment: PAYMENT,
  invoice: {
    ...INVOICE,
    status: "partly_paid",
    paidOre: 1_500_000,
    balanceOre: INVOICE.totalOre - 1_500_000,
    updatedAt: PAYMENT.createdAt,
    version: INVOICE.version + 1,
    payments: [PAYMENT],
  },
});
