import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { EmptyState, QueryView } from "../../components/states";
import { Badge, RowButton } from "../../components/ui";
import { problemText } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { deliveriesQuery, useResendDelivery } from "./api";
import { DELIVERY_STATUSES, type DeliveryStatus, useEventLabel, type WebhookDelivery } from "./events";
import "./i18n";

const ALL = "all";
const STATUS_TONE = {
  pending: "neutral",
  succeeded: "success",
  failed: "warning",
  gave_up: "danger",
} as const;
/** The delivery service's words for a delivery skipped because its endpoint was switched off. */
const ENDPOINT_DISABLED = "The endpoint is disabled.";

/**
 * The deliveries to one endpoint, newest first, with a filter by status. "Skicka igen" sends a delivery's
 * event once more as a new delivery; the outcome is said right above the table, and focus stays on the
 * button pressed, in its row.
 */
export function DeliveryLog({
  orgId,
  endpointId,
  canSend,
}: {
  orgId: string;
  endpointId: string;
  /** False while the endpoint is switched off: nothing can be sent again until it is on. */
  canSend: boolean;
}) {
  const { t } = useTranslation("webhooks");
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const pages = useCursorPages();
  const deliveries = useQuery(deliveriesQuery(orgId, endpointId, status, pages.cursor));
  const resend = useResendDelivery(orgId, endpointId);
  const { feedback, show } = useFeedback();
  const eventLabel = useEventLabel();

  const resendDelivery = (delivery: WebhookDelivery) => {
    const names = { event: eventLabel(delivery.eventType), date: formatDateTime(delivery.createdAt) };
    resend.mutate(delivery, {
      onSuccess: () => show({ kind: "success", text: t("deliveries.resent", names) }),
      onError: (error) =>
        show({ kind: "error", text: t("deliveries.resendFailed", { ...names, detail: problemText(error) }) }),
    });
  };

  return (
    <section className="card" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">{t("deliveries.heading")}</h2>
      <p className="muted">{t("deliveries.intro")}</p>
      <div style={{ maxWidth: "20rem", marginBottom: "var(--space-4)" }}>
        <SelectField
          label={t("deliveries.filter")}
          options={[
            { id: ALL, label: t("deliveries.anyStatus") },
            ...DELIVERY_STATUSES.map((id) => ({ id, label: t(`deliveries.status.${id}`) })),
          ]}
          value={status ?? ALL}
          onChange={(value) => {
            setStatus(value === ALL ? undefined : (value as DeliveryStatus));
            pages.reset();
          }}
        />
      </div>
      {canSend ? null : <p className="notice">{t("deliveries.disabledNote")}</p>}
      <FeedbackRegion feedback={feedback} />
      <QueryView query={deliveries}>
        {(data) =>
          data.data.length === 0 && !pages.hasPrevious ? (
            <EmptyState>{status ? t("deliveries.emptyFiltered") : t("deliveries.empty")}</EmptyState>
          ) : (
            <>
              <DataTable
                caption={t("deliveries.caption")}
                rows={data.data}
                rowKey={(delivery) => delivery.id}
                columns={[
                  {
                    id: "event",
                    header: t("deliveries.columns.event"),
                    rowHeader: true,
                    cell: (delivery) => eventLabel(delivery.eventType),
                  },
                  {
                    id: "status",
                    header: t("deliveries.columns.status"),
                    cell: (delivery) => <DeliveryStatusCell delivery={delivery} />,
                  },
                  {
                    id: "time",
                    header: t("deliveries.columns.time"),
                    noWrap: true,
                    cell: (delivery) => (
                      <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
                    ),
                  },
                  {
                    id: "response",
                    header: t("deliveries.columns.response"),
                    cell: (delivery) => <ResponseCell delivery={delivery} />,
                  },
                  {
                    id: "attempts",
                    header: t("deliveries.columns.attempts"),
                    cell: (delivery) => delivery.attempts,
                  },
                  ...(canSend
                    ? [
                        {
                          id: "actions",
                          header: t("deliveries.columns.actions"),
                          cell: (delivery: WebhookDelivery) =>
                            delivery.status === "pending" ? null : (
                              <RowButton
                                label={t("deliveries.resend")}
                                aria-label={t("deliveries.resendLabel", {
                                  event: eventLabel(delivery.eventType),
                                  date: formatDateTime(delivery.createdAt),
                                })}
                                isPending={resend.isPending && resend.variables?.id === delivery.id}
                                onPress={() => resendDelivery(delivery)}
                              />
                            ),
                        },
                      ]
                    : []),
                ]}
              />
              <Pagination pages={pages} nextCursor={data.nextCursor} />
            </>
          )
        }
      </QueryView>
    </section>
  );
}

/** The status in words, and when it was delivered or when the next attempt is due. */
function DeliveryStatusCell({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation("webhooks");
  const [label, date] =
    delivery.status === "succeeded"
      ? [t("deliveries.deliveredAt"), delivery.deliveredAt]
      : (delivery.status === "failed" || delivery.status === "pending") && delivery.attempts > 0
        ? [t("deliveries.nextAttempt"), delivery.nextAttemptAt]
        : [null, null];
  return (
    <>
      <Badge tone={STATUS_TONE[delivery.status]}>{t(`deliveries.status.${delivery.status}`)}</Badge>
      {label && date ? (
        <div className="muted">
          {label} <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(date)}</span>
        </div>
      ) : null}
    </>
  );
}

/**
 * The receiver's answer: its status code, or why there was none in words, followed by the connection
 * error itself as a technical detail for whoever runs the receiving system.
 */
function ResponseCell({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation("webhooks");
  if (delivery.lastResponseStatus !== null) return delivery.lastResponseStatus;
  if (!delivery.lastError) return delivery.attempts > 0 ? t("deliveries.noResponse") : t("deliveries.none");
  if (delivery.lastError === ENDPOINT_DISABLED) return t("deliveries.errors.disabled");
  return (
    <>
      {t("deliveries.errors.unreachable")}{" "}
      <code className="muted" style={{ overflowWrap: "anywhere" }}>
        {delivery.lastError}
      </code>
    </>
  );
}
