import { formatKronor } from "@nns/domain/money";
import { useTranslation } from "react-i18next";
import type { InterventionResult } from "./api";

const decimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const money = (ore: number | null) => (ore === null ? "–" : formatKronor(ore));

/** A report's details as the förbund entered them: sub-outcomes, budget lines, survey, evaluation. */
export function ResultDetails({ result }: { result: InterventionResult }) {
  const { t } = useTranslation("catalog");
  const socio = result.socioEconomic;
  return (
    <dl className="facts" style={{ overflowWrap: "anywhere" }}>
      {result.assessedNotEnrolled === null ? null : (
        <>
          <dt>{t("resultDetails.assessed")}</dt>
          <dd>{result.assessedNotEnrolled}</dd>
        </>
      )}
      {result.subOutcomes.length === 0 ? null : (
        <>
          <dt>{t("resultDetails.subOutcomes")}</dt>
          <dd>
            <ul>
              {result.subOutcomes.map((s) => (
                <li key={`${s.outcome}/${s.label}`}>
                  {s.outcomeLabel}: {s.label} {s.count}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {result.budgetLines.length === 0 ? null : (
        <>
          <dt>{t("resultDetails.budgetLines")}</dt>
          <dd>
            <ul>
              {result.budgetLines.map((l) => (
                <li key={l.description}>
                  {t("resultDetails.lineShown", {
                    description: l.description,
                    share: l.sharePercent === null ? "" : ` ${decimal.format(l.sharePercent)} %`,
                    budget: money(l.budgetOre),
                    cost: money(l.costOre),
                  })}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {result.survey ? (
        <>
          <dt>{t("resultDetails.survey")}</dt>
          <dd>
            {t("resultDetails.responsesShown", { count: result.survey.responses })}
            {result.survey.summary ? ` ${result.survey.summary}` : ""}
          </dd>
        </>
      ) : null}
      {socio ? (
        <>
          <dt>{t("resultDetails.socioEconomic")}</dt>
          <dd>
            {[
              socio.paybackMonths === null
                ? null
                : t("resultDetails.paybackShown", { months: socio.paybackMonths }),
              socio.netBenefitOre === null
                ? null
                : t("resultDetails.netBenefitShown", {
                    amount: formatKronor(socio.netBenefitOre),
                    years: socio.netBenefitYears,
                  }),
              socio.method,
            ]
              .filter(Boolean)
              .join(" ")}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
