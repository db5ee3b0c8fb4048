import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import { trainingsQuery } from "./api";
import { TrainingStatusBadge } from "./badges";
import { CreateTrainingDialog } from "./CreateTrainingDialog";
import "./i18n";
import "./trainings.css";

const route = getRouteApi("/app/o/$orgId/trainings");

/** "Utbildningar": the organization's own trainings and events and those it takes part in. */
export function TrainingsPage() {
  const { orgId } = route.useParams();
  return <Trainings key={orgId} orgId={orgId} />;
}

function Trainings({ orgId }: { orgId: string }) {
  const { t } = useTranslation("trainings");
  const can = usePermissions(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const isNns = access.data?.organization.kind === "nns";
  const trainings = useQuery(trainingsQuery(orgId));
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={isNns ? t("list.descriptionNns") : t("list.description")}
        actions={
          <>
            <Link to="/o/$orgId/trainings/calendar" params={{ orgId }} className="btn btn-secondary">
              {t("list.calendar")}
            </Link>
            {isNns ? null : (
              <Link to="/o/$orgId/trainings/series" params={{ orgId }} className="btn btn-secondary">
                {t("list.series")}
              </Link>
            )}
            {can.has("trainings:manage") && access.data ? (
              <CreateTrainingDialog orgId={orgId} isNns={isNns} />
            ) : null}
          </>
        }
      />
      <section className="card" aria-labelledby="trainings-heading">
        <h2 id="trainings-heading">{t("list.heading")}</h2>
        <QueryView query={trainings} isEmpty={(data) => data.length === 0} empty={t("list.empty")}>
          {(data) => (
            <DataTable
              labelledBy="trainings-heading"
              rows={data}
              rowKey={(training) => training.id}
              columns={[
                {
                  id: "title",
                  header: t("list.columns.title"),
                  cell: (training) => (
                    <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId: training.id }}>
                      {training.title}
                    </Link>
                  ),
                },
                {
                  id: "kind",
                  header: t("list.columns.kind"),
                  cell: (training) => t(`kind.${training.kind}`),
                },
                {
                  id: "status",
                  header: t("list.columns.status"),
                  cell: (training) => <TrainingStatusBadge status={training.status} />,
                },
                {
                  id: "dates",
                  header: t("list.columns.dates"),
                  noWrap: true,
                  cell: (training) =>
                    training.firstSessionAt
                      ? `${formatDate(training.firstSessionAt)} – ${formatDate(training.lastSessionEndsAt)}`
                      : t("list.noDates"),
                },
                {
                  id: "sessions",
                  header: t("list.columns.sessions"),
                  cell: (training) => training.sessionCount,
                },
                { id: "owner", header: t("list.columns.owner"), cell: (training) => training.owner.name },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}
