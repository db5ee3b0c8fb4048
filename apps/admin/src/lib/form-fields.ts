/**
 * What a form on the page says about one of its fields, by name: whether it exists, whether it was left
 * empty, and what its label reads. Problem messages use it to talk about the field the person sees.
 */

function controls(form: HTMLFormElement, name: string): Element[] {
  return [...form.elements].filter((element) => (element as HTMLInputElement).name === name);
}

/**
 * The form's field an API field path points into: `sessionIds.2` is about the `sessionIds` boxes. A path
 * the form has no field for stays as it is (it is still listed in the summary).
 */
export function formFieldName(form: HTMLFormElement, path: string): string {
  const parts = path.split(".");
  for (let length = parts.length; length > 0; length--) {
    const name = parts.slice(0, length).join(".");
    if (controls(form, name).length > 0) return name;
  }
  return path;
}

/** "text" or "choice" when the named field was sent empty (blank text, no box ticked, nothing chosen). */
export function emptyField(form: HTMLFormElement, name: string): "text" | "choice" | null {
  const found = controls(form, name);
  if (found.length === 0) return null;
  const values = new FormData(form).getAll(name);
  if (!values.every((value) => typeof value === "string" && value.trim() === "")) return null;
  const first = found[0] as HTMLInputElement;
  const choice = first.tagName === "SELECT" || first.type === "checkbox" || first.type === "radio";
  return choice ? "choice" : "text";
}

/** The visible label of the named field: its own <label>, or the label of the group its boxes are in. */
export function fieldLabel(form: HTMLFormElement, name: string): string | null {
  const first = controls(form, name)[0] as HTMLInputElement | undefined;
  if (!first) return null;
  // A box in a group of boxes has its own label (the option); the field's label is the group's.
  const box = first.type === "checkbox" || first.type === "radio";
  const group = box ? first.closest("[role=group], [role=radiogroup]") : null;
  const groupLabel = group?.getAttribute("aria-labelledby")?.split(" ")[0];
  const label = groupLabel ? document.getElementById(groupLabel) : first.labels?.[0];
  // The label's hidden required mark (" *") is for sighted people beside the field, not for the summary.
  const text = label?.textContent?.replace(/\s*\*\s*$/, "").trim();
  return text ? text : null;
}

/**
 * The required fields (react-aria marks them `data-required`) that were sent empty, by name. The API may
 * stop at its first refusal or never see a field (a date the form turns into a time), so the form itself
 * says which of its required fields are missing.
 */
export function emptyRequiredFields(form: HTMLFormElement): Map<string, "text" | "choice"> {
  const out = new Map<string, "text" | "choice">();
  for (const wrapper of form.querySelectorAll("[data-required]")) {
    const name = wrapper.querySelector<HTMLInputElement>("input[name], select[name], textarea[name]")?.name;
    if (!name || out.has(name)) continue;
    const empty = emptyField(form, name);
    if (empty) out.set(name, empty);
  }
  return out;
}

/** Field names in the order their fields come in the form; names no field has come last. */
export function inFormOrder(form: HTMLFormElement, names: string[]): string[] {
  const position = (name: string) => {
    const first = controls(form, name)[0];
    return first ? [...form.elements].indexOf(first) : Number.MAX_SAFE_INTEGER;
  };
  return [...names].sort((a, b) => position(a) - position(b));
}
