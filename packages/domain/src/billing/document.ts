/**
 * An issued invoice or credit note as a document: everything the e-invoice (UBL), the PDF, the email and
 * the bookkeeping export print, frozen when it is issued so that a later change of address or settings
 * never alters a document that has been sent (an allmän handling). Amounts are integer öre; dates are
 * calendar dates (`YYYY-MM-DD`, Europe/Stockholm). The ledger (packages/services/src/billing) builds it;
 * nothing downstream computes an amount.
 */

export interface PostalAddress {
  street: string;
  /** An optional second line: c/o, box, department. */
  additionalStreet: string | null;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2; always `SE` today. */
  countryCode: string;
}

/** A Peppol participant identifier: scheme `0007` (Swedish organisationsnummer) unless told otherwise. */
export interface PeppolParticipantId {
  scheme: string;
  value: string;
}

export interface InvoiceBuyer {
  /** The organization in our system that is invoiced. */
  organizationId: string;
  legalName: string;
  /** Ten digits, no hyphen, Luhn-valid. */
  organizationNumber: string;
  /** `SE` + organisationsnummer + `01` when the buyer is registered for VAT, else null. */
  vatNumber: string | null;
  address: PostalAddress;
  peppolId: PeppolParticipantId;
  invoiceEmail: string | null;
}

export interface InvoiceSeller {
  organizationId: string;
  legalName: string;
  organizationNumber: string;
  /** `SE` + organisationsnummer + `01`. */
  vatNumber: string;
  /** Approved for F-skatt: the document says `Godkänd för F-skatt`. */
  fSkatt: boolean;
  address: PostalAddress;
  peppolId: PeppolParticipantId;
  invoiceEmail: string;
  /** Digits only, e.g. `56781234`; at least one of bankgiro and plusgiro is set. */
  bankgiro: string | null;
  plusgiro: string | null;
  /** Printed on the PDF, e.g. "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen." */
  lateInterestText: string;
}

/** Peppol/EN 16931 VAT category: standard rate, zero rated, or exempt (which needs a reason). */
export type VatCategory = "S" | "Z" | "E";

export interface InvoiceDocumentLine {
  /** 1, 2, … in the order printed. */
  position: number;
  description: string;
  /** `shared`: the förbund's share of a training's shared cost; `print`: print costs NNS paid for it. */
  kind: "shared" | "print";
  netOre: number;
  vatCategory: VatCategory;
  vatRateBasisPoints: number;
  vatOre: number;
}

export interface VatSummaryRow {
  vatCategory: VatCategory;
  vatRateBasisPoints: number;
  taxableOre: number;
  vatOre: number;
  /** Required for category E ("Undantag från skatteplikt enligt 3 kap. ML"). */
  exemptionReason: string | null;
}

export interface InvoiceDocument {
  kind: "invoice" | "credit_note";
  /** Our number in the seller's series, e.g. `2027-0001`. */
  number: string;
  issueDate: string;
  /** Invoices only; a credit note is not paid. */
  dueDate: string | null;
  currency: "SEK";
  /** The buyer's referens (BT-10), mandatory in Peppol. */
  buyerReference: string;
  /** Bankgiro OCR reference for matching the payment (invoices only). */
  ocr: string | null;
  /** What was delivered, printed as the invoice's note: e.g. the training's title and dates. */
  note: string;
  /** e.g. "30 dagar netto". */
  paymentTerms: string;
  /** Credit notes: the invoice they correct. */
  creditedInvoice: { number: string; issueDate: string } | null;
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  lines: InvoiceDocumentLine[];
  vatSummary: VatSummaryRow[];
  netOre: number;
  vatOre: number;
  /** Net + VAT; what is payable (credit notes: what is credited). */
  totalOre: number;
}
