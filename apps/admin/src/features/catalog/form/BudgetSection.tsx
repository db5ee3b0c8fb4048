import { formatKronor } from "@nns/domain/money";
import { useTranslation } from "react-i18next";
import { TextField } from "../../../components/ui";
import type { InterventionContent } from "../api";
import type { Row, Rows } from "./rows";
import { AddRowButton, RepeatRow, Section } from "./Section";

/** One amount per year in kronor, with the parties that finance it. */
export function BudgetSection({ content, rows }: { content: InterventionContent; rows: Rows<Row> }) {
  const { t } = useTranslation("catalog");
  return (
    <Section id="budget">
      <p className="muted" style={{ margin: 0 }}>
        {t("form.budgetIntro")}
      </p>
      {rows.rows.map((row, i) => {
        const line = content.budget[row.key];
        return (
          <RepeatRow
            key={row.key}
            legend={t("form.budgetRow", { n: i + 1 })}
            removeLabel={t("form.removeBudget", { n: i + 1 })}
            onRemove={() => rows.remove(row.key)}
          >
            <div className="form-row">
              <TextField
                name={`budget.${i}.year`}
                label={t("form.year")}
                inputMode="numeric"
                defaultValue={line ? String(line.year) : ""}
                isRequired
              />
              <TextField
                name={`budget.${i}.amountOre`}
                label={t("form.amount")}
                inputMode="decimal"
                defaultValue={line ? formatKronor(line.amountOre).replace(/\s*kr$/, "") : ""}
                isRequired
              />
            </div>
            <TextField
              name={`budget.${i}.financingParties`}
              label={t("form.financingParties")}
              description={t("form.financingHint")}
              defaultValue={line ? line.financingParties.join(", ") : ""}
            />
          </RepeatRow>
        );
      })}
      <AddRowButton label={t("form.addBudget")} onAdd={() => rows.add({})} />
    </Section>
  );
}
