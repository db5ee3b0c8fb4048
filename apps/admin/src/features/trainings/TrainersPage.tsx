import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { PageHeader, RowButton } from "../../components/ui";
import { countiesQuery } from "../../lib/reference";
import type { Trainer } from "./api";
import { CertificationBadge } from "./badges";
import { AddCertificationDialog, TrainerDialog } from "./TrainerDialogs";
import { expiringQuery, trainersQuery, useRevokeCertification } from "./trainers-api";
import "./i18n";
import "./trainings.css";

/** NNS's registry of certified trainers: status per trainer, certifications about to expire, and adding. */
export function TrainersPage() {
  const { t } = useTranslation("trainings");
  const trainers = useQuery(trainersQuery);
  const expiring = useQuery(expiringQuery);
  const counties = useQuery(countiesQuery);
  const { feedback, show } = useFeedback();
  const countyName = (code: string) => counties.data?.find((c) => c.code === code)?.name ?? code;
  return (
    <>
      <PageHeader
        title={t("trainers.title")}
        description={t("trainers.description")}
        actions={<TrainerDialog onFeedback={show} />}
      />
      <FeedbackRegion feedback={feedback} />
      <section className="card" aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">{t("trainers.expiringHeading")}</h2>
        <QueryView query={expiring} isEmpty={(data) => data.length === 0} empty={t("trainers.expiringEmpty")}>
          {(data) => (
            <ul className="plain-list">
              {data.map((row) => (
                <li key={row.certification.id}>
                  <strong>{row.trainerName}</strong>: {row.certification.issuer},{" "}
                  {t("trainers.validUntil", { date: row.certification.validUntil ?? "–" })}{" "}
                  <CertificationBadge status={row.certification.status} />
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>
      <section className="card" aria-labelledby="trainers-heading">
        <h2 id="trainers-heading">{t("trainers.heading")}</h2>
        <QueryView query={trainers} isEmpty={(data) => data.length === 0} empty={t("trainers.empty")}>
          {(data) => (
            <DataTable
              labelledBy="trainers-heading"
              rows={data}
              rowKey={(trainer) => trainer.id}
              columns={[
                {
                  id: "name",
                  header: t("trainers.columns.name"),
                  rowHeader: true,
                  cell: (trainer) => (
                    <span className="stack">
                      <span>
                        {trainer.name}
                        {trainer.archived ? <span className="muted"> ({t("trainers.archived")})</span> : null}
                      </span>
                      <span className="muted">{trainer.email}</span>
                      {trainer.phone ? <span className="muted">{trainer.phone}</span> : null}
                    </span>
                  ),
                },
                {
                  id: "regions",
                  header: t("trainers.columns.regions"),
                  cell: (trainer) => trainer.countyCodes.map(countyName).join(", ") || "–",
                },
                {
                  id: "modes",
                  header: t("trainers.columns.modes"),
                  cell: (trainer) => trainer.deliveryModes.map((m) => t(`mode.${m}`)).join(", "),
                },
                {
                  id: "status",
                  header: t("trainers.columns.status"),
                  cell: (trainer) => <CertificationBadge status={trainer.certificationStatus} />,
                },
                {
                  id: "certifications",
                  header: t("trainers.columns.certifications"),
                  cell: (trainer) => <Certifications trainer={trainer} onFeedback={show} />,
                },
                {
                  id: "actions",
                  header: t("trainers.columns.actions"),
                  cell: (trainer) => (
                    <div className="cell-actions">
                      <TrainerDialog trainer={trainer} onFeedback={show} />
                      <AddCertificationDialog trainer={trainer} onFeedback={show} />
                    </div>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

function Certifications({
  trainer,
  onFeedback,
}: {
  trainer: Trainer;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const revoke = useRevokeCertification(trainer.id);
  const revokeCertification = (certificationId: string) =>
    revoke.mutateAsync(certificationId, {
      onSuccess: () => onFeedback({ kind: "success", text: t("trainers.revoked", { name: trainer.name }) }),
    });
  if (trainer.certifications.length === 0)
    return <span className="muted">{t("trainers.noCertifications")}</span>;
  return (
    <ul className="plain-list">
      {trainer.certifications.map((cert) => (
        <li key={cert.id}>
          <span className="stack">
            <span>
              {cert.issuer} <CertificationBadge status={cert.status} />
            </span>
            <span className="muted">
              {cert.certifiedOn} – {cert.validUntil ?? t("trainers.noExpiry")}
            </span>
            {cert.status !== "revoked" ? (
              <span>
                <ConfirmDialog
                  trigger={
                    <RowButton
                      variant="ghost"
                      label={t("trainers.revoke")}
                      aria-label={t("trainers.revokeLabel", { issuer: cert.issuer, name: trainer.name })}
                    />
                  }
                  title={t("trainers.revokeTitle", { name: trainer.name })}
                  confirmLabel={t("trainers.revokeConfirm")}
                  isPending={revoke.isPending}
                  onConfirm={() => revokeCertification(cert.id)}
                >
                  <p>{t("trainers.revokeBody", { issuer: cert.issuer })}</p>
                </ConfirmDialog>
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
