import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Loading, QueryView } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { usePermissions } from "../../lib/session";
import { exportUrl, measurementsQuery, participantQuery, useEraseParticipant } from "./api";
import { MeasurementsSection } from "./MeasurementsSection";
import { OccasionsSection } from "./OccasionsSection";
import { ParticipantDetails } from "./ParticipantDetails";
import { RecordMeasurementDialog } from "./RecordMeasurementDialog";
import { SelfRatingLinkDialog } from "./SelfRatingLinkDialog";
import type { ParticipantDetail } from "./types";
import "./i18n";
import "./progression.css";

/** recharts is large: it loads only when a participant's charts are shown, never with the first page. */
const ProgressCharts = lazy(() => import("./ProgressCharts"));

const route = getRouteApi("/app/o/$orgId/deltagare/$participantId");

export function ParticipantPage() {
  const { orgId, participantId } = route.useParams();
  return <ParticipantView key={`${orgId}/${participantId}`} orgId={orgId} participantId={participantId} />;
}

/**
 * One participant: facts, occasions, measurements with their charts, and the actions on them: recording a
 * measurement, a self-rating link, and for managers export and erasure.
 */
function ParticipantView({ orgId, participantId }: { orgId: string; participantId: string }) {
  const { t } = useTranslation("progression");
  const participant = useQuery(participantQuery(orgId, participantId));
  const measurements = useQuery(measurementsQuery(orgId, participantId));
  const can = usePermissions(orgId);
  const manager = can.has("progression:manage");
  const { feedback, show } = useFeedback();
  const created = useRouterState({ select: (state) => state.location.state.participantCreated });
  useEffect(() => {
    if (created) show({ kind: "success", text: t("form.created", { code: created }) });
  }, [created, show, t]);
  return (
    <>
      <p>
        <Link to="/o/$orgId/deltagare" params={{ orgId }}>
          {t("participant.back")}
        </Link>
      </p>
      <QueryView query={participant}>
        {(data) => (
          <>
            <PageHeader
              title={t("participant.title", { code: data.code })}
              actions={
                <>
                  <RecordMeasurementDialog orgId={orgId} participant={data} onFeedback={show} />
                  <SelfRatingLinkDialog orgId={orgId} participant={data} />
                </>
              }
            />
            <FeedbackRegion feedback={feedback} />
            <ParticipantDetails orgId={orgId} participant={data} manager={manager} onFeedback={show} />
            <OccasionsSection participant={data} />
            <MeasurementsSection
              orgId={orgId}
              participant={data}
              measurements={measurements}
              manager={manager}
              onFeedback={show}
            />
            {measurements.data && measurements.data.data.length > 0 ? (
              <Suspense fallback={<Loading label={t("charts.loading")} />}>
                <ProgressCharts orgId={orgId} participant={data} measurements={measurements.data.data} />
              </Suspense>
            ) : null}
            {manager ? <ExportAndErase orgId={orgId} participant={data} /> : null}
          </>
        )}
      </QueryView>
    </>
  );
}

function ExportAndErase({ orgId, participant }: { orgId: string; participant: ParticipantDetail }) {
  const { t } = useTranslation("progression");
  const navigate = useNavigate();
  const erase = useEraseParticipant(orgId, participant.id);
  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">{t("participant.exportHeading")}</h2>
      <p>{t("participant.exportIntro")}</p>
      <div className="progression-actions">
        <a className="btn btn-secondary" href={exportUrl(orgId, participant.id, "csv")} download>
          {t("participant.exportCsv")}
        </a>
        <a className="btn btn-secondary" href={exportUrl(orgId, participant.id, "json")} download>
          {t("participant.exportJson")}
        </a>
        <ConfirmDialog
          trigger={<Button variant="danger">{t("participant.erase")}</Button>}
          title={t("participant.eraseTitle", { code: participant.code })}
          confirmLabel={t("participant.erase")}
          isPending={erase.isPending}
          onConfirm={() =>
            erase.mutateAsync().then(() =>
              navigate({
                to: "/o/$orgId/deltagare",
                params: { orgId },
                state: { participantErased: participant.code },
              }),
            )
          }
        >
          <p>{t("participant.eraseBody")}</p>
        </ConfirmDialog>
      </div>
    </section>
  );
}
