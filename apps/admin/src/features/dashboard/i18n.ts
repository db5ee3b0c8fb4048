import { registerTranslations } from "../../i18n";

const sv = {
  welcome: "Välkommen, {{name}}",
  yourRole: "Din roll här: {{role}}",
  coordinator: "Du arbetar här som NNS-samordnare.",
  organization: "Organisation",
  organizationNumber: "Organisationsnummer",
  county: "Län",
  memberParties: "Huvudmän",
  noParties: "Inga huvudmän registrerade.",
  comingSoon: "Insatskatalogen, utbildningar, nyhetsbrev och uppföljning kommer att visas här.",
  noOrganization: "Du är inte medlem i någon organisation ännu. Be en administratör att bjuda in dig.",
  kinds: { nns: "Nationella nätverket", forbund: "Samordningsförbund" },
  partyKinds: { fk: "Försäkringskassan", af: "Arbetsförmedlingen", region: "Region", kommun: "Kommun" },
};
const en: typeof sv = {
  welcome: "Welcome, {{name}}",
  yourRole: "Your role here: {{role}}",
  coordinator: "You work here as an NNS coordinator.",
  organization: "Organization",
  organizationNumber: "Organisation number",
  county: "County",
  memberParties: "Member parties",
  noParties: "No member parties registered.",
  comingSoon: "The intervention catalogue, trainings, newsletters and follow-up will appear here.",
  noOrganization: "You are not a member of any organization yet. Ask an administrator to invite you.",
  kinds: { nns: "National network", forbund: "Coordination association" },
  partyKinds: {
    fk: "Social Insurance Agency",
    af: "Public Employment Service",
    region: "Region",
    kommun: "Municipality",
  },
};
registerTranslations("dashboard", { sv, en });
