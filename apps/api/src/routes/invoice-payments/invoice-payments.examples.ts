import { example } from "../../lib/examples.js";

/** Invoice 2027-0001 to Halland, 31 250 kr, paid in part by bankgiro with its OCR as reference. */
export const INVOICE_ID = "5d0f8a52-6c1e-4f0b-9a3d-2e7b4c9a1f60";

export const PAYMENT = example({
  id: "b8e4c2a1-7d3f-4e59-8c06-1a2b3c4d5e6f",
  invoiceId: INVOICE_ID,
  paidOn: "2027-04-20",
  amountOre: 1_500_000,
  method: "bankgiro",
  reference: "2027000161",
  note: null,
  createdAt: "2027-04-21T07:12:44.000Z",
});

export const PAYMENT_RESULT = example({
  payment: PAYMENT,
  invoice: {
    id: INVOICE_ID,
    number: "2027-0001",
    status: "partly_paid",
    paidOre: 1_500_000,
    balanceOre: 1_625_000,
  },
});
