import { registerTranslations } from "../../i18n";

const sv = {
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

const en: typeof sv = {
  title: "Members",
  description: "People who have access to {{organization}} and the role each one has.",
  descriptionFallback: "People who have access to the organization and the role each one has.",
  invite: "Invite",
  members: {
    heading: "Current members",
    empty: "The organization has no members yet.",
    you: "(you)",
    columns: {
      name: "Name",
      email: "Email address",
      role: "Role",
      memberSince: "Member since",
      actions: "Actions",
    },
    roleFor: "Role for {{name}}",
    roleChanged: "{{name}} now has the role {{role}}.",
    remove: "Remove",
    removeLabel: "Remove {{name}}",
    removeTitle: "Remove {{name}}?",
    removeBody:
      "{{name}} ({{email}}) loses access to the organization at once. The account remains, and the person can be invited again later.",
    removeSelfBody:
      "You are removing yourself and lose access to the organization at once. Another administrator must invite you if you want to come back.",
    removeConfirm: "Remove the member",
    removed: "{{name}} has been removed from the organization.",
  },
  errors: {
    lastAdmin:
      "{{name}} is the organization's last administrator. First give someone else the administrator role, then try again.",
    changedMeanwhile:
      "Someone else changed {{name}} in the meantime. The list has been reloaded – check it and try again.",
    roleFailed: "The role for {{name}} could not be changed: {{detail}}",
    removeFailed: "{{name}} could not be removed: {{detail}}",
    revokeFailed: "The invitation to {{email}} could not be revoked: {{detail}}",
  },
  inviteDialog: {
    title: "Invite a member",
    intro: "The person receives an email with a link to join. The link is valid for 7 days.",
    email: "Email address",
    role: "Role",
    roleDescription:
      "Administrators manage members and API keys. Editors and viewers can see the organization.",
    submit: "Send invitation",
    sent: "Invitation sent to {{email}}.",
  },
  invitations: {
    heading: "Pending invitations",
    empty: "No pending invitations.",
    columns: {
      email: "Email address",
      role: "Role",
      sent: "Sent",
      expires: "Expires",
      actions: "Actions",
    },
    revoke: "Revoke",
    revokeLabel: "Revoke the invitation to {{email}}",
    revokeTitle: "Revoke the invitation to {{email}}?",
    revokeBody: "The link in the invitation stops working at once. You can send a new invitation later.",
    revokeConfirm: "Revoke invitation",
    revoked: "The invitation to {{email}} has been revoked.",
  },
};

registerTranslations("members", { sv, en });
