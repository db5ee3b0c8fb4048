import { useId } from "react";
import {
  Button as AriaButton,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { FieldLabel } from "./ui";

/** Choosing from a list: its own module so that pages without lists (sign-in) load less JavaScript. */
export interface Option {
  id: string;
  label: string;
}

export function SelectField({
  label,
  name,
  options,
  value,
  onChange,
  isRequired,
  description,
  placeholder,
}: {
  label: string;
  name?: string;
  options: Option[];
  value?: string | null;
  onChange?: (value: string) => void;
  isRequired?: boolean;
  description?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      className="field"
      placeholder={placeholder ?? t("choose")}
      name={name}
      isRequired={isRequired}
      {...(value !== undefined ? { selectedKey: value } : {})}
      onSelectionChange={(key) => onChange?.(String(key))}
    >
      <FieldLabel label={label} description={description} isRequired={isRequired} />
      <AriaButton className="field-input select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </AriaButton>
      <FieldError className="field-error" />
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className="listbox-item">
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

export function CheckboxGroupField({
  label,
  name,
  options,
  value,
  onChange,
  isRequired,
  description,
}: {
  label: string;
  name?: string;
  options: Option[];
  value?: string[];
  onChange?: (value: string[]) => void;
  isRequired?: boolean;
  description?: string;
}) {
  return (
    <CheckboxGroup
      className="field"
      name={name}
      isRequired={isRequired}
      {...(value !== undefined ? { value } : {})}
      onChange={onChange}
    >
      <Label className="field-label">{label}</Label>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <div className="checkbox-list">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="checkbox">
            <CheckboxBox />
            {option.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}

export interface DescribedOption extends Option {
  description: string;
  /** Options with the same group, listed one after another, appear under that group's heading. */
  group?: string;
}

function CheckboxBox() {
  return (
    <span className="checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18" aria-hidden="true">
        <polyline points="3 9 7 13 15 5" />
      </svg>
    </span>
  );
}

/**
 * Like CheckboxGroupField, but each choice carries its own description, tied to the checkbox with
 * aria-describedby (not part of its name), so "Hantera medlemmar" is announced with what it allows.
 * Grouped options (`group`) sit in a named group of their own inside the field.
 */
export function DescribedCheckboxGroupField({
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
  options: DescribedOption[];
  value: string[];
  onChange: (value: string[]) => void;
  isRequired?: boolean;
}) {
  const idPrefix = useId();
  const runs: { group: string | undefined; options: DescribedOption[] }[] = [];
  for (const option of options) {
    const last = runs[runs.length - 1];
    if (last && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  const choice = (option: DescribedOption) => {
    const descriptionId = `${idPrefix}-${option.id}`;
    return (
      <div key={option.id}>
        <Checkbox value={option.id} className="checkbox" aria-describedby={descriptionId}>
          <CheckboxBox />
          {option.label}
        </Checkbox>
        <div id={descriptionId} className="field-description" style={{ paddingLeft: "calc(1.25rem + 8px)" }}>
          {option.description}
        </div>
      </div>
    );
  };
  return (
    <CheckboxGroup className="field" name={name} value={value} onChange={onChange} isRequired={isRequired}>
      <FieldLabel label={label} description={description} isRequired={isRequired} />
      <div className="checkbox-list">
        {runs.map((run, index) => {
          if (run.group === undefined) return run.options.map(choice);
          return (
            <fieldset key={`${index}-${run.group}`} className="checkbox-list checkbox-group">
              <legend className="checkbox-group-label">{run.group}</legend>
              {run.options.map(choice)}
            </fieldset>
          );
        })}
      </div>
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}
