import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui";
import { FORM_SECTIONS, type FormSectionId, sectionHeadingId } from "./sections";

/**
 * One part of the form, its legend a heading: screen reader users can move between the parts by heading,
 * and the links under "På den här sidan" lead (and move focus) to it.
 */
export function Section({ id, children }: { id: FormSectionId; children: ReactNode }) {
  const { t } = useTranslation("catalog");
  return (
    <fieldset className="card form-section">
      <legend>
        <h2 id={sectionHeadingId(id)} tabIndex={-1} className="section-target">
          {t(FORM_SECTIONS[id])}
        </h2>
      </legend>
      {children}
    </fieldset>
  );
}

/** One repeatable row (a budget year, a link, a contact) with its remove button under its fields. */
export function RepeatRow({
  legend,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="repeat-row">
      <legend>{legend}</legend>
      {children}
      <div>
        <Button variant="secondary" className="btn-small" onPress={onRemove}>
          {removeLabel}
        </Button>
      </div>
    </fieldset>
  );
}

/** The button under a section's rows that adds one more. */
export function AddRowButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <div>
      <Button variant="secondary" onPress={onAdd}>
        {label}
      </Button>
    </div>
  );
}
