/**
 * The e-invoice: an issued invoice or credit note as a UBL 2.1 document conforming to Peppol BIS Billing
 * 3.0 (decision 0016). Only the subset NNS uses is written: no allowances, no delivery, one payment means
 * per giro account. Elements follow the UBL 2.1 schema's order, which the Schematron rules do not check
 * but receiving access points do. Amounts come from the document as they are; nothing is computed here.
 */
import type {
  InvoiceBuyer,
  InvoiceDocument,
  InvoiceDocumentLine,
  InvoiceSeller,
  PostalAddress,
  VatCategory,
  VatSummaryRow,
} from "@nns/domain";
import { create } from "xmlbuilder2";

/** xmlbuilder2 does not export its builder type from its entry point. */
type XMLBuilder = ReturnType<typeof create>;

const NS = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};

export const PEPPOL_CUSTOMIZATION_ID =
  "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
export const PEPPOL_PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/** The wording SE-R-005 requires, in a tax scheme other than VAT. */
const F_SKATT_TEXT = "Godkänd för F-skatt";
/** Swedish organisationsnummer in the ISO 6523 code list. */
const SCHEME_ORGANISATIONSNUMMER = "0007";
/** UN/ECE Rec 20 "each": every line is one share or one print order. */
const UNIT_CODE = "EA";

