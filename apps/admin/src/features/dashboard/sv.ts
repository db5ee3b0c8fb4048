export const sv = {
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
