import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import { formatDate, formatDateTime } from "../../lib/format";
import type { WebhookEndpoint } from "./events";
import "./i18n";

/**
 * On or switched off, and why: the reason is the platform's own Swedish sentence (switched off by a
 * person, or after days of failed deliveries). An endpoint still on whose deliveries fail says since when.
 */
export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation("webhooks");
  if (!endpoint.enabled) {
    return (
      <>
        <Badge tone="danger">{t("status.disabled")}</Badge>
        {endpoint.disabledAt ? (
          <span className="muted" style={{ whiteSpace: "nowrap" }}>
            {" "}
            {t("disabledAt", { date: formatDate(endpoint.disabledAt) })}
          </span>
        ) : null}
        {endpoint.disabledReason ? <div>{endpoint.disabledReason}</div> : null}
      </>
    );
  }
  return (
    <>
      <Badge tone="success">{t("status.enabled")}</Badge>
      {endpoint.failingSince ? (
        <div className="muted">{t("status.failing", { date: formatDateTime(endpoint.failingSince) })}</div>
      ) : null}
    </>
  );
}
