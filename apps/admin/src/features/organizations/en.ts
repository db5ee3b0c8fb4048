import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "Organizations",
  backToList: "Back to organizations",
  kinds: { nns: "National network", forbund: "Coordination association" },
  list: {
    description:
      "Every coordination association and NNS. Choose a name to go to the organization's overview.",
    register: "Register association",
    caption: "Registered organizations",
    name: "Name",
    county: "County",
    organizationNumber: "Organisation number",
    kommuner: "Number of municipalities",
    actions: "Actions",
    edit: "Edit",
    empty: "No organizations are registered yet.",
    noCounty: "–",
    finsamIssues: "Member parties do not follow the Finsam act",
  },
  form: {
    details: "Details",
    name: "Name",
    slug: "Short name",
    slugDescriptionNew:
      "Used in addresses, e.g. samordningsforbundet-halland. Lower-case letters, digits and dashes. Leave it empty to derive it from the name.",
    slugDescriptionEdit: "Used in addresses. Lower-case letters, digits and dashes.",
    organizationNumber: "Organisation number",
    organizationNumberDescription: "Ten digits in the form NNNNNN-NNNN.",
    county: "County",
    countyDescription:
      "The county where the association is based. The region and the list of municipalities below follow it.",
    email: "Email",
    website: "Website",
    websiteDescription: "The full address, e.g. https://www.example.se.",
    parties: "Member parties",
    partiesIntro: "Tick the agencies, the region and the municipalities that are members of the association.",
    agencies: "Agencies and region",
    fk: "Swedish Social Insurance Agency (Försäkringskassan)",
    af: "Swedish Public Employment Service (Arbetsförmedlingen)",
    region: "The region of the county",
    regionNamed: "The region of the county ({{county}})",
    kommunerIn: "Municipalities in {{county}}",
    chooseCountyFirst: "Choose a county above to see its municipalities.",
    otherCounty: "Add municipalities from another county",
    otherCountyDescription:
      "Some associations have member municipalities in several counties. Choose a county and its municipalities appear right below.",
    otherCountyAdded: "The municipalities in {{county}} now appear below the county choice.",
    regionFollows: "The region of {{county}} becomes a member party when a kommun there is chosen.",
    selectedCount_one: "{{count}} municipality selected",
    selectedCount_other: "{{count}} municipalities selected",
    loadingKommuner: "Loading municipalities …",
    create: "Register association",
    save: "Save changes",
    saving: "Saving …",
  },
  create: {
    title: "Register association",
    description: "Register a new coordination association with its member parties.",
    created: "{{name}} is registered. You can continue editing its details here.",
  },
  edit: {
    title: "Edit {{name}}",
    saved: "Your changes are saved.",
    finsamIssuesTitle:
      "The förbund was registered before its member parties were checked against the Finsam act (2003:1210). Correct them and save:",
    conflictTitle: "Someone else has changed the organization",
    conflict:
      "The details have changed since you opened the page, so your changes were not saved. Load the latest version and make your changes again.",
    reload: "Load the latest version",
    reloaded: "The latest version is loaded.",
    dashboard: "Go to the organization's overview",
  },
  payment: {
    heading: "Payment method",
    intro: "How the förbund pays NNS's invoices.",
    label: "Payment method for invoices",
    bankgiro: "Bankgiro (payment with OCR number)",
    stripe: "Card or direct debit via Stripe",
    unavailable:
      "Payment via Stripe cannot be chosen: the platform is not connected to Stripe. Invoices are paid to bankgiro.",
    save: "Save payment method",
    saved: "The payment method is saved.",
  },
};
