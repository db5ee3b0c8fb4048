import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { ApiError, api, call } from "../../lib/api";
import { formatDate, formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import { CreateApiKeyDialog } from "./CreateApiKeyDialog";
import { type ApiKey, scopeKey } from "./scopes";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/api-keys");
const PAGE_SIZE = 50;

/** Dates and key prefixes read badly when broken at their hyphens; the table scrolls instead. */
const NO_WRAP = { whiteSpace: "nowrap" } as const;
const STATUS_TONE = { active: "success", revoked: "danger", expired: "warning" } as const;

export function ApiKeysPage() {
  const { orgId } = route.useParams();
  // A fresh page per organization: paging position and messages never leak between organizations.
  return <ApiKeys key={orgId} orgId={orgId} />;
}

function ApiKeys({ orgId }: { orgId: string }) {
  const { t } = useTranslation("apiKeys");
  const queryClient = useQueryClient();
  const access = useQuery(orgAccessQuery(orgId));
  const canManage = usePermissions(orgId).has("api_keys:manage");
  const { feedback, show } = useFeedback();
  const pages = useCursorPages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [revokedId, setRevokedId] = useState<string | null>(null);

  const keys = useQuery({
    queryKey: ["org", orgId, "api-keys", pages.cursor],
    queryFn: () =>
      call(
        api.GET("/orgs/{orgId}/api-keys", {
          params: {
            path: { orgId },
            query: { limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const revoke = useMutation({
    mutationFn: (key: ApiKey) =>
      call(
        api.DELETE("/orgs/{orgId}/api-keys/{apiKeyId}", { params: { path: { orgId, apiKeyId: key.id } } }),
      ),
    onSuccess: (_revoked, key) => {
      setRevokedId(key.id);
      show({ kind: "success", text: t("revoke.done", { name: key.name }) });
      void queryClient.invalidateQueries({ queryKey: ["org", orgId, "api-keys"] });
    },
    onError: (error, key) => {
      show({
        kind: "error",
        text: t("revoke.failed", {
          name: key.name,
          detail: error instanceof ApiError ? error.problem.detail : error.message,
        }),
      });
    },
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
        <ScrollableTable labelledBy="api-keys-heading">
          <table aria-labelledby="api-keys-heading">
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.prefix")}</th>
                <th scope="col">{t("columns.scopes")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.lastUsed")}</th>
                <th scope="col">{t("columns.expires")}</th>
                <th scope="col">{t("columns.created")}</th>
                {canManage ? <th scope="col">{t("columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.data.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td style={NO_WRAP}>
                    <code>{key.prefix}</code>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {key.scopes.map((scope) => (
                        <li key={scope}>{t(`scopes.${scopeKey(scope)}.label`)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <Badge tone={STATUS_TONE[key.status]}>{t(`status.${key.status}`)}</Badge>
                    {key.status === "revoked" && key.revokedAt ? (
                      <div className="muted" style={NO_WRAP}>
                        {t("revokedAt", { date: formatDate(key.revokedAt) })}
                      </div>
                    ) : null}
                  </td>
                  <td style={NO_WRAP}>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t("never")}</td>
                  <td style={NO_WRAP}>{key.expiresAt ? formatDateTime(key.expiresAt) : t("noExpiry")}</td>
                  <td style={NO_WRAP}>{formatDate(key.createdAt)}</td>
                  {canManage ? (
                    <td>
                      {key.status === "active" ? (
                        <div className="cell-actions">
                          <ConfirmDialog
                            trigger={
                              <Button
                                variant="secondary"
                                className="btn-small"
                                aria-label={t("revoke.label", { name: key.name })}
                              >
                                {t("revoke.button")}
                              </Button>
                            }
                            title={t("revoke.title", { name: key.name })}
                            confirmLabel={t("revoke.confirm")}
                            isPending={revoke.isPending}
                            onConfirm={() => revoke.mutateAsync(key).catch(() => undefined)}
                          >
                            <p>{t("revoke.body", { name: key.name, prefix: key.prefix })}</p>
                          </ConfirmDialog>
                        </div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
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
