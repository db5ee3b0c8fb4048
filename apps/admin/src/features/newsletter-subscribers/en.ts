import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "Subscribers",
  description:
    "The people who get the newsletter {{publication}}. Only confirmed subscribers receive the issues. The list is personal data: handle it with care.",
  descriptionFallback:
    "The people who get the newsletter. Only confirmed subscribers receive the issues. The list is personal data: handle it with care.",
  export: "Download as CSV",
  status: {
    unconfirmed: "Not confirmed",
    confirmed: "Confirmed",
    unsubscribed: "Unsubscribed",
    blocklisted: "Blocked",
  },
  consentSource: {
    signup_form: "Sign-up form on the newsletter's page",
    embedded_form: "Embedded sign-up form",
    import: "Imported from a file",
    api: "Through the API",
  },
  filters: {
    label: "Search the subscribers",
    q: "Search by address or name",
    status: "Status",
    anyStatus: "All statuses",
    apply: "Search",
    clear: "Show all",
  },
  list: {
    heading: "Subscribers",
    empty: "The newsletter has no subscribers yet. Add a person or import a file.",
    emptyFiltered: "No subscriber matches the search.",
    shown_one: "Showing {{count}} subscriber.",
    shown_other: "Showing {{count}} subscribers.",
    loadingMore: "Fetching more …",
    columns: {
      email: "Email address",
      name: "Name",
      status: "Status",
      consent: "Consent",
      actions: "Actions",
    },
    noName: "No name",
    since: "since {{date}}",
    noConsent: "No consent recorded",
    attested: "Attested by an administrator",
    showConsentText: "Show the consent text",
  },
  add: {
    button: "Add subscriber",
    title: "Add subscriber",
    email: "Email address",
    name: "Name (optional)",
    consentText: "Consent text",
    consentTextDescription:
      "What the person agreed to and where, in your own words or word for word. The text is stored with the person. For example: Asked for the newsletter by phone on 3 March.",
    attest: "I attest that the person has consented",
    attestDescription:
      "If you tick the box the person is confirmed at once and you are recorded as attesting the consent. Otherwise the person gets an email with a link to confirm and stays Not confirmed until they do; only then do they receive the issues.",
    submit: "Add",
    doneConfirmed: "{{email}} has been added and confirmed.",
    doneUnconfirmed:
      "{{email}} has been added. The person has been sent an email to confirm and stays Not confirmed until then.",
  },
  import: {
    button: "Import from file",
    title: "Import subscribers",
    intro:
      "A CSV file with a column for the email address (headed email or e-post) and preferably one for the name (name or namn). Commas or semicolons as separators both work, so a file saved from Excel will do.",
    file: "CSV file",
    fileRequired: "Choose a file to import.",
    fileTooLarge: "The file is too large. Split it into several files of at most 1 MB.",
    consentText: "Consent text",
    consentTextDescription:
      "What the people in the file agreed to and where. The text is stored with each of them. For example: Signed up on the attendance list at Finsamdagen 2026 and wanted the newsletter.",
    attest: "I attest that the people have consented",
    attestDescription:
      "If you tick the box new addresses are confirmed at once and you are recorded as attesting the consent. Otherwise each new address gets an email with a link to confirm and stays Not confirmed until the person does.",
    submit: "Import",
    reportHeading: "Result of the import",
    summary: "The import is done: {{created}} new, {{updated}} updated and {{skipped}} not imported.",
    problemsHeading: "Rows that were not imported",
    problemRow: "Row {{row}}",
    noProblems: "Every row in the file could be read.",
    close: "Close",
    importAnother: "Import another file",
  },
  unsubscribe: {
    button: "Unsubscribe",
    label: "Unsubscribe {{email}}",
    title: "Unsubscribe {{email}}?",
    body: "Do this when the person has asked for it, for example by phone or letter. The person gets no more issues. The address and consent stay in the list with the status Unsubscribed.",
    confirm: "Unsubscribe",
    done: "{{email}} has been unsubscribed and gets no more issues.",
  },
  erase: {
    button: "Erase",
    label: "Erase {{email}}",
    title: "Erase {{email}} for good?",
    body: "The address, name and consent are erased and cannot be restored. Issues already sent still count in the figures but are no longer linked to the person.",
    kept: "All that is kept is a checksum (hash) of the address, so that the person never gets issues again and cannot be imported again – unless they sign up again themselves.",
    confirm: "Erase for good",
    done: "{{email}} has been erased. Only a checksum of the address remains, so that it never gets issues again.",
  },
};
