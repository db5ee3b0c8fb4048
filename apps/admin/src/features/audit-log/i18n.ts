import { registerTranslations } from "../../i18n";

const sv = {
  title: "Granskningslogg",
  description:
    "Alla ändringar i organisationen: vem som gjorde vad och när. Loggen kan inte ändras i efterhand.",
  filters: {
    label: "Filtrera händelser",
    action: "Händelse",
    anyAction: "Alla händelser",
    entityType: "Typ av objekt",
    anyEntityType: "Alla typer",
    from: "Från och med datum",
    to: "Till och med datum",
    dateHint: "Svensk tid.",
    apply: "Filtrera",
    clear: "Rensa",
    invalidRange: "Slutdatumet kan inte vara före startdatumet.",
  },
  table: {
    caption: "Händelser i granskningsloggen, nyast först",
    time: "Tid",
    who: "Vem",
    action: "Händelse",
    entity: "Objekt",
    change: "Ändring",
  },
  actor: {
    api_key: "via API-nyckel",
    system: "systemet",
  },
  show: "Visa ändring",
  empty: "Inga händelser matchar filtret",
  emptyAll: "Inga händelser har loggats ännu.",
  details: {
    caption: "Före och efter: {{action}}",
    field: "Fält",
    before: "Före",
    after: "Efter",
    status: "Status",
    changed: "ändrad",
    added: "tillagd",
    removed: "borttagen",
    unchanged: "oförändrad",
    changedCount_one: "{{count}} fält ändrat.",
    changedCount_other: "{{count}} fält ändrade.",
    created: "Objektet skapades; det fanns inget före.",
    deleted: "Objektet togs bort; det finns inget efter.",
    nothing: "Ingen ändring sparades för den här händelsen.",
    beforeJson: "Före (JSON)",
    afterJson: "Efter (JSON)",
    empty: "–",
    yes: "Ja",
    no: "Nej",
    entityId: "Objektets id",
    requestId: "Anropets referens",
    actorId: "Utförarens id",
  },
  actions: {
    organization: {
      created: "Organisation skapad",
      updated: "Organisation ändrad",
    },
    member: {
      granted: "Medlem tillagd",
      role_changed: "Medlems roll ändrad",
      removed: "Medlem borttagen",
    },
    invitation: {
      created: "Inbjudan skickad",
      revoked: "Inbjudan återkallad",
      accepted: "Inbjudan accepterad",
    },
    api_key: {
      created: "API-nyckel skapad",
      revoked: "API-nyckel återkallad",
    },
    user: {
      password_changed: "Lösenord bytt",
      password_reset: "Lösenord återställt",
      other_sessions_ended: "Övriga sessioner utloggade",
      disabled: "Konto avstängt",
      enabled: "Konto återaktiverat",
    },
  },
  entityTypes: {
    organization: "Organisation",
    membership: "Medlemskap",
    invitation: "Inbjudan",
    api_key: "API-nyckel",
    user: "Person",
  },
};

const en: typeof sv = {
  title: "Audit log",
  description:
    "Every change in the organization: who did what and when. The log cannot be altered afterwards.",
  filters: {
    label: "Filter events",
    action: "Event",
    anyAction: "All events",
    entityType: "Type of object",
    anyEntityType: "All types",
    from: "From date (inclusive)",
    to: "To date (inclusive)",
    dateHint: "Swedish time.",
    apply: "Filter",
    clear: "Clear",
    invalidRange: "The end date cannot be before the start date.",
  },
  table: {
    caption: "Events in the audit log, newest first",
    time: "Time",
    who: "Who",
    action: "Event",
    entity: "Object",
    change: "Change",
  },
  actor: {
    api_key: "via API key",
    system: "the system",
  },
  show: "Show change",
  empty: "No events match the filter",
  emptyAll: "No events have been logged yet.",
  details: {
    caption: "Before and after: {{action}}",
    field: "Field",
    before: "Before",
    after: "After",
    status: "Status",
    changed: "changed",
    added: "added",
    removed: "removed",
    unchanged: "unchanged",
    changedCount_one: "{{count}} field changed.",
    changedCount_other: "{{count}} fields changed.",
    created: "The object was created; there was nothing before.",
    deleted: "The object was removed; there is nothing after.",
    nothing: "No change was stored for this event.",
    beforeJson: "Before (JSON)",
    afterJson: "After (JSON)",
    empty: "–",
    yes: "Yes",
    no: "No",
    entityId: "Object id",
    requestId: "Request reference",
    actorId: "Actor id",
  },
  actions: {
    organization: {
      created: "Organization created",
      updated: "Organization updated",
    },
    member: {
      granted: "Member added",
      role_changed: "Member's role changed",
      removed: "Member removed",
    },
    invitation: {
      created: "Invitation sent",
      revoked: "Invitation revoked",
      accepted: "Invitation accepted",
    },
    api_key: {
      created: "API key created",
      revoked: "API key revoked",
    },
    user: {
      password_changed: "Password changed",
      password_reset: "Password reset",
      other_sessions_ended: "Other sessions signed out",
      disabled: "Account disabled",
      enabled: "Account enabled",
    },
  },
  entityTypes: {
    organization: "Organization",
    membership: "Membership",
    invitation: "Invitation",
    api_key: "API key",
    user: "Person",
  },
};

registerTranslations("auditLog", { sv, en });

/** The actions the platform logs today, in the order the filter offers them. */
export const KNOWN_ACTIONS = Object.entries(sv.actions).flatMap(([entity, verbs]) =>
  Object.keys(verbs).map((verb) => `${entity}.${verb}`),
);
export const KNOWN_ENTITY_TYPES = Object.keys(sv.entityTypes);
