import { registerTranslations } from "../../i18n";

const sv = {
  title: "API-nycklar",
  description:
    "Nycklar som låter andra system, till exempel en kommuns verksamhetssystem, använda API:et för {{organization}}.",
  descriptionFallback: "Nycklar som låter andra system använda API:et för organisationen.",
  create: "Skapa API-nyckel",
  keysHeading: "Organisationens nycklar",
  empty: "Organisationen har inga API-nycklar ännu.",
  columns: {
    name: "Namn",
    prefix: "Prefix",
    scopes: "Behörigheter",
    status: "Status",
    lastUsed: "Senast använd",
    expires: "Går ut",
    created: "Skapad",
    actions: "Åtgärder",
  },
  never: "Aldrig",
  noExpiry: "Ingen",
  revokedAt: "den {{date}}",
  status: { active: "Aktiv", revoked: "Återkallad", expired: "Utgången" },
  scopes: {
    org_read: {
      label: "Läsa organisationen",
      description: "Organisationens uppgifter: namn, organisationsnummer och huvudmän.",
    },
    members_read: {
      label: "Läsa medlemmar",
      description: "Vilka som är medlemmar, deras e-postadresser och roller, och väntande inbjudningar.",
    },
    members_manage: {
      label: "Hantera medlemmar",
      description: "Bjuda in personer, ändra roller och ta bort medlemmar.",
    },
    audit_read: {
      label: "Läsa granskningsloggen",
      description: "Vem som har gjort vad i organisationen och när.",
    },
    trainings_read: {
      label: "Läsa utbildningar",
      description:
        "Utbildningar och tillfällen, platser, förbundets egna deltagare, kostnader och uppföljning.",
    },
    trainings_register: {
      label: "Anmäla deltagare",
      description: "Anmäla och avboka förbundets deltagare till utbildningstillfällen.",
    },
    interventions_read: {
      label: "Läsa insatser",
      description: "Förbundets insatser i insatskatalogen, även utkast, med versioner och resultat.",
    },
    interventions_write: {
      label: "Skriva insatser",
      description:
        "Skapa och ändra insatser, rapportera resultat och skicka in för granskning (aldrig publicera).",
    },
  },
  usage: {
    heading: "Så används en nyckel",
    body: "Systemet skickar nyckeln i huvudet Authorization i varje anrop till API:et:",
    placeholder: "<nyckel>",
    limits:
      "En nyckel gäller bara för den här organisationen och bara för de behörigheter den har fått. Återkalla en nyckel som inte längre behövs eller kan ha kommit i fel händer.",
    docs: "Läs API-dokumentationen",
  },
  form: {
    title: "Skapa API-nyckel",
    name: "Namn",
    nameDescription: "Så att ni känner igen nyckeln, till exempel namnet på systemet som ska använda den.",
    scopes: "Behörigheter",
    scopesDescription: "Ge nyckeln bara de behörigheter systemet behöver.",
    expires: "Utgångsdatum (valfritt)",
    expiresDescription:
      "Nyckeln slutar gälla när dagen är slut (svensk tid). Lämna tomt för en nyckel utan slutdatum.",
    expiresInPast: "Välj i dag eller ett senare datum.",
    submit: "Skapa nyckel",
  },
  created: {
    title: "Nyckeln är skapad",
    warning:
      "Kopiera nyckeln nu och spara den på ett säkert ställe. Den visas bara den här gången och kan aldrig visas igen.",
    secretLabel: "Ny API-nyckel för {{name}}:",
    copy: "Kopiera",
    copyLabel: "Kopiera nyckeln",
    copied: "Kopierad",
    copyFailed: "Det gick inte att kopiera automatiskt. Markera nyckeln och kopiera den själv.",
    done: "Jag har sparat nyckeln",
    status: "API-nyckeln {{name}} är skapad.",
  },
  revoke: {
    button: "Återkalla",
    label: "Återkalla {{name}}",
    title: "Återkalla {{name}}?",
    body: "Nyckeln {{name}} ({{prefix}}) slutar fungera direkt, och system som använder den nekas åtkomst. Det går inte att ångra. Nyckeln finns kvar i listan som återkallad.",
    confirm: "Återkalla nyckeln",
    done: "{{name}} är återkallad.",
    failed: "{{name}} kunde inte återkallas: {{detail}}",
  },
};

