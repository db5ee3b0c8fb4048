import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import type { Feedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { Badge, RowButton } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { useMe } from "../../lib/session";
import { useDeleteMeasurement } from "./api";
import type { Measurement, ParticipantDetail } from "./types";

/** Every measurement of the participant, newest first; a manager or its recorder may take one back. */
export function MeasurementsSection({
  orgId,
  participant,
  measurements,
  manager,
  onFeedback,
}: {
  orgId: string;
  participant: ParticipantDetail;
  measurements: UseQueryResult<{ data: Measurement[] }>;
  manager: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const me = useMe();
  const remove = useDeleteMeasurement(orgId, participant.id);
  return (
    <section className="card" aria-labelledby="measurements-heading">
      <h2 id="measurements-heading">{t("participant.measurementsHeading")}</h2>
      <QueryView
        query={measurements}
        isEmpty={(page) => page.data.length === 0}
        empty={t("participant.measurementsEmpty")}
      >
        {(page) => (
          <DataTable
            labelledBy="measurements-heading"
            rows={[...page.data].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn))}
            rowKey={(m) => m.id}
            columns={[
              {
                id: "measuredOn",
                header: t("participant.measurementColumns.measuredOn"),
                rowHeader: true,
                noWrap: true,
                cell: (m) => formatDate(m.measuredOn),
              },
              {
                id: "instrument",
                header: t("participant.measurementColumns.instrument"),
                cell: (m) => (
                  <>
                    {t("versionName", { name: m.instrument.name, number: m.instrument.versionNumber })}
                    {m.instrument.placeholder ? (
                      <>
                        {" "}
                        <Badge tone="warning">{t("placeholder")}</Badge>
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                id: "respondent",
                header: t("participant.measurementColumns.respondent"),
                cell: (m) => t(`respondent.${m.respondent}`),
              },
              {
                id: "source",
                header: t("participant.measurementColumns.source"),
                cell: (m) => t(`source.${m.source}`),
              },
              {
                id: "recordedBy",
                header: t("participant.measurementColumns.recordedBy"),
                cell: (m) => m.recordedBy?.name ?? "–",
              },
              {
                id: "comment",
                header: t("participant.measurementColumns.comment"),
                cell: (m) => m.comment ?? "–",
              },
              {
                id: "actions",
                header: t("participant.measurementColumns.actions"),
                cell: (m) =>
                  manager || m.recordedBy?.id === me.user.id ? (
                    <ConfirmDialog
                      trigger={
                        <RowButton
                          label={t("participant.deleteMeasurement")}
                          aria-label={t("participant.deleteMeasurementLabel", {
                            date: formatDate(m.measuredOn),
                          })}
                        />
                      }
                      title={t("participant.deleteMeasurementTitle", { date: formatDate(m.measuredOn) })}
                      confirmLabel={t("participant.deleteMeasurement")}
                      isPending={remove.isPending}
                      onConfirm={() =>
                        remove.mutateAsync(m.id).then(() =>
                          onFeedback({
                            kind: "success",
                            text: t("participant.measurementDeleted", { date: formatDate(m.measuredOn) }),
                          }),
                        )
                      }
                    >
                      <p>{t("participant.deleteMeasurementBody")}</p>
                    </ConfirmDialog>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
