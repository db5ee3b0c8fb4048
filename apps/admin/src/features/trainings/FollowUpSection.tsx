import { useQuery } from "@tanstack/react-query";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { ChartSlot } from "../../components/charts/ChartFigure";
import { DataTable } from "../../components/DataTable";
import { QueryView } from "../../components/states";
import { type FollowUp, followUpQuery, type Training } from "./api";
import "./i18n";

/** The follow-up charts bring recharts: they load after the figures, never with the first page. */
const FollowUpCharts = lazy(() => import("./FollowUpCharts"));

const QUESTIONS = ["overall", "content", "usefulness", "organisation"];
const MIN_GROUP = 5;

type Figures = Omit<FollowUp, "trainingId" | "surveysSent" | "byOrganization">;

const average = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Registered, attended, women and men attending, and satisfaction once enough people have answered. */
export function FollowUpSection({ orgId, training }: { orgId: string; training: Training }) {
  const { t } = useTranslation("trainings");
  const followUp = useQuery(followUpQuery(orgId, training.id));
  return (
    <section className="card" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{t("followUp.heading")}</h2>
      <QueryView query={followUp}>
        {(data) => (
          <>
            <FigureList figures={data} />
            <p className="muted">{t("followUp.surveysSent", { count: data.surveysSent })}</p>
            <ChartSlot>
              <FollowUpCharts followUp={data} />
            </ChartSlot>
            <Satisfaction figures={data} />
            {training.viewer.isOwner && data.byOrganization.length > 1 ? (
              <ByOrganization data={data} />
            ) : null}
          </>
        )}
      </QueryView>
    </section>
  );
}

function FigureList({ figures }: { figures: Figures }) {
  const { t } = useTranslation("trainings");
  const items: [string, number][] = [
    [t("followUp.registered"), figures.registered],
    [t("followUp.attended"), figures.attended],
    [t("followUp.women"), figures.attendedWomen],
    [t("followUp.men"), figures.attendedMen],
    [t("followUp.otherOrNotStated"), figures.attendedOtherOrNotStated],
    [t("followUp.responses"), figures.satisfaction.responses],
  ];
  return (
    <dl className="figures">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Satisfaction({ figures }: { figures: Figures }) {
  const { t } = useTranslation("trainings");
  const { averages, comments } = figures.satisfaction;
  return (
    <>
      <h3 id="satisfaction-heading">{t("followUp.satisfaction")}</h3>
      {averages === null ? (
        <p>{t("followUp.tooFew", { count: MIN_GROUP })}</p>
      ) : (
        <>
          <DataTable
            labelledBy="satisfaction-heading"
            rows={Object.entries(averages).sort(([a], [b]) => QUESTIONS.indexOf(a) - QUESTIONS.indexOf(b))}
            rowKey={([key]) => key}
            columns={[
              {
                id: "question",
                header: t("followUp.question"),
                rowHeader: true,
                cell: ([key]) => t(`followUp.questions.${key}`, { defaultValue: key }),
              },
              {
                id: "average",
                header: t("followUp.average"),
                cell: ([, value]) =>
                  value === null ? "–" : t("followUp.outOf", { value: average.format(value) }),
              },
            ]}
          />
          {comments && comments.length > 0 ? (
            <>
              <h4>{t("followUp.comments")}</h4>
              <ul>
                {comments.map((comment) => (
                  <li key={comment}>{comment}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </>
  );
}

function ByOrganization({ data }: { data: FollowUp }) {
  const { t } = useTranslation("trainings");
  return (
    <>
      <h3 id="by-organization-heading">{t("followUp.byOrganization")}</h3>
      <DataTable
        labelledBy="by-organization-heading"
        rows={data.byOrganization}
        rowKey={(row) => row.organizationId}
        columns={[
          {
            id: "organization",
            header: t("followUp.organization"),
            rowHeader: true,
            cell: (row) => row.organizationName,
          },
          { id: "registered", header: t("followUp.registered"), cell: (row) => row.registered },
          { id: "attended", header: t("followUp.attended"), cell: (row) => row.attended },
          { id: "women", header: t("followUp.women"), cell: (row) => row.attendedWomen },
          { id: "men", header: t("followUp.men"), cell: (row) => row.attendedMen },
          { id: "responses", header: t("followUp.responses"), cell: (row) => row.satisfaction.responses },
          {
            id: "overall",
            header: t("followUp.overall"),
            cell: (row) =>
              row.satisfaction.averages?.overall != null
                ? average.format(row.satisfaction.averages.overall)
                : t("followUp.hidden"),
          },
        ]}
      />
    </>
  );
}
