import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../../components/ScrollableTable";
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
            <ScrollableTable labelledBy="trainings-heading">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("list.columns.title")}</th>
                    <th scope="col">{t("list.columns.kind")}</th>
                    <th scope="col">{t("list.columns.status")}</th>
                    <th scope="col">{t("list.columns.dates")}</th>
                    <th scope="col">{t("list.columns.sessions")}</th>
                    <th scope="col">{t("list.columns.owner")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((training) => (
                    <tr key={training.id}>
                      <td>
                        <Link
                          to="/o/$orgId/trainings/$trainingId"
                          params={{ orgId, trainingId: training.id }}
                        >
                          {training.title}
                        </Link>
                      </td>
                      <td>{t(`kind.${training.kind}`)}</td>
                      <td>
                        <TrainingStatusBadge status={training.status} />
                      </td>
                      <td className="nowrap">
                        {training.firstSessionAt
                          ? `${formatDate(training.firstSessionAt)} – ${formatDate(training.lastSessionEndsAt)}`
                          : t("list.noDates")}
                      </td>
                      <td>{training.sessionCount}</td>
                      <td>{training.owner.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </QueryView>
      </section>
    </>
  );
}
