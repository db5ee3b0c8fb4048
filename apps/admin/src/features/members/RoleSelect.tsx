import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";
import type { Option } from "../../components/choice";

/**
 * A compact role picker for a table row: the label is visually hidden (the column header shows it to
 * sighted users) but names the person, so screen-reader users hear whose role they are changing.
 */
export function RoleSelect({
  label,
  value,
  options,
  disabledKeys,
  isDisabled,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  disabledKeys?: string[];
  isDisabled?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Select
      className="field"
      selectedKey={value}
      disabledKeys={disabledKeys}
      isDisabled={isDisabled}
      onSelectionChange={(key) => {
        if (key !== null && String(key) !== value) onChange(String(key));
      }}
    >
      <Label className="visually-hidden">{label}</Label>
      <Button className="field-input select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
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
