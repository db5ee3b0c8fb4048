import {
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  BENEFIT_TYPES,
  type BenefitType,
  STATISTICS_GENDER_LABELS_SV,
  STATISTICS_GENDERS,
  type StatisticsGender,
} from "@nns/domain/statistics";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Option, SelectField } from "../../components/choice";
import { Button } from "../../components/ui";
import { countiesQuery, municipalitiesQuery } from "../../lib/reference";
import type { Measure } from "./measures";

/** The measure and period the page shows; every change is kept in the address. */
export function MeasureFilters({
  periods,
  period,
  ageGroups,
  measure,
  onChange,
}: {
  periods: Option[];
  period: string;
  ageGroups: string[];
  measure: Measure;
  onChange: (next: {
    period?: string;
    age?: string;
    gender?: StatisticsGender;
    benefit?: BenefitType;
  }) => void;
}) {
  const { t } = useTranslation("statistics");
  return (
    <div className="statistics-filters">
      <SelectField
        label={t("filters.period")}
        options={periods}
        value={period}
        onChange={(value) => onChange({ period: value })}
      />
      <SelectField
        label={t("filters.benefit")}
        options={BENEFIT_TYPES.map((b) => ({ id: b, label: BENEFIT_LABELS_SV[b] }))}
        value={measure.benefit}
        onChange={(value) => onChange({ benefit: value as BenefitType })}
      />
      <SelectField
        label={t("filters.gender")}
        options={STATISTICS_GENDERS.map((g) => ({ id: g, label: STATISTICS_GENDER_LABELS_SV[g] }))}
        value={measure.gender}
        onChange={(value) => onChange({ gender: value as StatisticsGender })}
      />
      <SelectField
        label={t("filters.ageGroup")}
        options={ageGroups.map((a) => ({ id: a, label: ageGroupLabel(a) }))}
        value={measure.ageGroup}
        onChange={(value) => onChange({ age: value })}
      />
    </div>
  );
}

/** Any kommun in the country: its län first, then the kommun, then a button (choosing alone opens nothing). */
export function MunicipalityPicker({ onOpen }: { onOpen: (code: string) => void }) {
  const { t } = useTranslation("statistics");
  const counties = useQuery(countiesQuery);
  const [county, setCounty] = useState<string | null>(null);
  const [municipality, setMunicipality] = useState<string | null>(null);
  const municipalities = useQuery({ ...municipalitiesQuery(county ?? ""), enabled: county !== null });
  return (
    <div className="statistics-picker">
      <SelectField
        label={t("choose.county")}
        options={(counties.data ?? []).map((c) => ({ id: c.code, label: c.name }))}
        value={county}
        onChange={(value) => {
          setCounty(value);
          setMunicipality(null);
        }}
      />
      <SelectField
        label={t("choose.municipality")}
        options={(municipalities.data ?? [])
          .map((m) => ({ id: m.code, label: m.name }))
          .sort((a, b) => a.label.localeCompare(b.label, "sv"))}
        value={municipality}
        onChange={setMunicipality}
      />
      <Button
        variant="secondary"
        isDisabled={municipality === null}
        onPress={() => municipality && onOpen(municipality)}
      >
        {t("choose.openMunicipality")}
      </Button>
    </div>
  );
}
