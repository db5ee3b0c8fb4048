import { registerTranslations } from "../../i18n";
import { en } from "./en";
import { sv } from "./sv";

registerTranslations("auditLog", { sv, en });

/** The actions the platform logs today, in the order the filter offers them. */
export const KNOWN_ACTIONS = Object.entries(sv.actions).flatMap(([entity, verbs]) =>
  Object.keys(verbs).map((verb) => `${entity}.${verb}`),
);
export const KNOWN_ENTITY_TYPES = Object.keys(sv.entityTypes);
