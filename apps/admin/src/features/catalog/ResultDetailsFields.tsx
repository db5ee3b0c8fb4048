import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { Button, TextField } from "../../components/ui";
import { parseKronor } from "../../lib/format";
import type { ResultInput } from "./api";

type Details = Pick<
  ResultInput,
  "budgetLines" | "subOutcomes" | "assessedNotEnrolled" | "survey" | "socioEconomic"
>;

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

/**
 * Reads a report's details from the form, named as the API names them (`budgetLines.0.costOre`), so the
 * API's errors land on their fields; amounts typed in kronor, numbers with a decimal comma.
 */
export function readResultDetails(
  data: FormData,
  counts: { lines: number; subOutcomes: number },
  messages: { badAmount: string; badNumber: string },
): { details: Details; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const number = (name: string) => {
    const value = text(data, name).replace(",", ".");
    if (value === "") return null;
    if (Number.isNaN(Number(value))) errors[name] = messages.badNumber;
    return Number(value);
  };
  const money = (name: string) => {
    const value = text(data, name);
    if (value === "") return null;
    const ore = parseKronor(value);
    if (ore === null) errors[name] = messages.badAmount;
    return ore;
  };
  const budgetLines = Array.from({ length: counts.lines }, (_, i) => ({
    description: text(data, `budgetLines.${i}.description`),
    sharePercent: number(`budgetLines.${i}.sharePercent`),
    budgetOre: money(`budgetLines.${i}.budgetOre`),
    costOre: money(`budgetLines.${i}.costOre`),
  }));
  const subOutcomes = Array.from({ length: counts.subOutcomes }, (_, i) => ({
    outcome: text(data, `subOutcomes.${i}.outcome`),
    label: text(data, `subOutcomes.${i}.label`),
    count: number(`subOutcomes.${i}.count`) ?? 0,
  }));
  const responses = number("survey.responses");
  const summary = text(data, "survey.summary");
  const payback = number("socioEconomic.paybackMonths");
  const netBenefit = money("socioEconomic.netBenefitOre");
  const years = number("socioEconomic.netBenefitYears");
  const method = text(data, "socioEconomic.method");
  return {
    errors,
    details: {
      budgetLines,
      subOutcomes,
      assessedNotEnrolled: number("assessedNotEnrolled"),
      survey:
        responses === null && summary === ""
          ? null
          : { responses: responses ?? 0, summary: summary || null, figures: [] },
      socioEconomic:
        payback === null && netBenefit === null && years === null && method === ""
          ? null
          : {
              paybackMonths: payback,
              netBenefitOre: netBenefit,
              netBenefitYears: years,
              method: method || null,
            },
    },
  };
}

/** The form's fields for a report's details: budget lines and sub-outcomes added one row at a time. */
export function ResultDetailsFields({
  categories,
  lines,
  onLines,
  subOutcomes,
  onSubOutcomes,
}: {
  categories: { code: string; labelSv: string }[];
  lines: number;
  onLines: (count: number) => void;
  subOutcomes: number;
  onSubOutcomes: (count: number) => void;
}) {
  const { t } = useTranslation("catalog");
  return (
    <>
      <TextField name="assessedNotEnrolled" inputMode="numeric" label={t("resultDetails.assessed")} />
      <fieldset className="repeat-row">
        <legend>{t("resultDetails.subOutcomes")}</legend>
        <p className="muted">{t("resultDetails.subOutcomesHelp")}</p>
        {Array.from({ length: subOutcomes }, (_, i) => (
          <div className="form-row" key={i}>
            <SubOutcomeCategory index={i} categories={categories} />
            <TextField
              name={`subOutcomes.${i}.label`}
              label={t("resultDetails.subLabel", { n: i + 1 })}
              isRequired
            />
            <TextField
              name={`subOutcomes.${i}.count`}
              inputMode="numeric"
              label={t("resultDetails.subCount", { n: i + 1 })}
              isRequired
            />
          </div>
        ))}
        <div>
          <Button variant="secondary" onPress={() => onSubOutcomes(subOutcomes + 1)}>
            {t("resultDetails.addSubOutcome")}
          </Button>
        </div>
      </fieldset>
      <fieldset className="repeat-row">
        <legend>{t("resultDetails.budgetLines")}</legend>
        <p className="muted">{t("resultDetails.budgetLinesHelp")}</p>
        {Array.from({ length: lines }, (_, i) => (
          <div className="form-row" key={i}>
            <TextField
              name={`budgetLines.${i}.description`}
              label={t("resultDetails.lineDescription", { n: i + 1 })}
              isRequired
            />
            <TextField
              name={`budgetLines.${i}.sharePercent`}
              inputMode="decimal"
              label={t("resultDetails.lineShare", { n: i + 1 })}
            />
            <TextField
              name={`budgetLines.${i}.budgetOre`}
              inputMode="decimal"
              label={t("resultDetails.lineBudget", { n: i + 1 })}
            />
            <TextField
              name={`budgetLines.${i}.costOre`}
              inputMode="decimal"
              label={t("resultDetails.lineCost", { n: i + 1 })}
            />
          </div>
        ))}
        <div>
          <Button variant="secondary" onPress={() => onLines(lines + 1)}>
            {t("resultDetails.addLine")}
          </Button>
        </div>
      </fieldset>
      <fieldset className="repeat-row">
        <legend>{t("resultDetails.survey")}</legend>
        <div className="form-row">
          <TextField name="survey.responses" inputMode="numeric" label={t("resultDetails.responses")} />
          <TextField name="survey.summary" label={t("resultDetails.summary")} />
        </div>
      </fieldset>
      <fieldset className="repeat-row">
        <legend>{t("resultDetails.socioEconomic")}</legend>
        <div className="form-row">
          <TextField
            name="socioEconomic.paybackMonths"
            inputMode="numeric"
            label={t("resultDetails.payback")}
          />
          <TextField
            name="socioEconomic.netBenefitOre"
            inputMode="decimal"
            label={t("resultDetails.netBenefit")}
          />
          <TextField
            name="socioEconomic.netBenefitYears"
            inputMode="numeric"
            label={t("resultDetails.netBenefitYears")}
          />
          <TextField name="socioEconomic.method" label={t("resultDetails.method")} />
        </div>
      </fieldset>
    </>
  );
}

function SubOutcomeCategory({
  index,
  categories,
}: {
  index: number;
  categories: { code: string; labelSv: string }[];
}) {
  const { t } = useTranslation("catalog");
  const [value, setValue] = useState<string | null>(categories[0]?.code ?? null);
  return (
    <SelectField
      name={`subOutcomes.${index}.outcome`}
      label={t("resultDetails.subOutcome", { n: index + 1 })}
      options={categories.map((c) => ({ id: c.code, label: c.labelSv }))}
      value={value}
      onChange={setValue}
      isRequired
    />
  );
}
