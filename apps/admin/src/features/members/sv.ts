export const sv = {
  title: "Medlemmar",
  description: "Personer som har tillgång till {{organization}} och vilken roll de har.",
  descriptionFallback: "Personer som har tillgång till organisationen och vilken roll de har.",
  invite: "Bjud in",
  members: {
    heading: "Nuvarande medlemmar",
    empty: "Organisationen har inga medlemmar ännu.",
    you: "(du)",
    columns: {
      name: "Namn",
      email: "E-postadress",
      role: "Roll",
      memberSince: "Medlem sedan",
      actions: "Åtgärder",
    },
    roleFor: "Roll för {{name}}",
    roleChanged: "{{name}} har nu rollen {{role}}.",
    remove: "Ta bort",
    removeLabel: "Ta bort {{name}}",
    removeTitle: "Ta bort {{name}}?",
    removeBody:
      "{{name}} ({{email}}) förlorar genast sin tillgång till organisationen. Kontot finns kvar, och personen kan bjudas in igen senare.",
    removeSelfBody:
      "Du tar bort dig själv och förlorar genast din tillgång till organisationen. Någon annan administratör måste bjuda in dig om du vill tillbaka.",
    removeConfirm: "Ta bort medlemmen",
    removed: "{{name}} har tagits bort från organisationen.",
  },
  errors: {
    lastAdmin:
      "{{name}} är organisationens sista administratör. Ge först någon annan administratörsrollen och försök sedan igen.",
    changedMeanwhile:
      "Uppgifterna för {{name}} har ändrats av någon annan under tiden. Listan har laddats om – kontrollera och försök igen.",
    roleFailed: "Rollen för {{name}} kunde inte ändras: {{detail}}",
    removeFailed: "{{name}} kunde inte tas bort: {{detail}}",
    revokeFailed: "Inbjudan till {{email}} kunde inte återkallas: {{detail}}",
  },
  inviteDialog: {
    title: "Bjud in medlem",
    intro: "Personen får ett e-postmeddelande med en länk för att gå med. Länken gäller i 7 dagar.",
    email: "E-postadress",
    role: "Roll",
    roleDescription:
      "Administratörer hanterar medlemmar och API-nycklar. Redaktörer och läsare kan se organisationen.",
    submit: "Skicka inbjudan",
    sent: "Inbjudan skickad till {{email}}.",
  },
  invitations: {
    heading: "Väntande inbjudningar",
    empty: "Inga väntande inbjudningar.",
    columns: {
      email: "E-postadress",
      role: "Roll",
      sent: "Skickad",
      expires: "Går ut",
      actions: "Åtgärder",
    },
    revoke: "Återkalla",
    revokeLabel: "Återkalla inbjudan till {{email}}",
    revokeTitle: "Återkalla inbjudan till {{email}}?",
    revokeBody: "Länken i inbjudan slutar fungera direkt. Du kan skicka en ny inbjudan senare.",
    revokeConfirm: "Återkalla inbjudan",
    revoked: "Inbjudan till {{email}} är återkallad.",
  },
};
