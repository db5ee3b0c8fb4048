import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { Badge, PageHeader, RowButton } from "../../components/ui";
import { problemText } from "../../lib/api";
import { formatDate, formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import { apiKeysQuery, useRevokeApiKey } from "./api";
import { CreateApiKeyDialog } from "./CreateApiKeyDialog";
import { type ApiKey, scopeKey } from "./scopes";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/api-keys");
const STATUS_TONE = { active: "success", revoked: "danger", expired: "warning" } as const;

export function ApiKeysPage() {
  const { orgId } = route.useParams();
  // A fresh page per organization: paging position and messages never leak between organizations.
  return <ApiKeys key={orgId} orgId={orgId} />;
}

function ApiKeys({ orgId }: { orgId: string }) {
  const { t } = useTranslation("apiKeys");
  const access = useQuery(orgAccessQuery(orgId));
  const canManage = usePermissions(orgId).has("api_keys:manage");
  const { feedback, show } = useFeedback();
  const pages = useCursorPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [revokedId, setRevokedId] = useState<string | null>(null);

  const keys = useQuery(apiKeysQuery(orgId, pages.cursor));
  const revoke = useRevokeApiKey(orgId);
  const revokeKey = (key: ApiKey) =>
    revoke.mutateAsync(key, {
      onSuccess: () => {
        setRevokedId(key.id);
        show({ kind: "success", text: t("revoke.done", { name: key.name }) });
      },
      onError: (error) =>
        show({ kind: "error", text: t("revoke.failed", { name: key.name, detail: problemText(error) }) }),
    });

  // The revoked key stays listed but loses its button, which had focus: keep keyboard users in the list.
  useEffect(() => {
    if (!revokedId || !keys.data) return;
    const key = keys.data.data.find((k) => k.id === revokedId);
    if (key?.status !== "active") {
      headingRef.current?.focus();
      setRevokedId(null);
    }
  }, [revokedId, keys.data]);

  const content = (
    <QueryView query={keys} isEmpty={(data) => data.data.length === 0} empty={t("empty")}>
      {(data) => (
        <DataTable
          labelledBy="api-keys-heading"
          rows={data.data}
          rowKey={(key) => key.id}
          columns={[
            { id: "name", header: t("columns.name"), cell: (key) => key.name },
            {
              id: "prefix",
              header: t("columns.prefix"),
              noWrap: true,
              cell: (key) => <code>{key.prefix}</code>,
            },
            {
              id: "scopes",
              header: t("columns.scopes"),
              cell: (key) => (
                <ul className="plain-list">
                  {key.scopes.map((scope) => (
                    <li key={scope}>{t(`scopes.${scopeKey(scope)}.label`)}</li>
                  ))}
                </ul>
              ),
            },
            {
              id: "status",
              header: t("columns.status"),
              cell: (key) => (
                <>
                  <Badge tone={STATUS_TONE[key.status]}>{t(`status.${key.status}`)}</Badge>
                  {key.status === "revoked" && key.revokedAt ? (
                    <div className="muted" style={{ whiteSpace: "nowrap" }}>
                      {t("revokedAt", { date: formatDate(key.revokedAt) })}
                    </div>
                  ) : null}
                </>
              ),
            },
            {
              id: "lastUsed",
              header: t("columns.lastUsed"),
              noWrap: true,
              cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t("never")),
            },
            {
              id: "expires",
              header: t("columns.expires"),
              noWrap: true,
              cell: (key) => (key.expiresAt ? formatDateTime(key.expiresAt) : t("noExpiry")),
            },
            {
              id: "created",
              header: t("columns.created"),
              noWrap: true,
              cell: (key) => formatDate(key.createdAt),
            },
            ...(canManage
              ? [
                  {
                    id: "actions",
                    header: t("columns.actions"),
                    cell: (key: ApiKey) =>
                      key.status === "active" ? (
                        <div className="cell-actions">
                          <ConfirmDialog
                            trigger={
                              <RowButton
                                label={t("revoke.button")}
                                aria-label={t("revoke.label", { name: key.name })}
                              />
                            }
                            title={t("revoke.title", { name: key.name })}
                            confirmLabel={t("revoke.confirm")}
                            isPending={revoke.isPending}
                            onConfirm={() => revokeKey(key).catch(() => undefined)}
                          >
                            <p>{t("revoke.body", { name: key.name, prefix: key.prefix })}</p>
                          </ConfirmDialog>
                        </div>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
    </QueryView>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          access.data
            ? t("description", { organization: access.data.organization.name })
            : t("descriptionFallback")
        }
        actions={
          canManage ? (
            <CreateApiKeyDialog
              orgId={orgId}
              onCreated={(name) => show({ kind: "success", text: t("created.status", { name }) })}
            />
          ) : null
        }
      />
      <FeedbackRegion feedback={feedback} />
      <section className="card">
        <h2 id="api-keys-heading" ref={headingRef} tabIndex={-1}>
          {t("keysHeading")}
        </h2>
        {content}
        {keys.data ? <Pagination pages={pages} nextCursor={keys.data.nextCursor} /> : null}
      </section>
      <section className="card" aria-labelledby="api-keys-usage-heading">
        <h2 id="api-keys-usage-heading">{t("usage.heading")}</h2>
        <p>{t("usage.body")}</p>
        <pre>
          <code>{`Authorization: Bearer ${t("usage.placeholder")}`}</code>
        </pre>
        <p>{t("usage.limits")}</p>
        <p>
          <a href="/docs">{t("usage.docs")}</a>
        </p>
      </section>
    </>
  );
}
