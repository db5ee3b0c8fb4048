/**
 * The entry form's sections in page order: the id of each one's heading (the target of its link under
 * "På den här sidan") and the key of its title among the catalogue's texts.
 */
export const FORM_SECTIONS = {
  basics: "form.basics",
  orientation: "form.orientationHeading",
  area: "form.area",
  period: "form.period",
  budget: "form.budget",
  goals: "form.goals",
  links: "form.links",
  contacts: "form.contacts",
} as const;

export type FormSectionId = keyof typeof FORM_SECTIONS;

/** A heading's id on the page: prefixed, so it cannot clash with the ids of the shell or the fields. */
export function sectionHeadingId(id: FormSectionId): string {
  return `intervention-section-${id}`;
}
