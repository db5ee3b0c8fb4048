import { useId } from "react";
import { Checkbox, CheckboxGroup, FieldError } from "react-aria-components";
import { FieldLabel } from "../../components/ui";

export interface ScopeOption {
  id: string;
  label: string;
  description: string;
}

/**
 * Like the shared CheckboxGroupField, but each choice carries its own description, tied to the checkbox
 * with aria-describedby (not part of its name), so "Hantera medlemmar" is announced with what it allows.
 */
export function ScopesField({
  label,
  description,
  name,
  options,
  value,
  onChange,
  isRequired,
}: {
  label: string;
  description?: string;
  name: string;
  options: ScopeOption[];
  value: string[];
  onChange: (value: string[]) => void;
  isRequired?: boolean;
}) {
  const idPrefix = useId();
  return (
    <CheckboxGroup className="field" name={name} value={value} onChange={onChange} isRequired={isRequired}>
      <FieldLabel label={label} description={description} isRequired={isRequired} />
      <div className="checkbox-list">
        {options.map((option) => {
          const descriptionId = `${idPrefix}-${option.id}`;
          return (
            <div key={option.id}>
              <Checkbox value={option.id} className="checkbox" aria-describedby={descriptionId}>
                <span className="checkbox-box" aria-hidden="true">
                  <svg viewBox="0 0 18 18" aria-hidden="true">
                    <polyline points="3 9 7 13 15 5" />
                  </svg>
                </span>
                {option.label}
              </Checkbox>
              <div
                id={descriptionId}
                className="field-description"
                style={{ paddingLeft: "calc(1.25rem + 8px)" }}
              >
                {option.description}
              </div>
            </div>
          );
        })}
      </div>
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}
