import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
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