const en: typeof sv = {
  title: "API keys",
  description:
    "Keys that let other systems, such as a municipality's case management system, use the API for {{organization}}.",
  descriptionFallback: "Keys that let other systems use the API for the organization.",
  create: "Create API key",
  keysHeading: "The organization's keys",
  empty: "The organization has no API keys yet.",
  columns: {
    name: "Name",
    prefix: "Prefix",
    scopes: "Permissions",
    status: "Status",
    lastUsed: "Last used",
    expires: "Expires",
    created: "Created",
    actions: "Actions",
  },
  never: "Never",
  noExpiry: "None",
  revokedAt: "on {{date}}",
  status: { active: "Active", revoked: "Revoked", expired: "Expired" },
  scopes: {
    org_read: {
      label: "Read the organization",
      description: "The organization's details: name, organisation number and member parties.",
    },
    members_read: {
      label: "Read members",
      description: "Who the members are, their email addresses and roles, and pending invitations.",
    },
    members_manage: {
      label: "Manage members",
      description: "Invite people, change roles and remove members.",
    },
    audit_read: {
      label: "Read the audit log",
      description: "Who did what in the organization, and when.",
    },
    trainings_read: {
      label: "Read trainings",
      description: "Trainings and sessions, seats, the förbund's own participants, costs and follow-up.",
    },
    trainings_register: {
      label: "Register participants",
      description: "Register and cancel the förbund's participants for training sessions.",
    },
    interventions_read: {
      label: "Read interventions",
      description:
        "The förbund's interventions in the catalogue, drafts included, with versions and results.",
    },
    interventions_write: {
      label: "Write interventions",
      description: "Create and edit interventions, report results and submit for review (never publish).",
    },
  },
  usage: {
    heading: "How a key is used",
    body: "The system sends the key in the Authorization header of every request to the API:",
    placeholder: "<key>",
    limits:
      "A key only works for this organization and only with the permissions it was given. Revoke a key that is no longer needed or may have fallen into the wrong hands.",
    docs: "Read the API documentation",
  },
  form: {
    title: "Create API key",
    name: "Name",
    nameDescription: "So that you recognise the key, for example the name of the system that will use it.",
    scopes: "Permissions",
    scopesDescription: "Give the key only the permissions the system needs.",
    expires: "Expiry date (optional)",
    expiresDescription:
      "The key stops working at the end of that day (Swedish time). Leave empty for a key without an end date.",
    expiresInPast: "Choose today or a later date.",
    submit: "Create key",
  },
  created: {
    title: "The key has been created",
    warning:
      "Copy the key now and keep it somewhere safe. It is shown this once only and can never be shown again.",
    secretLabel: "New API key for {{name}}:",
    copy: "Copy",
    copyLabel: "Copy the key",
    copied: "Copied",
    copyFailed: "Copying automatically did not work. Select the key and copy it yourself.",
    done: "I have saved the key",
    status: "The API key {{name}} has been created.",
  },
  revoke: {
    button: "Revoke",
    label: "Revoke {{name}}",
    title: "Revoke {{name}}?",
    body: "The key {{name}} ({{prefix}}) stops working at once, and systems using it are refused access. This cannot be undone. The key stays in the list as revoked.",
    confirm: "Revoke the key",
    done: "{{name}} has been revoked.",
    failed: "{{name}} could not be revoked: {{detail}}",
  },
};

registerTranslations("apiKeys", { sv, en });
