import { useQuery } from "@tanstack/react-query";
import { countyOfMunicipality, municipalitiesQuery } from "../lib/reference";
import { CheckboxGroupField } from "./choice";
import { ErrorState, Loading } from "./states";

/**
 * The kommuner of one län as a labelled group of checkboxes; `selected` may hold kommuner of other län,
 * and `onChange` gets this län's selection only.
 */
export function KommunGroup({
  countyCode,
  name,
  label,
  description,
  loadingLabel,
  selected,
  onChange,
}: {
  countyCode: string;
  name: string;
  label: string;
  description: (selectedInCounty: number) => string;
  loadingLabel: string;
  selected: string[];
  onChange: (countyCode: string, selected: string[]) => void;
}) {
  const municipalities = useQuery(municipalitiesQuery(countyCode));
  if (municipalities.isPending) return <Loading label={loadingLabel} />;
  if (municipalities.error) {
    return <ErrorState error={municipalities.error} onRetry={() => municipalities.refetch()} />;
  }
  const inCounty = selected.filter((code) => countyOfMunicipality(code) === countyCode);
  return (
    <CheckboxGroupField
      name={name}
      label={label}
      description={description(inCounty.length)}
      options={municipalities.data
        .map((m) => ({ id: m.code, label: m.name }))
        .sort((a, b) => a.label.localeCompare(b.label, "sv"))}
      value={inCounty}
      onChange={(value) => onChange(countyCode, value)}
    />
  );
}
