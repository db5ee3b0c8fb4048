import { useTranslation } from "react-i18next";
import { CheckboxGroupField } from "../../../components/choice";
import { TextField } from "../../../components/ui";
import { choosable, useVocabularies } from "../api";
import { GOALS, type SectionProps } from "./content";
import { Section } from "./Section";

/** The result and volume goals, and the methods the intervention works with. */
export function GoalsSection({ content, choices, choose }: SectionProps) {
  const { t } = useTranslation("catalog");
  const vocab = useVocabularies();
  return (
    <Section id="goals">
      <div className="form-row">
        {GOALS.map((goal) => (
          <TextField
            key={goal}
            name={`goals.${goal}`}
            label={t(`form.${goal}`)}
            inputMode="decimal"
            defaultValue={content.goals[goal] === null ? "" : String(content.goals[goal]).replace(".", ",")}
          />
        ))}
      </div>
      <CheckboxGroupField
        name="methods"
        label={t("form.methods")}
        options={choosable(vocab.data?.methods ?? [], content.methods).map((m) => ({
          id: m.code,
          label: m.labelSv,
        }))}
        value={choices.methods}
        onChange={(value) => choose("methods", value)}
      />
    </Section>
  );
}
