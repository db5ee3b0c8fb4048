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
            <span className="checkbox-box" aria-hidden="true">
              <svg viewBox="0 0 18 18" aria-hidden="true">
                <polyline points="3 9 7 13 15 5" />
              </svg>
            </span>
            {option.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error" />
    </CheckboxGroup>
  );
}
