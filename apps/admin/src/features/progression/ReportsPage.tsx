import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { Loading, QueryView } from "../../components/states";
import { Badge, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { orgAccessQuery } from "../../lib/session";
import { reportCsvUrl, reportOptionsQuery, reportQuery } from "./api";
import { versionLabel } from "./labels";
import type {
  ActivityCell,
  Dimension,
  GroupFiguresView,
  Report,
  ReportOptions,
  ReportQuery,
  Respondent,
  Scope,
} from "./types";
import "./i18n";
import "./progression.css";

/** The bar chart brings recharts: it loads after the tables, never with the first page. */
const ReportChart = lazy(() => import("./ReportChart"));

const route = getRouteApi("/app/o/$orgId/progression");
const TOTAL = "total";

/** Which breakdowns a scope offers: förbund only nationally, insatser only within one förbund. */
function dimensionsFor(scope: Scope): Dimension[] {
  const common: Dimension[] = ["none", "gender", "age_band", "start_quarter"];
  if (scope === "national") return [...common, "organization"];
  if (scope === "organization") return [...common, "intervention"];
  return common;
}

/** The participant's own answers first, when there are any. */
function firstRespondent(respondents: readonly Respondent[]): Respondent {
  return respondents.includes("participant") ? "participant" : (respondents[0] ?? "participant");
}

/**
 * Aggregated progression for a förbund (or, for NNS, the whole country): only groups of at least the
 * minimum size, never one person. Tables first, each with "för få" where a group is hidden, and a chart.
 */
export function ReportsPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("progression");
  const access = useQuery(orgAccessQuery(orgId));
  const options = useQuery(reportOptionsQuery(orgId));
  return (
    <>
      <PageHeader title={t("reports.title")} />
      <QueryView
        query={options}
        isEmpty={(data) => data.instruments.length === 0}
        empty={t("reports.noOptions")}
      >
        {(data) =>
          access.data ? (
            <ReportView orgId={orgId} national={access.data.organization.kind === "nns"} options={data} />
          ) : (
            <Loading />
          )
        }
      </QueryView>
    </>
  );
}

function ReportView({
  orgId,
  national,
  options,
}: {
  orgId: string;
  national: boolean;
  options: ReportOptions;
}) {
  const { t } = useTranslation("progression");
  const [query, setQuery] = useState<ReportQuery>({
    scope: national ? "national" : "organization",
    instrumentVersionId: options.instruments[0]?.id ?? "",
    respondent: firstRespondent(options.instruments[0]?.respondents ?? []),
    dimension: "none",
  });
  const version = options.instruments.find((v) => v.id === query.instrumentVersionId);
  const ready = query.scope !== "intervention" || Boolean(query.interventionId);
  const report = useQuery({ ...reportQuery(orgId, query), enabled: ready });
  const set = (next: Partial<ReportQuery>) =>
    setQuery((current) => {
      const merged = { ...current, ...next };
      if (!dimensionsFor(merged.scope).includes(merged.dimension)) merged.dimension = "none";
      if (merged.scope !== "intervention") delete merged.interventionId;
      return merged;
    });
  const scopes: Scope[] = national ? ["national"] : ["organization", "intervention"];
  return (
    <>
      <section className="card" aria-labelledby="report-selection-heading">
        <h2 id="report-selection-heading">{t("reports.selection")}</h2>
        <div className="progression-filters">
          {scopes.length > 1 ? (
            <SelectField
              label={t("reports.scope")}
              options={scopes.map((s) => ({ id: s, label: t(`reports.scopes.${s}`) }))}
              value={query.scope}
              onChange={(scope) => set({ scope: scope as Scope })}
            />
          ) : null}
          {query.scope === "intervention" ? (
            <SelectField
              label={t("reports.intervention")}
              options={options.interventions.map((i) => ({ id: i.id, label: i.name }))}
              value={query.interventionId ?? null}
              onChange={(interventionId) => set({ interventionId })}
            />
          ) : null}
          <SelectField
            label={t("reports.instrument")}
            options={options.instruments.map((v) => ({ id: v.id, label: versionLabel(t, v) }))}
            value={query.instrumentVersionId}
            onChange={(instrumentVersionId) => {
              const respondents =
                options.instruments.find((v) => v.id === instrumentVersionId)?.respondents ?? [];
              set({
                instrumentVersionId,
                ...(respondents.includes(query.respondent) || !respondents[0]
                  ? {}
                  : { respondent: respondents[0] }),
              });
            }}
          />
          <SelectField
            label={t("reports.respondent")}
            options={(version?.respondents ?? ["participant", "coach"]).map((r) => ({
              id: r,
              label: t(`respondent.${r}`),
            }))}
            value={query.respondent}
            onChange={(respondent) => set({ respondent: respondent as ReportQuery["respondent"] })}
          />
          <SelectField
            label={t("reports.dimension")}
            options={dimensionsFor(query.scope).map((d) => ({ id: d, label: t(`reports.dimensions.${d}`) }))}
            value={query.dimension}
            onChange={(dimension) => set({ dimension: dimension as Dimension })}
          />
        </div>
        {ready ? (
          <p>
            <a className="btn btn-secondary" href={reportCsvUrl(orgId, query)} download>
              {t("reports.csv")}
            </a>
          </p>
        ) : (
          <p className="notice">{t("reports.chooseIntervention")}</p>
        )}
      </section>
      {ready ? (
        <QueryView query={report}>
          {(data) => <ReportTables key={JSON.stringify(query)} report={data} />}
        </QueryView>
      ) : null}
    </>
  );
}

