import { useTranslation } from "react-i18next";
import { CheckboxGroupField, SelectField } from "../../../components/choice";
import { TextAreaField } from "../../../components/fields";
import { choosable, type InterventionContent, useVocabularies } from "../api";
import type { SectionProps } from "./content";
import { Section } from "./Section";

const ORIENTATIONS = ["individual", "structural"] as const;

/** Orientation, the focus area within it, and the target groups. */
export function TargetSection({ content, choices, choose }: SectionProps) {
  const { t } = useTranslation("catalog");
  const vocab = useVocabularies();
  const focusOptions = choosable(vocab.data?.focusAreas ?? [], [content.focusArea])
    .filter((f) => f.orientation === choices.orientation)
    .map((f) => ({ id: f.code, label: f.labelSv }));
  return (
    <Section id="orientation">
      <div className="form-row">
        <SelectField
          name="orientation"
          label={t("form.orientation")}
          options={ORIENTATIONS.map((o) => ({ id: o, label: t(`orientation.${o}`) }))}
          value={choices.orientation}
          onChange={(value) => {
            const next = value as InterventionContent["orientation"];
            // Focus areas belong to one orientation, so another orientation leaves none chosen.
            if (next !== choices.orientation) choose("focusArea", null);
            choose("orientation", next);
          }}
          isRequired
        />
        <SelectField
          name="focusArea"
          label={t("form.focusArea")}
          options={focusOptions}
          value={choices.focusArea}
          onChange={(value) => choose("focusArea", value)}
          isRequired
        />
      </div>
      <CheckboxGroupField
        name="targetGroups"
        label={t("form.targetGroups")}
        options={choosable(vocab.data?.targetGroups ?? [], content.targetGroups).map((g) => ({
          id: g.code,
          label: g.labelSv,
        }))}
        value={choices.targetGroups}
        onChange={(value) => choose("targetGroups", value)}
      />
      <TextAreaField
        name="targetGroupNote"
        label={t("form.targetGroupNote")}
        defaultValue={content.targetGroupNote ?? ""}
      />
    </Section>
  );
}
