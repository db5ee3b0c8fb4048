import { example, HALLAND, IDS, NNS } from "../../lib/examples.js";

export const INVOICE_ID = "b0c3e7a2-5d1f-4f6e-9a8b-2c4d6e8f0a1b";
export const CREDIT_NOTE_ID = "c4d2a9e1-7b3f-4e5a-8c6d-1f2e3a4b5c6d";

const SHARED = "BIP/SKAPA-utbildning, upp till 25 deltagare i utbildningssteget";
const self = `/v1/orgs/${NNS.id}/invoices/${INVOICE_ID}`;

/** Halland's half of seed 003's training: 25 000 kr + 25 % moms, issued and not yet paid. */
export const INVOICE = example({
  id: INVOICE_ID,
  kind: "invoice",
  status: "issued",
  overdue: false,
  daysOverdue: 0,
  number: "2027-0001",
  seller: { organizationId: NNS.id },
  buyer: { organizationId: HALLAND.id, name: HALLAND.name },
  trainingId: IDS.training,
  creditedInvoiceId: null,
  issueDate: "2027-04-20",
  dueDate: "2027-05-20",
  buyerReference: "Anna Lindqvist",
  ocr: "2027000104",
  netOre: 2_500_000,
  vatOre: 625_000,
  totalOre: 3_125_000,
  paidOre: 0,
  creditedOre: 0,
  balanceOre: 3_125_000,
  issuedAt: "2027-04-20T08:31:12.000Z",
  createdAt: "2027-04-19T15:02:40.000Z",
  updatedAt: "2027-04-20T08:31:12.000Z",
  version: 1,
  links: { self, pdf: `${self}/pdf`, ubl: `${self}/ubl` },
  lines: [
    {
      position: 1,
      description: SHARED,
      kind: "shared",
      netOre: 2_500_000,
      vatCategory: "S",
      vatRateBasisPoints: 2500,
      vatOre: 625_000,
    },
  ],
  vatSummary: [
    {
      vatCategory: "S",
      vatRateBasisPoints: 2500,
      taxableOre: 2_500_000,
      vatOre: 625_000,
      exemptionReason: null,
    },
  ],
  payments: [],
  creditNotes: [],
});

const draftSelf = `/v1/orgs/${NNS.id}/invoices/${INVOICE_ID}`;

export const DRAFTS = example({
  trainingId: IDS.training,
  drafts: [
    {
      invoice: {
        ...INVOICE,
        status: "draft",
        number: null,
        issueDate: null,
        dueDate: null,
        buyerReference: null,
        ocr: null,
        issuedAt: null,
        updatedAt: "2027-04-19T15:02:40.000Z",
        balanceOre: 3_125_000,
        links: { self: draftSelf, pdf: null, ubl: null },
      },
      buyerReference: null,
      missing: [
        {
          field: "buyer.reference",
          rule: "reference_missing",
          message:
            "Referens saknas: Samordningsförbundet i Halland behöver ange en referens för utbildningen eller en standardreferens (krävs i Peppol).",
        },
      ],
    },
  ],
});

const creditSelf = `/v1/orgs/${NNS.id}/invoices/${CREDIT_NOTE_ID}`;

/** A partial credit of 5 000 kr + moms on Halland's invoice. */
export const CREDIT_NOTE = example({
  ...INVOICE,
  id: CREDIT_NOTE_ID,
  kind: "credit_note",
  number: "2027-0007",
  creditedInvoiceId: INVOICE_ID,
  issueDate: "2027-05-04",
  dueDate: null,
  ocr: null,
  netOre: 500_000,
  vatOre: 125_000,
  totalOre: 625_000,
  balanceOre: 0,
  issuedAt: "2027-05-04T10:12:09.000Z",
  createdAt: "2027-05-04T10:12:08.000Z",
  updatedAt: "2027-05-04T10:12:09.000Z",
  links: { self: creditSelf, pdf: `${creditSelf}/pdf`, ubl: `${creditSelf}/ubl` },
  lines: [{ ...INVOICE.lines[0], netOre: 500_000, vatOre: 125_000 }],
  vatSummary: [{ ...INVOICE.vatSummary[0], taxableOre: 500_000, vatOre: 125_000 }],
});
