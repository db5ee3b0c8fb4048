import { getRouteApi } from "@tanstack/react-router";
import { Fragment, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { type Email, useOutbox } from "./api";
import { LinkifiedText } from "./LinkifiedText";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/outbox");

const COLUMNS = 5;

export function OutboxPage() {
  const { t } = useTranslation("outbox");
  const { orgId } = route.useParams();
  const pages = useCursorPages();
  const [openId, setOpenId] = useState<string | null>(null);
  const outbox = useOutbox(orgId, pages.cursor);

  let content: ReactNode;
  if (outbox.isPending) content = <Loading />;
  else if (outbox.error) content = <ErrorState error={outbox.error} onRetry={() => outbox.refetch()} />;
  else if (outbox.data.data.length === 0 && !pages.hasPrevious)
    content = <EmptyState>{t("empty")}</EmptyState>;
  else
    content = (
      <>
        <ScrollableTable label={t("table.caption")}>
          <table>
            <caption className="visually-hidden">{t("table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.to")}</th>
                <th scope="col">{t("table.subject")}</th>
                <th scope="col">{t("table.template")}</th>
                <th scope="col">{t("table.status")}</th>
                <th scope="col">{t("table.time")}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.data.map((email) => (
                <EmailRow
                  key={email.id}
                  email={email}
                  open={openId === email.id}
                  onToggle={() => setOpenId((current) => (current === email.id ? null : email.id))}
                />
              ))}
            </tbody>
          </table>
        </ScrollableTable>
        <Pagination pages={pages} nextCursor={outbox.data.nextCursor} onMove={() => setOpenId(null)} />
      </>
    );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section className="notice" aria-labelledby="outbox-about" style={{ marginBottom: "var(--space-5)" }}>
        <h2 id="outbox-about" style={{ fontSize: "1rem", margin: "0 0 var(--space-2)" }}>
          {t("embedded.title")}
        </h2>
        <p style={{ margin: "0 0 var(--space-2)" }}>{t("embedded.body")}</p>
        <p style={{ margin: 0 }}>{t("embedded.smtp")}</p>
      </section>
      {content}
    </>
  );
}

function StatusBadge({ email }: { email: Email }) {
  const { t } = useTranslation("outbox");
  if (email.transport === "outbox") return <Badge>{t("status.outbox")}</Badge>;
  const tone = email.status === "sent" ? "success" : email.status === "failed" ? "danger" : "warning";
  return <Badge tone={tone}>{t(`status.${email.status}`)}</Badge>;
}

function EmailRow({ email, open, onToggle }: { email: Email; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation("outbox");
  const detailsId = useId();
  return (
    <Fragment>
      <tr>
        <td style={{ overflowWrap: "anywhere", minWidth: "10rem" }}>{email.to}</td>
        <td lang="sv">
          {/* Choosing the subject shows the message below the row, like a mail client. */}
          <Button
            variant="ghost"
            className="btn-small"
            style={{ textAlign: "left", justifyContent: "flex-start", paddingInline: 0 }}
            aria-expanded={open}
            aria-controls={detailsId}
            onPress={onToggle}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            <span>{email.subject}</span>
          </Button>
        </td>
        <td>{t(`templates.${email.template}`, { defaultValue: email.template })}</td>
        <td style={{ whiteSpace: "nowrap" }}>
          <StatusBadge email={email} />
        </td>
        <td style={{ whiteSpace: "nowrap" }}>
          <time dateTime={email.createdAt}>{formatDateTime(email.createdAt)}</time>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open}>
        {open ? (
          <td colSpan={COLUMNS} style={{ background: "var(--color-background)" }}>
            <EmailDetails email={email} />
          </td>
        ) : (
          <td colSpan={COLUMNS} />
        )}
      </tr>
    </Fragment>
  );
}

function EmailDetails({ email }: { email: Email }) {
  const { t } = useTranslation("outbox");
  return (
    <div style={{ display: "grid", gap: "var(--space-3)" }}>
      <dl className="facts">
        <dt>{t("details.to")}</dt>
        <dd style={{ overflowWrap: "anywhere" }}>{email.to}</dd>
        <dt>{t("details.subject")}</dt>
        <dd lang="sv">{email.subject}</dd>
        <dt>{t("details.created")}</dt>
        <dd>
          <time dateTime={email.createdAt}>{formatDateTime(email.createdAt)}</time>
        </dd>
        {email.sentAt ? (
          <>
            <dt>{t("details.sent")}</dt>
            <dd>
              <time dateTime={email.sentAt}>{formatDateTime(email.sentAt)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t("details.transport")}</dt>
        <dd>{t(`transport.${email.transport}`)}</dd>
        {email.attempts > 0 && email.lastAttemptAt ? (
          <>
            <dt>{t("details.attempts")}</dt>
            <dd>
              {t("details.attemptsValue", { count: email.attempts })}{" "}
              <time dateTime={email.lastAttemptAt}>{formatDateTime(email.lastAttemptAt)}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {email.transport === "smtp" && email.status !== "sent" && email.attempts > 0 ? (
        <p className={email.status === "failed" ? "form-error" : "notice"} style={{ margin: 0 }}>
          {t(email.status === "failed" ? "details.givenUp" : "details.retrying")}
        </p>
      ) : null}
      {email.text !== null ? (
        <div
          className="card"
          style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere", maxWidth: "42rem" }}
          lang="sv"
        >
          <LinkifiedText text={email.text} />
        </div>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          {email.transport === "smtp" ? t("details.noBodySmtp") : t("details.noBody")}
        </p>
      )}
    </div>
  );
}
