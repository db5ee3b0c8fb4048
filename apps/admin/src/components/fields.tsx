import type { ReactNode } from "react";
import { FieldLabel } from "./ui";
import "./fields.css";
import { Checkbox, FieldError, Label, Radio, RadioGroup, TextArea, TextField } from "react-aria-components";
import type { Option } from "./choice";

/** A labelled multi-line input with its server-side error beneath, like TextField. */
export function TextAreaField({
  label,
  name,
  description,
  defaultValue,
  isRequired,
}: {
  label: string;
  name: string;
  description?: string;
  defaultValue?: string;
  isRequired?: boolean;
}) {
  return (
    <TextField className="field" name={name} defaultValue={defaultValue} isRequired={isRequired}>
      <FieldLabel label={label} description={description} isRequired={isRequired} />
      <TextArea className="field-input field-textarea" rows={3} />
      <FieldError className="field-error" />
    </TextField>
  );
}

/** One checkbox with its label, e.g. consent or "open to sharing". */
export function CheckboxField({
  name,
  children,
  isSelected,
  onChange,
  defaultSelected,
  isDisabled,
  "aria-describedby": describedBy,
}: {
  name?: string;
  isDisabled?: boolean;
  /** A paragraph beside the box that says what ticking it means. */
  "aria-describedby"?: string;
  children: ReactNode;
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
  defaultSelected?: boolean;
}) {
  return (
    <Checkbox
      name={name}
      className="checkbox"
      {...(isSelected !== undefined ? { isSelected } : {})}
      defaultSelected={defaultSelected}
      isDisabled={isDisabled}
      onChange={onChange}
      aria-describedby={describedBy}
    >
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18" aria-hidden="true">
          <polyline points="3 9 7 13 15 5" />
        </svg>
      </span>
      {children}
    </Checkbox>
  );
}

/** One choice among a few, all visible at once. */
export function RadioGroupField({
  label,
  name,
  options,
  value,
  onChange,
  isRequired,
}: {
  label: string;
  name: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
}) {
  return (
    <RadioGroup className="field" name={name} value={value} onChange={onChange} isRequired={isRequired}>
      <Label className="field-label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      <div className="radio-list">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            {option.label}
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
