import type { Translations } from "../../../i18n/types";
import type { invoicing as sv } from "../sv/invoicing";

export const invoicing: Translations<typeof sv> = {
  invoicing: {
    heading: "Invoicing",
    intro:
      "NNS invoices each förbund its part of the cost. Create drafts to see what the invoices will look like and what is missing before they can be sent.",
    notYet: "Invoices can be created once the training is confirmed or completed.",
    draft: "Create invoice drafts",
    redraft: "Update the invoice drafts",
    redraftHint:
      "If something has changed, such as a print cost, running it again updates the existing drafts. Invoices already issued are not changed.",
    drafted_one: "One invoice draft is created or updated.",
    drafted_other: "{{count}} invoice drafts are created or updated.",
    draftsCaption: "Invoice draft for {{name}}",
    referenceUsed: "Reference on the invoice",
    noReference: "No reference yet",
    columns: { line: "Line", net: "Amount excl. VAT", vat: "VAT" },
    net: "Total excl. VAT",
    vat: "VAT",
    total: "Total to pay",
    ready: "Ready to issue.",
    issuedNote: "The invoice is already issued and does not change when the drafts are updated.",
    missing: "This is missing before the invoice can be issued:",
    open: "Open the invoice for {{name}}",
    issuedNumber: "Invoice {{number}}",
    statusLabel: "Status",
    status: {
      draft: "Draft",
      issued: "Issued",
      partly_paid: "Partly paid",
      paid: "Paid",
      partly_credited: "Partly credited",
      credited: "Credited",
    },
    referenceHeading: "Your reference for this training",
    referenceIntro:
      "The reference appears on NNS's invoice for the training so that it reaches the right place with you. If you give none here, your default reference is used.",
    referenceLabel: "Reference for the training",
    referenceDefault: "Default reference: {{reference}}",
    referenceNoDefault: "You have no default reference. Give one under Invoicing details.",
    referenceSave: "Save reference",
    referenceSaved: "The reference {{reference}} is used on the invoice for the training.",
  },
};
