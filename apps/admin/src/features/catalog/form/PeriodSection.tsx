import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/choice";
import { CheckboxField } from "../../../components/fields";
import { TextField } from "../../../components/ui";
import type { SectionProps } from "./content";
import { Section } from "./Section";

const STATUSES = ["planned", "ongoing", "ended", "regular_operations"] as const;

/** When the intervention runs, where it stands, how it is followed up and whether ESF pays for it. */
export function PeriodSection({ content, choices, choose }: SectionProps) {
  const { t } = useTranslation("catalog");
  return (
    <Section id="period">
      <div className="form-row">
        <TextField
          name="startDate"
          type="date"
          label={t("form.startDate")}
          defaultValue={content.startDate ?? ""}
        />
        <TextField
          name="endDate"
          type="date"
          label={t("form.endDate")}
          description={t("form.endDateHint")}
          defaultValue={content.endDate ?? ""}
        />
        <SelectField
          name="status"
          label={t("form.status")}
          options={STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
          value={choices.status}
          onChange={(value) => choose("status", value)}
          isRequired
        />
      </div>
      <TextField
        name="followUpMethod"
        label={t("form.followUpMethod")}
        description={t("form.followUpHint")}
        defaultValue={content.followUpMethod ?? ""}
      />
      <CheckboxField isSelected={choices.esfFunded} onChange={(value) => choose("esfFunded", value)}>
        {t("form.esf")}
      </CheckboxField>
    </Section>
  );
}
