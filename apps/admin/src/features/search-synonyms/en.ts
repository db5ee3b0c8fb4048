import type { Translations } from "../../i18n/types";
import type { sv } from "./sv";

export const en: Translations<typeof sv> = {
  title: "Synonyms in the catalogue search",
  description:
    "When someone searches the intervention catalogue for a term, the search also finds interventions that use its synonyms. For example, IPS can also find Supported Employment. Changes apply at once.",
  heading: "Synonyms",
  empty: "There are no synonyms yet.",
  add: "Add synonym",
  addTitle: "Add synonym",
  editTitle: "Change the synonyms of “{{term}}”",
  edit: "Change",
  editLabel: "Change the synonyms of {{term}}",
  remove: "Remove",
  removeLabel: "Remove the synonyms of {{term}}",
  removeTitle: "Remove the synonyms of “{{term}}”?",
  removeBody: "A search for “{{term}}” then finds only interventions that contain the word themselves.",
  removeConfirm: "Remove",
  columns: { term: "Search term", alternatives: "Also finds", actions: "Actions" },
  termField: "Search term",
  termHint: "The word or phrase someone searches for, for example IPS.",
  alternativesField: "Synonyms",
  alternativesHint: "Words or phrases the search should also find. Separate them with commas.",
  saved: "The synonyms of “{{term}}” are saved.",
  removed: "The synonyms of “{{term}}” are removed.",
};