function ReportTables({ report }: { report: Report }) {
  const { t } = useTranslation("progression");
  const k = report.minGroupSize;
  const tooFew = <span className="progression-too-few">{t("reports.tooFew")}</span>;
  const count = (cell: ActivityCell, value: number | null) =>
    cell.suppressed || value === null ? tooFew : value;
  const groups: (GroupFiguresView & { key: string })[] = [
    { ...report.total, key: TOTAL },
    ...report.groups.map((g) => ({ ...g, key: g.group ?? "" })),
  ];
  const shown = groups.filter((g) => !g.suppressed);
  const [groupKey, setGroupKey] = useState(shown[0]?.key ?? TOTAL);
  const group = groups.find((g) => g.key === groupKey) ?? groups[0];
  return (
    <>
      <section className="card" aria-labelledby="report-legend-heading">
        <h2 id="report-legend-heading">{t("reports.legendHeading")}</h2>
        <p className="muted">
          {t("reports.generated", {
            date: formatDateTime(report.generatedAt),
            instrument: t("versionName", {
              name: report.instrument.name,
              number: report.instrument.versionNumber,
            }),
            respondent: t(`respondent.${report.respondent}`),
          })}{" "}
          {report.instrument.placeholder ? <Badge tone="warning">{t("placeholder")}</Badge> : null}
        </p>
        <ul>
          <li>{t("reports.legendTooFew", { k })}</li>
          <li>{t("reports.legendThreshold", { steps: report.improvementThresholdSteps })}</li>
          <li>{t("reports.legendDistance")}</li>
        </ul>
      </section>
      <section className="card" aria-labelledby="report-activity-heading">
        <h2 id="report-activity-heading">{t("reports.activityHeading")}</h2>
        <DataTable
          labelledBy="report-activity-heading"
          rows={[report.activity.total, ...report.activity.groups]}
          rowKey={(cell) => cell.group ?? TOTAL}
          columns={[
            {
              id: "group",
              header: t("reports.activityColumns.group"),
              rowHeader: true,
              cell: (c) => c.label,
            },
            {
              id: "participants",
              header: t("reports.activityColumns.participants"),
              className: "amount",
              cell: (c) => count(c, c.participants),
            },
            {
              id: "measured",
              header: t("reports.activityColumns.measured"),
              className: "amount",
              cell: (c) => count(c, c.measuredParticipants),
            },
            {
              id: "measurements",
              header: t("reports.activityColumns.measurements"),
              className: "amount",
              cell: (c) => count(c, c.measurements),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="report-figures-heading">
        <h2 id="report-figures-heading">{t("reports.groupsHeading")}</h2>
        {groups.length > 1 ? (
          <SelectField
            label={t("reports.group")}
            options={groups.map((g) => ({
              id: g.key,
              label: g.suppressed
                ? `${g.label} (${t("reports.tooFew")})`
                : `${g.label} (${t("reports.n", { n: g.n })})`,
            }))}
            value={group?.key ?? TOTAL}
            onChange={setGroupKey}
          />
        ) : null}
        {group ? <GroupResult group={group} /> : null}
      </section>
    </>
  );
}

function GroupResult({ group }: { group: GroupFiguresView }) {
  const { t } = useTranslation("progression");
  if (group.suppressed)
    return <p className="notice">{t("reports.figuresSuppressed", { group: group.label })}</p>;
  const percent = (value: number | null) =>
    value === null ? "–" : t("reports.percent", { value: value.toLocaleString("sv-SE") });
  return (
    <>
      <h3 id="report-group-heading">
        {t("reports.figuresHeading", { group: group.label })} ({t("reports.n", { n: group.n })})
      </h3>
      <DataTable
        labelledBy="report-group-heading"
        rows={group.items}
        rowKey={(item) => item.code}
        columns={[
          { id: "item", header: t("reports.figuresColumns.item"), rowHeader: true, cell: (i) => i.label },
          {
            id: "first",
            header: t("reports.figuresColumns.first"),
            className: "amount",
            cell: (i) => i.meanFirst.toLocaleString("sv-SE"),
          },
          {
            id: "latest",
            header: t("reports.figuresColumns.latest"),
            className: "amount",
            cell: (i) => i.meanLatest.toLocaleString("sv-SE"),
          },
          {
            id: "distance",
            header: t("reports.figuresColumns.distance"),
            className: "amount",
            cell: (i) => i.distance.toLocaleString("sv-SE", { signDisplay: "exceptZero" }),
          },
          {
            id: "improved",
            header: t("reports.figuresColumns.improved"),
            className: "amount",
            cell: (i) => percent(i.improvedPercent),
          },
          {
            id: "unchanged",
            header: t("reports.figuresColumns.unchanged"),
            className: "amount",
            cell: (i) => percent(i.unchangedPercent),
          },
          {
            id: "worse",
            header: t("reports.figuresColumns.worse"),
            className: "amount",
            cell: (i) => percent(i.worsePercent),
          },
        ]}
      />
      <h3>{t("reports.chartHeading", { group: group.label })}</h3>
      <Suspense fallback={<Loading label={t("charts.loading")} />}>
        <ReportChart items={group.items} title={t("reports.chartHeading", { group: group.label })} />
      </Suspense>
    </>
  );
}