/** Integer öre as a decimal with two decimals: 3125000 → "31250.00". */
export function oreToDecimal(ore: number): string {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Basis points as a percent without trailing zeros: 2500 → "25", 650 → "6.5". */
function percent(basisPoints: number): string {
  const fraction = String(basisPoints % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${Math.trunc(basisPoints / 100)}.${fraction}` : String(basisPoints / 100);
}

/** The UBL 2.1 Invoice or CreditNote for an issued document, as UTF-8 XML text. */
export function toUbl(doc: InvoiceDocument): string {
  const isInvoice = doc.kind === "invoice";
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(
    isInvoice ? NS.invoice : NS.creditNote,
    isInvoice ? "Invoice" : "CreditNote",
    { "xmlns:cac": NS.cac, "xmlns:cbc": NS.cbc },
  );
  const amount = (parent: XMLBuilder, name: string, ore: number) =>
    parent.ele(name, { currencyID: doc.currency }).txt(oreToDecimal(ore));

  text(root, "cbc:CustomizationID", PEPPOL_CUSTOMIZATION_ID);
  text(root, "cbc:ProfileID", PEPPOL_PROFILE_ID);
  text(root, "cbc:ID", doc.number);
  text(root, "cbc:IssueDate", doc.issueDate);
  if (isInvoice) {
    if (doc.dueDate) text(root, "cbc:DueDate", doc.dueDate);
    text(root, "cbc:InvoiceTypeCode", "380");
  } else {
    text(root, "cbc:CreditNoteTypeCode", "381");
  }
  if (doc.note) text(root, "cbc:Note", doc.note);
  text(root, "cbc:DocumentCurrencyCode", doc.currency);
  text(root, "cbc:BuyerReference", doc.buyerReference);
  if (doc.creditedInvoice) {
    const reference = root.ele("cac:BillingReference").ele("cac:InvoiceDocumentReference");
    text(reference, "cbc:ID", doc.creditedInvoice.number);
    text(reference, "cbc:IssueDate", doc.creditedInvoice.issueDate);
  }
  seller(root.ele("cac:AccountingSupplierParty").ele("cac:Party"), doc.seller);
  buyer(root.ele("cac:AccountingCustomerParty").ele("cac:Party"), doc.buyer);
  // A credit note is not paid by the buyer, so it names no account to pay to.
  if (isInvoice) paymentMeans(root, doc.seller, doc.ocr);
  text(root.ele("cac:PaymentTerms"), "cbc:Note", doc.paymentTerms);

  const taxTotal = root.ele("cac:TaxTotal");
  amount(taxTotal, "cbc:TaxAmount", doc.vatOre);
  for (const row of doc.vatSummary) {
    const subtotal = taxTotal.ele("cac:TaxSubtotal");
    amount(subtotal, "cbc:TaxableAmount", row.taxableOre);
    amount(subtotal, "cbc:TaxAmount", row.vatOre);
    taxCategory(subtotal.ele("cac:TaxCategory"), row.vatCategory, row.vatRateBasisPoints, row);
  }

  const totals = root.ele("cac:LegalMonetaryTotal");
  amount(totals, "cbc:LineExtensionAmount", doc.netOre);
  amount(totals, "cbc:TaxExclusiveAmount", doc.netOre);
  amount(totals, "cbc:TaxInclusiveAmount", doc.totalOre);
  amount(totals, "cbc:PayableAmount", doc.totalOre);

  for (const line of doc.lines) {
    const element = root.ele(isInvoice ? "cac:InvoiceLine" : "cac:CreditNoteLine");
    text(element, "cbc:ID", String(line.position));
    element
      .ele(isInvoice ? "cbc:InvoicedQuantity" : "cbc:CreditedQuantity", { unitCode: UNIT_CODE })
      .txt("1");
    amount(element, "cbc:LineExtensionAmount", line.netOre);
    item(element.ele("cac:Item"), line);
    amount(element.ele("cac:Price"), "cbc:PriceAmount", line.netOre);
  }
  return root.end({ prettyPrint: true });
}

function text(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(name).txt(value);
}

function seller(party: XMLBuilder, s: InvoiceSeller): void {
  party.ele("cbc:EndpointID", { schemeID: s.peppolId.scheme }).txt(s.peppolId.value);
  party
    .ele("cac:PartyIdentification")
    .ele("cbc:ID", { schemeID: SCHEME_ORGANISATIONSNUMMER })
    .txt(s.organizationNumber);
  address(party.ele("cac:PostalAddress"), s.address);
  taxScheme(party, s.vatNumber, "VAT");
  if (s.fSkatt) taxScheme(party, F_SKATT_TEXT, "TAX");
  legalEntity(party, s.legalName, s.organizationNumber);
  text(party.ele("cac:Contact"), "cbc:ElectronicMail", s.invoiceEmail);
}

function buyer(party: XMLBuilder, b: InvoiceBuyer): void {
  party.ele("cbc:EndpointID", { schemeID: b.peppolId.scheme }).txt(b.peppolId.value);
  party
    .ele("cac:PartyIdentification")
    .ele("cbc:ID", { schemeID: SCHEME_ORGANISATIONSNUMMER })
    .txt(b.organizationNumber);
  address(party.ele("cac:PostalAddress"), b.address);
  if (b.vatNumber) taxScheme(party, b.vatNumber, "VAT");
  legalEntity(party, b.legalName, b.organizationNumber);
  if (b.invoiceEmail) text(party.ele("cac:Contact"), "cbc:ElectronicMail", b.invoiceEmail);
}

function address(element: XMLBuilder, a: PostalAddress): void {
  text(element, "cbc:StreetName", a.street);
  if (a.additionalStreet) text(element, "cbc:AdditionalStreetName", a.additionalStreet);
  text(element, "cbc:CityName", a.city);
  text(element, "cbc:PostalZone", a.postalCode);
  text(element.ele("cac:Country"), "cbc:IdentificationCode", a.countryCode);
}

function taxScheme(party: XMLBuilder, companyId: string, scheme: "VAT" | "TAX"): void {
  const element = party.ele("cac:PartyTaxScheme");
  text(element, "cbc:CompanyID", companyId);
  text(element.ele("cac:TaxScheme"), "cbc:ID", scheme);
}

function legalEntity(party: XMLBuilder, legalName: string, organizationNumber: string): void {
  const element = party.ele("cac:PartyLegalEntity");
  text(element, "cbc:RegistrationName", legalName);
  element.ele("cbc:CompanyID", { schemeID: SCHEME_ORGANISATIONSNUMMER }).txt(organizationNumber);
}

/** Code 30 (credit transfer) with the giro account, as the Swedish rules SE-R-007…012 expect. */
function paymentMeans(root: XMLBuilder, s: InvoiceSeller, ocr: string | null): void {
  const accounts = [
    { id: s.bankgiro, branch: "SE:BANKGIRO" },
    { id: s.plusgiro, branch: "SE:PLUSGIRO" },
  ];
  for (const account of accounts) {
    if (!account.id) continue;
    const means = root.ele("cac:PaymentMeans");
    text(means, "cbc:PaymentMeansCode", "30");
    if (ocr) text(means, "cbc:PaymentID", ocr);
    const financial = means.ele("cac:PayeeFinancialAccount");
    text(financial, "cbc:ID", account.id);
    text(financial.ele("cac:FinancialInstitutionBranch"), "cbc:ID", account.branch);
  }
}

function taxCategory(
  element: XMLBuilder,
  category: VatCategory,
  rateBasisPoints: number,
  row: Pick<VatSummaryRow, "exemptionReason"> | null,
): void {
  text(element, "cbc:ID", category);
  text(element, "cbc:Percent", percent(rateBasisPoints));
  if (row?.exemptionReason) text(element, "cbc:TaxExemptionReason", row.exemptionReason);
  text(element.ele("cac:TaxScheme"), "cbc:ID", "VAT");
}

function item(element: XMLBuilder, line: InvoiceDocumentLine): void {
  text(element, "cbc:Name", line.description);
  taxCategory(element.ele("cac:ClassifiedTaxCategory"), line.vatCategory, line.vatRateBasisPoints, null);
}
