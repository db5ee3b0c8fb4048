// Every scope of the domain needs its Swedish label and description: a new scope fails typechecking here.
import type { Scope, ScopeKey } from "./scopes";

export const sv = {
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
    trainings_book: {
      label: "Beställa utbildningar",
      description:
        "Skicka och återkalla intresseanmälningar om utbildning till NNS, och lägga till och ta bort tryckkostnader.",
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
    invoices_read: {
      label: "Läsa fakturor",
      description: "Förbundets fakturor och kreditnotor från NNS, med pdf och e-faktura.",
    },
    newsletters_read: {
      label: "Läsa nyhetsbrev",
      description: "Förbundets egna och gemensamma nyhetsbrev, deras utskick och utskickens siffror.",
    },
    progression_aggregates: {
      label: "Läsa progressionsstatistik",
      description:
        "Sammanställd progression per insats och förbund (för NNS: nationellt). Aldrig uppgifter om en enskild deltagare; små grupper döljs.",
    },
  } satisfies Record<ScopeKey<Scope>, { label: string; description: string }>,
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
    copyLabel: "Kopiera nyckeln",
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
