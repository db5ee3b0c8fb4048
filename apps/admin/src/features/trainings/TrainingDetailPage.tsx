import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import { trainingQuery } from "./api";
import { TrainingStatusBadge } from "./badges";
import { CostsSection } from "./CostsSection";
import { FollowUpSection } from "./FollowUpSection";
import { OwnerInvoicing, PartyReference } from "./InvoicingSection";
import { OwnerControls } from "./OwnerControls";
import { ParticipantsSection } from "./ParticipantsSection";
import { PartiesSection } from "./PartiesSection";
import { PublicSignupSection } from "./PublicSignupSection";
import { RegistrationForm } from "./RegistrationForm";
import { type PageSection, SectionNav } from "./SectionNav";
import { SessionsSection } from "./SessionsSection";
import "./i18n";
import "./trainings.css";

const route = getRouteApi("/app/o/$orgId/trainings/$trainingId");

/**
 * One training or event. A förbund taking part sees the sessions, registers its people and sees its
 * costs and follow-up; the owner (NNS for BIP/SKAPA, the förbund for its own event) also plans it.
 */
export function TrainingDetailPage() {
  const { orgId, trainingId } = route.useParams();
  return <TrainingDetail key={`${orgId}/${trainingId}`} orgId={orgId} trainingId={trainingId} />;
}

function TrainingDetail({ orgId, trainingId }: { orgId: string; trainingId: string }) {
  const { t } = useTranslation("trainings");
  const can = usePermissions(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const training = useQuery(trainingQuery(orgId, trainingId));
  const { feedback, show } = useFeedback();
  const isNns = access.data?.organization.kind === "nns";
  return (
    <QueryView query={training}>
      {(tr) => {
        const manages = tr.viewer.isOwner && can.has("trainings:manage");
        const invoicing = tr.viewer.isOwner && isNns && can.has("billing:manage");
        const reference =
          tr.viewer.isParty && !isNns && can.has("invoicing:manage") && tr.kind === "bip_skapa";
        const sections: PageSection[] = [
          { id: "oversikt", label: t("detail.overview") },
          { id: "tillfallen", label: t("detail.sessionsPart") },
          { id: "deltagare", label: t("detail.participantsPart") },
          { id: "kostnader", label: t("detail.costsPart") },
          { id: "uppfoljning", label: t("detail.followUpPart") },
        ];
        return (
          <>
            <PageHeader
              title={tr.title}
              description={t("detail.description", { kind: t(`kind.${tr.kind}`), owner: tr.owner.name })}
              actions={
                tr.sessions.length > 0 ? (
                  <a
                    className="btn btn-secondary"
                    href={`/v1/orgs/${orgId}/trainings/${trainingId}/calendar.ics`}
                    download
                  >
                    {t("detail.calendarFile")}
                  </a>
                ) : null
              }
            />
            <p>
              <Link to="/o/$orgId/trainings" params={{ orgId }}>
                {t("detail.back")}
              </Link>
            </p>
            <SectionNav sections={sections} />
            <FeedbackRegion feedback={feedback} />
            <div id="oversikt" className="page-part">
              <section className="card" aria-labelledby="overview-heading">
                <h2 id="overview-heading">{t("detail.overview")}</h2>
                <dl className="facts training-facts">
                  <dt>{t("detail.status")}</dt>
                  <dd>
                    <TrainingStatusBadge status={tr.status} />
                  </dd>
                  <dt>{t("detail.kind")}</dt>
                  <dd>{t(`kind.${tr.kind}`)}</dd>
                  <dt>{t("detail.owner")}</dt>
                  <dd>{tr.owner.name}</dd>
                  {tr.description ? (
                    <>
                      <dt>{t("detail.about")}</dt>
                      <dd>{tr.description}</dd>
                    </>
                  ) : null}
                  <dt>{t("detail.costSplit")}</dt>
                  <dd>{t(`costSplit.${tr.costSplitRule}`)}</dd>
                  {tr.status === "cancelled" ? (
                    <>
                      <dt>{t("detail.cancelled")}</dt>
                      <dd>
                        {formatDateTime(tr.cancelledAt)}
                        {tr.cancellationReason ? ` – ${tr.cancellationReason}` : ""}
                      </dd>
                    </>
                  ) : null}
                </dl>
              </section>
              {manages ? <OwnerControls orgId={orgId} training={tr} onFeedback={show} /> : null}
              <PublicSignupSection orgId={orgId} training={tr} manages={manages} onFeedback={show} />
            </div>
            <div id="tillfallen" className="page-part">
              <SessionsSection
                orgId={orgId}
                training={tr}
                manages={manages}
                isNns={isNns}
                canAttend={can.has("sessions:attend") && tr.viewer.isOwner}
                onFeedback={show}
              />
            </div>
            <div id="deltagare" className="page-part">
              <PartiesSection orgId={orgId} training={tr} manages={manages} isNns={isNns} onFeedback={show} />
              {tr.viewer.isParty && can.has("trainings:register") ? (
                <RegistrationForm orgId={orgId} training={tr} onFeedback={show} />
              ) : null}
              <ParticipantsSection
                orgId={orgId}
                training={tr}
                canCancel={can.has("trainings:register")}
                onFeedback={show}
              />
            </div>
            <div id="kostnader" className="page-part">
              <CostsSection
                orgId={orgId}
                training={tr}
                canBook={can.has("trainings:book") && tr.viewer.isParty}
                onFeedback={show}
              />
              {invoicing ? <OwnerInvoicing orgId={orgId} training={tr} onFeedback={show} /> : null}
              {reference ? <PartyReference orgId={orgId} training={tr} onFeedback={show} /> : null}
            </div>
            <div id="uppfoljning" className="page-part">
              <FollowUpSection orgId={orgId} training={tr} />
            </div>
          </>
        );
      }}
    </QueryView>
  );
}
