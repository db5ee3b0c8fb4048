import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  address: {
    legend: "Address",
    street: "Street address or PO box",
    additionalStreet: "Address line 2",
    additionalStreetHint: "For example “Invoice reception”. Optional.",
    postalCode: "Postal code",
    postalCodeHint: "Five digits, for example 302 31",
    city: "City",
  },
  form: {
    save: "Save",
    saved: "The details are saved.",
    conflictTitle: "Someone else has changed the details",
    conflict:
      "The details changed while you were filling in the form. Load the latest and make your changes again.",
    reload: "Load the latest",
    reloaded: "The form now shows the latest details.",
    notFilledIn: "The details have not been filled in yet.",
    readOnly:
      "You can see the details but not change them. Ask an administrator of the förbund if something needs changing.",
  },
  seller: {
    title: "Invoicing settings",
    description:
      "NNS's details as seller. They appear on every invoice NNS sends to the förbund for BIP/SKAPA trainings.",
    identity: "Seller",
    legalName: "Legal name",
    organizationNumber: "Organisation number",
    organizationNumberHint: "Ten digits, for example 802481-1658",
    vatNumber: "VAT registration number",
    vatNumberHint: "SE, the organisation number without hyphen and 01, for example SE802481165801",
    fSkatt: "Approved for F-tax",
    fSkattHint: "If so, it is printed on the invoice.",
    payment: "Payment",
    invoiceEmail: "Invoice email",
    invoiceEmailHint: "Sender and reply-to address for invoices.",
    bankgiro: "Bankgiro",
    bankgiroHint: "For example 5050-1055. Give bankgiro, plusgiro or both.",
    plusgiro: "Plusgiro",
    plusgiroHint: "For example 445267-8. Optional when bankgiro is given.",
    paymentTermsDays: "Payment terms (days)",
    paymentTermsDaysHint: "Days from invoice date to due date, 0–120.",
    lateInterestText: "Late payment interest text",
    lateInterestDefault: "Late payment interest is charged according to the Swedish Interest Act.",
  },
  details: {
    title: "Invoicing details",
    description:
      "How the förbund wants to receive invoices from NNS for BIP/SKAPA trainings. NNS cannot invoice until the details are filled in.",
    recipient: "Invoice recipient",
    legalName: "Name on the invoice",
    organizationNumber: "Organisation number",
    organizationNumberHint: "Ten digits, for example 222000-1032",
    vatNumber: "VAT registration number",
    vatNumberHint: "Only if the förbund is VAT registered: SE, the organisation number and 01.",
    invoiceEmail: "Invoice email",
    invoiceEmailHint: "Issued invoices are emailed here as PDF.",
    peppol: "E-invoice (Peppol)",
    peppolIntro:
      "Your address for e-invoices in the Peppol network. Most förbund receive e-invoices at their organisation number; then nothing needs changing.",
    peppolScheme: "Address type",
    peppolSchemeHint: "Four digits. 0007 means Swedish organisation number.",
    peppolValue: "Address",
    peppolValueHint: "With type 0007: the organisation number, ten digits.",
    reference: "Reference",
    referenceIntro:
      "Every Peppol e-invoice must carry a reference, for example a person or a project, so that it reaches the right place with you. The default reference is used when you have not given one for a training.",
    defaultReference: "Default reference",
    defaultReferenceHint: "For example your name or your project number.",
  },
};
