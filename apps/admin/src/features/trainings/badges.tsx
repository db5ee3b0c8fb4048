import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import type { Certification, Participant, Trainer, TrainingRequest, TrainingStatus } from "./api";
import "./i18n";

const STATUS_TONE: Record<TrainingStatus, "neutral" | "success" | "warning" | "danger"> = {
  requested: "warning",
  planned: "neutral",
  confirmed: "success",
  completed: "neutral",
  cancelled: "danger",
};

export function TrainingStatusBadge({ status }: { status: TrainingStatus }) {
  const { t } = useTranslation("trainings");
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

const REQUEST_TONE: Record<TrainingRequest["status"], "neutral" | "success" | "warning" | "danger"> = {
  submitted: "warning",
  scheduled: "success",
  withdrawn: "neutral",
  declined: "danger",
};

export function RequestStatusBadge({ status }: { status: TrainingRequest["status"] }) {
  const { t } = useTranslation("trainings");
  return <Badge tone={REQUEST_TONE[status]}>{t(`requestStatus.${status}`)}</Badge>;
}

type CertificationStatus = Trainer["certificationStatus"];
const CERT_TONE: Record<CertificationStatus, "neutral" | "success" | "warning" | "danger"> = {
  valid: "success",
  expiring: "warning",
  expired: "danger",
  not_yet_valid: "neutral",
  revoked: "danger",
  none: "neutral",
};

export function CertificationBadge({ status }: { status: CertificationStatus | Certification["status"] }) {
  const { t } = useTranslation("trainings");
  return <Badge tone={CERT_TONE[status]}>{t(`certificationStatus.${status}`)}</Badge>;
}

/** "Plats", "Väntelista nr 3" or "Avbokad" for one registration. */
export function RegistrationStatus({ registration }: { registration: Participant["registrations"][number] }) {
  const { t } = useTranslation("trainings");
  if (registration.status === "confirmed")
    return <Badge tone="success">{t("registrationStatus.confirmed")}</Badge>;
  if (registration.status === "waitlisted")
    return (
      <Badge tone="warning">
        {t("registrationStatus.waitlisted", { position: registration.waitingPosition ?? "–" })}
      </Badge>
    );
  return <Badge>{t("registrationStatus.cancelled")}</Badge>;
}
