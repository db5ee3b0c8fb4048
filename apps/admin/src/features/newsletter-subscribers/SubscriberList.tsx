import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { EmptyState, QueryView } from "../../components/states";
import { Badge, Button, RowButton } from "../../components/ui";
import { formatDate, formatDateTime } from "../../lib/format";
import {
  type Subscriber,
  type SubscriberFilters,
  useEraseSubscriber,
  useSubscribers,
  useUnsubscribe,
} from "./api";
import "./i18n";

const TONE = {
  confirmed: "success",
  unconfirmed: "warning",
  unsubscribed: "neutral",
  blocklisted: "danger",
} as const;

/** Where focus goes in a row: its address, the row's name. */
const anchorOf = (subscriber: Subscriber) => `subscriber-${subscriber.id}`;

/**
 * The subscribers, newest first, 50 at a time: "Visa fler" appends the next 50 and moves focus to the
 * first of them. On a phone each row is a card, the address its title.
 */
export function SubscriberList({
  orgId,
  publicationId,
  filters,
  onChanged,
}: {
  orgId: string;
  publicationId: string;
  filters: SubscriberFilters;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation("newsletterSubscribers");
  const subscribers = useSubscribers(orgId, publicationId, filters);
  const rows = subscribers.data?.pages.flatMap((page) => page.data) ?? [];
  const firstNew = useRef<number | null>(null);
  const unsubscribe = useUnsubscribe(orgId, publicationId, (s) =>
    onChanged(t("unsubscribe.done", { email: s.email })),
  );
  const erase = useEraseSubscriber(orgId, publicationId, (s) =>
    onChanged(t("erase.done", { email: s.email })),
  );
  const filtered = Boolean(filters.q || filters.status);

  const newRow = firstNew.current === null ? undefined : rows[firstNew.current];
  useEffect(() => {
    if (!newRow) return;
    document.getElementById(anchorOf(newRow))?.focus();
    firstNew.current = null;
  }, [newRow]);

  return (
    <QueryView query={subscribers}>
      {() =>
        rows.length === 0 ? (
          <EmptyState>{filtered ? t("list.emptyFiltered") : t("list.empty")}</EmptyState>
        ) : (
          <>
            <p className="muted" role="status">
              {t("list.shown", { count: rows.length })}
            </p>
            <DataTable
              labelledBy="subscribers-heading"
              rows={rows}
              rowKey={(s) => s.id}
              columns={[
                {
                  id: "email",
                  header: t("list.columns.email"),
                  rowHeader: true,
                  cell: (s) => (
                    <span id={anchorOf(s)} tabIndex={-1} className="subscribers-address">
                      {s.email}
                    </span>
                  ),
                },
                {
                  id: "name",
                  header: t("list.columns.name"),
                  cell: (s) => s.name ?? <span className="muted">{t("list.noName")}</span>,
                },
                {
                  id: "status",
                  header: t("list.columns.status"),
                  cell: (s) => <SubscriberStatus subscriber={s} />,
                },
                {
                  id: "consent",
                  header: t("list.columns.consent"),
                  cell: (s) => <Consent subscriber={s} />,
                },
                {
                  id: "actions",
                  header: t("list.columns.actions"),
                  cell: (s) => (
                    <div className="cell-actions">
                      {s.status === "confirmed" || s.status === "unconfirmed" ? (
                        <ConfirmDialog
                          trigger={
                            <RowButton
                              label={t("unsubscribe.button")}
                              aria-label={t("unsubscribe.label", { email: s.email })}
                            />
                          }
                          title={t("unsubscribe.title", { email: s.email })}
                          confirmLabel={t("unsubscribe.confirm")}
                          isPending={unsubscribe.isPending}
                          onConfirm={() => unsubscribe.mutateAsync(s)}
                        >
                          <p>{t("unsubscribe.body")}</p>
                        </ConfirmDialog>
                      ) : null}
                      <ConfirmDialog
                        trigger={
                          <RowButton
                            label={t("erase.button")}
                            aria-label={t("erase.label", { email: s.email })}
                            variant="danger"
                          />
                        }
                        title={t("erase.title", { email: s.email })}
                        confirmLabel={t("erase.confirm")}
                        isPending={erase.isPending}
                        onConfirm={() => erase.mutateAsync(s)}
                      >
                        <p>{t("erase.body")}</p>
                        <p>
                          <strong>{t("erase.kept")}</strong>
                        </p>
                      </ConfirmDialog>
                    </div>
                  ),
                },
              ]}
            />
            {subscribers.hasNextPage ? (
              <div className="subscribers-more">
                <Button
                  variant="secondary"
                  isPending={subscribers.isFetchingNextPage}
                  onPress={() => {
                    firstNew.current = rows.length;
                    void subscribers.fetchNextPage();
                  }}
                >
                  {subscribers.isFetchingNextPage ? t("list.loadingMore") : t("more", { ns: "common" })}
                </Button>
              </div>
            ) : null}
          </>
        )
      }
    </QueryView>
  );
}

function SubscriberStatus({ subscriber }: { subscriber: Subscriber }) {
  const { t } = useTranslation("newsletterSubscribers");
  const since = {
    confirmed: subscriber.confirmedAt,
    unconfirmed: null,
    unsubscribed: subscriber.unsubscribedAt,
    blocklisted: subscriber.blocklistedAt,
  }[subscriber.status];
  return (
    <span className="subscribers-status">
      <Badge tone={TONE[subscriber.status]}>{t(`status.${subscriber.status}`)}</Badge>
      {since ? (
        <span className="muted subscribers-nowrap">{t("list.since", { date: formatDate(since) })}</span>
      ) : null}
    </span>
  );
}

/** When and how the person consented; the text itself, often long, on demand. */
function Consent({ subscriber }: { subscriber: Subscriber }) {
  const { t } = useTranslation("newsletterSubscribers");
  const { consent } = subscriber;
  if (!consent.at) return <span className="muted">{t("list.noConsent")}</span>;
  return (
    <div className="subscribers-consent">
      <span className="subscribers-nowrap">{formatDateTime(consent.at)}</span>
      <span>{t(`consentSource.${consent.source}`)}</span>
      {consent.attestedBy ? <span className="muted">{t("list.attested")}</span> : null}
      {consent.text ? (
        <details>
          <summary>{t("list.showConsentText")}</summary>
          <p>{consent.text}</p>
        </details>
      ) : null}
    </div>
  );
}
