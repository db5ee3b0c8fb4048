import { example } from "../../lib/examples.js";
import { INVOICE } from "../invoices/invoices.examples.js";

/** A day's BgMax file: Halland's payment of 2027-0001 by OCR, and one payment nobody can place. */
export const BANK_FILE_REPORT = example({
  filename: "BgMax_20270502.txt",
  receiverBankgiro: "50501055",
  registeredCount: 1,
  registeredOre: INVOICE.totalOre,
  items: [
    {
      paymentDate: "2027-05-02",
      amountOre: INVOICE.totalOre,
      reference: INVOICE.ocr,
      payerName: "Samordningsförbundet Halland",
      outcome: "registered",
      invoiceId: INVOICE.id,
      invoiceNumber: INVOICE.number,
      message: `Registrerad på faktura ${INVOICE.number}.`,
    },
    {
      paymentDate: "2027-05-02",
      amountOre: 50_000,
      reference: "Kurslitteratur",
      payerName: null,
      outcome: "unmatched",
      invoiceId: null,
      invoiceNumber: null,
      message: "Referensen hör inte till någon faktura; registrera betalningen för hand.",
    },
  ],
});
