import { REPORT_KINDS } from "@nns/domain";
import { formatKronor } from "@nns/domain/money";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { ScrollableTable } from "../../components/ScrollableTable";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader, TextField } from "../../components/ui";
import { formatDate, parseKronor } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import {
  choosable,
  type InterventionResult,
  useIntervention,
  usePublishResults,
  useResults,
  useSaveResults,
  useVocabularies,
} from "./api";
import { formatPercent } from "./percent";
import { ResultDetails } from "./ResultDetails";
import { ResultDetailsFields, readResultDetails } from "./ResultDetailsFields";
import { ResultsCharts } from "./ResultsCharts";
import { InterventionTabs } from "./Tabs";
import "../../components/fields.css";
import "./i18n";
import "./catalog.css";

const route = getRouteApi("/app/o/$orgId/interventions/$interventionId/results");

const months = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** A calendar date from the API (YYYY-MM-DD) in the app's date format. */
const day = (date: string) => formatDate(`${date}T12:00:00Z`);

/** "Resultat": participants and outcomes per reporting period; shares are derived by the API. */
export function ResultsPage() {
  const { orgId, interventionId } = route.useParams();
  return <Results key={`${orgId}/${interventionId}`} orgId={orgId} interventionId={interventionId} />;
}

function Results({ orgId, interventionId }: { orgId: string; interventionId: string }) {
  const { t } = useTranslation("catalog");
  const can = usePermissions(orgId);
  const intervention = useIntervention(orgId, interventionId);
  const results = useResults(orgId, interventionId);
  const vocab = useVocabularies();
  const { feedback, show } = useFeedback();
  const [saved, setSaved] = useState<InterventionResult | null>(null);
  const save = useSaveResults(orgId, interventionId);
  const publish = usePublishResults(orgId, interventionId);
  const [kind, setKind] = useState<InterventionResult["kind"]>("interval");
  const [rows, setRows] = useState({ lines: 0, subOutcomes: 0 });
  const title = intervention.data?.intervention.content.title ?? "";
  // A retired category stays in the form only while a stored period counts it, so it can be corrected.
  const counted = (results.data ?? []).flatMap((r) =>
    r.outcomes.filter((o) => o.count > 0).map((o) => o.code),
  );
  const categories = [...choosable(vocab.data?.outcomeCategories ?? [], counted)].sort(
    (a, b) => a.position - b.position,
  );
  const count = (value: FormDataEntryValue | null) => {
    const text = String(value ?? "").trim();
    return text === "" ? 0 : Number(text);
  };
  return (
    <>
      <PageHeader title={t("results.title", { title })} description={t("results.description")} />
      <InterventionTabs
        orgId={orgId}
        interventionId={interventionId}
        canEdit={can.has("interventions:write")}
      />
      <FeedbackRegion feedback={feedback} />
      {saved ? <ResultTable result={saved} headingId="saved-result" /> : null}
      {can.has("interventions:write") ? (
        <ServerForm
          className="card"
          error={save.error}
          onEdit={save.reset}
          aria-labelledby="new-result-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const money = (name: string) => {
              const text = String(data.get(name) ?? "").trim();
              return text === "" ? null : parseKronor(text);
            };
            const errors: Record<string, string> = {};
            for (const name of ["costOre", "budgetOre"])
              if (String(data.get(name) ?? "").trim() !== "" && money(name) === null)
                errors[name] = t("form.badAmount");
            const enrolment = String(data.get("averageEnrolmentMonths") ?? "")
              .trim()
              .replace(",", ".");
            if (enrolment !== "" && Number.isNaN(Number(enrolment)))
              errors.averageEnrolmentMonths = t("form.badNumber");
            const read = readResultDetails(data, rows, {
              badAmount: t("form.badAmount"),
              badNumber: t("form.badNumber"),
            });
            save.mutate(
              {
                local: { ...errors, ...read.errors },
                kind,
                ...read.details,
                periodStart: String(data.get("periodStart") ?? ""),
                periodEnd: String(data.get("periodEnd") ?? ""),
                participantsWomen: count(data.get("participantsWomen")),
                participantsMen: count(data.get("participantsMen")),
                participantsOther: count(data.get("participantsOther")),
                outcomes: Object.fromEntries(
                  categories.map((c) => [c.code, count(data.get(`outcomes.${c.code}`))]),
                ),
                averageEnrolmentMonths: enrolment === "" ? null : Number(enrolment),
                costOre: money("costOre"),
                budgetOre: money("budgetOre"),
              },
              {
                onSuccess: (result) => {
                  setSaved(result);
                  show({
                    kind: "success",
                    text: t(result.state === "submitted" ? "resultDetails.savedForReview" : "results.saved"),
                  });
                },
              },
            );
          }}
        >
          <h2 id="new-result-heading">{t("results.newHeading")}</h2>
          <p className="muted">{t("results.edit")}</p>
          <div className="form-row">
            <TextField name="periodStart" type="date" label={t("results.periodStart")} isRequired />
            <TextField name="periodEnd" type="date" label={t("results.periodEnd")} isRequired />
          </div>
          <SelectField
            name="kind"
            label={t("resultDetails.kind")}
            description={t("resultDetails.kindHelp")}
            options={REPORT_KINDS.map((k) => ({ id: k, label: t(`resultDetails.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => setKind(value as InterventionResult["kind"])}
            isRequired
          />
          <fieldset className="repeat-row">
            <legend>{t("results.participants")}</legend>
            <div className="form-row">
              <TextField name="participantsWomen" inputMode="numeric" label={t("results.women")} isRequired />
              <TextField name="participantsMen" inputMode="numeric" label={t("results.men")} isRequired />
              <TextField
                name="participantsOther"
                inputMode="numeric"
                label={t("results.other")}
                defaultValue="0"
              />
            </div>
          </fieldset>
          <fieldset className="repeat-row">
            <legend>{t("results.outcomes")}</legend>
            <div className="form-row">
              {categories.map((category) => (
                <TextField
                  key={category.code}
                  name={`outcomes.${category.code}`}
                  inputMode="numeric"
                  label={category.labelSv}
                />
              ))}
            </div>
          </fieldset>
          <div className="form-row">
            <TextField
              name="averageEnrolmentMonths"
              inputMode="decimal"
              label={t("results.averageEnrolment")}
            />
            <TextField name="costOre" inputMode="decimal" label={t("results.cost")} />
            <TextField name="budgetOre" inputMode="decimal" label={t("results.budgetField")} />
          </div>
          <ResultDetailsFields
            categories={categories}
            lines={rows.lines}
            onLines={(lines) => setRows((r) => ({ ...r, lines }))}
            subOutcomes={rows.subOutcomes}
            onSubOutcomes={(subOutcomes) => setRows((r) => ({ ...r, subOutcomes }))}
          />
          <FormError error={save.error} />
          <div>
            <Button type="submit" isDisabled={save.isPending}>
              {t("results.submit")}
            </Button>
          </div>
        </ServerForm>
      ) : null}
      {results.data && intervention.data ? (
        <ResultsCharts
          results={results.data}
          goal={intervention.data.intervention.content.goals.resultGoalPercent}
        />
      ) : null}
      <section className="card" aria-labelledby="earlier-heading">
        <h2 id="earlier-heading">{t("results.earlier")}</h2>
        <QueryView query={results} isEmpty={(data) => data.length === 0} empty={t("results.empty")}>
          {(data) => (
            <>
              {data.map((result) => (
                <ResultTable
                  key={`${result.periodStart}/${result.periodEnd}`}
                  result={result}
                  headingId={`result-${result.periodStart}-${result.periodEnd}`}
                  level={3}
                  publish={
                    result.state === "submitted" && can.has("catalog:editorial")
                      ? () =>
                          publish.mutate(result.id, {
                            onSuccess: () => show({ kind: "success", text: t("resultDetails.published") }),
                          })
                      : undefined
                  }
                />
              ))}
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}

/** One period's figures as the API derived them: a table of outcome shares and the period's totals. */
function ResultTable({
  result,
  headingId,
  level = 2,
  publish,
}: {
  result: InterventionResult;
  headingId: string;
  level?: 2 | 3;
  publish?: (() => void) | undefined;
}) {
  const { t } = useTranslation("catalog");
  const Heading = level === 2 ? "h2" : "h3";
  const period = { start: day(result.periodStart), end: day(result.periodEnd) };
  const body = (
    <>
      <Heading id={headingId}>{t("results.periodHeading", period)}</Heading>
      <p>
        {t(`resultDetails.kinds.${result.kind}`)} ·{" "}
        <strong>{t(`resultDetails.states.${result.state}`)}</strong>
        {publish ? (
          <>
            {" "}
            <Button variant="secondary" onPress={publish}>
              {t("resultDetails.publish")}
            </Button>
          </>
        ) : null}
      </p>
      <ScrollableTable labelledBy={headingId}>
        <table>
          <caption className="visually-hidden">{t("results.tableCaption", period)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("results.category")}</th>
              <th scope="col" className="num">
                {t("results.count")}
              </th>
              <th scope="col" className="num">
                {t("results.share")}
              </th>
              <th scope="col">{t("results.positive")}</th>
            </tr>
          </thead>
          <tbody>
            {result.outcomes.map((outcome) => (
              <tr key={outcome.code}>
                <th scope="row">{outcome.label}</th>
                <td className="num">{outcome.count}</td>
                <td className="num">{formatPercent(outcome.sharePercent)}</td>
                <td>{outcome.positive ? t("yes") : t("no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <dl className="facts">
        <dt>{t("results.total")}</dt>
        <dd>
          {t("results.totalSplit", {
            total: result.participants.total,
            women: result.participants.women,
            men: result.participants.men,
            other: result.participants.other,
          })}
        </dd>
        <dt>{t("results.positiveShare")}</dt>
        <dd>{formatPercent(result.positiveSharePercent)}</dd>
        <dt>{t("results.averageEnrolment")}</dt>
        <dd>{result.averageEnrolmentMonths === null ? "–" : months.format(result.averageEnrolmentMonths)}</dd>
        <dt>{t("results.cost")}</dt>
        <dd>{result.costOre === null ? "–" : formatKronor(result.costOre)}</dd>
        <dt>{t("results.budgetField")}</dt>
        <dd>{result.budgetOre === null ? "–" : formatKronor(result.budgetOre)}</dd>
        <dt>{t("results.costOfBudget")}</dt>
        <dd>{formatPercent(result.costOfBudgetPercent)}</dd>
      </dl>
      <ResultDetails result={result} />
    </>
  );
  return level === 2 ? (
    <section className="card" aria-labelledby={headingId}>
      {body}
    </section>
  ) : (
    <div>{body}</div>
  );
}
