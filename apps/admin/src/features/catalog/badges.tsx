import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import type { Intervention } from "./api";
import "./i18n";

type Tone = "neutral" | "success" | "warning" | "danger";
const STATE_TONE: Record<Intervention["state"], Tone> = {
  draft: "neutral",
  submitted: "warning",
  returned: "danger",
  published: "success",
  archived: "neutral",
};

/**
 * What the entry's working copy is: utkast, inskickad, returnerad (also a draft that still carries the
 * editorial team's comment), publicerad or arkiverad.
 */
export function displayState(intervention: Pick<Intervention, "state" | "reviewComment">) {
  return intervention.state === "draft" && intervention.reviewComment ? "returned" : intervention.state;
}

export function InterventionStateBadge({
  intervention,
}: {
  intervention: Pick<Intervention, "state" | "reviewComment">;
}) {
  const { t } = useTranslation("catalog");
  const state = displayState(intervention);
  return <Badge tone={STATE_TONE[state]}>{t(`state.${state}`)}</Badge>;
}

/** A newer working copy exists while an earlier version stays public. */
export function hasPublishedVersionBehind(intervention: Intervention): boolean {
  return (
    intervention.publishedRevision !== null &&
    intervention.state !== "published" &&
    intervention.state !== "archived"
  );
}

export function PublishedVersionBadge({ intervention }: { intervention: Intervention }) {
  const { t } = useTranslation("catalog");
  if (!hasPublishedVersionBehind(intervention)) return null;
  return <Badge tone="success">{t("publishedVersionExists")}</Badge>;
}

/** Only a draft, a returned entry or a published one (which starts a new draft) takes new content. */
export function isEditable(intervention: Pick<Intervention, "state">): boolean {
  return (
    intervention.state === "draft" || intervention.state === "returned" || intervention.state === "published"
  );
}
