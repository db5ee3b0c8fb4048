import type { ReactNode } from "react";
import { Button } from "../../../components/ui";

export function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="card form-section">
      <legend>{legend}</legend>
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
