import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { problemText } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { endpointQuery, useDeleteEndpoint, usePingEndpoint, useUpdateEndpoint } from "./api";
import { DeliveryLog } from "./DeliveryLog";
import { EditEndpointDialog } from "./EditEndpointDialog";
import { EndpointStatus } from "./EndpointStatus";
import { useEventLabel, type WebhookEndpoint } from "./events";
import { RotateSecretDialog } from "./RotateSecretDialog";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/webhooks/$endpointId");

/** One endpoint: what it receives, the actions on it, and the log of what was sent to it. */
export function EndpointPage() {
  const { orgId, endpointId } = route.useParams();
  return <Endpoint key={`${orgId}/${endpointId}`} orgId={orgId} endpointId={endpointId} />;
}

function Endpoint({ orgId, endpointId }: { orgId: string; endpointId: string }) {
  const { t } = useTranslation("webhooks");
  const endpoint = useQuery(endpointQuery(orgId, endpointId));
  return (
    <>
      <p>
        <Link to="/o/$orgId/webhooks" params={{ orgId }}>
          {t("detail.back")}
        </Link>
      </p>
      <QueryView query={endpoint}>
        {(data) => (
          <>
            <Overview orgId={orgId} endpoint={data} />
            <DeliveryLog orgId={orgId} endpointId={endpointId} canSend={data.enabled} />
          </>
        )}
      </QueryView>
    </>
  );
}

function Overview({ orgId, endpoint }: { orgId: string; endpoint: WebhookEndpoint }) {
  const { t } = useTranslation("webhooks");
  const navigate = useNavigate();
  const { feedback, show } = useFeedback();
  const eventLabel = useEventLabel();
  const update = useUpdateEndpoint(orgId, endpoint.id);
  const ping = usePingEndpoint(orgId, endpoint.id);
  const remove = useDeleteEndpoint(orgId, endpoint.id);

  const toggle = () =>
    update.mutate(
      { enabled: !endpoint.enabled },
      {
        onSuccess: (saved) =>
          show({ kind: "success", text: saved.enabled ? t("toggle.enabledDone") : t("toggle.disabledDone") }),
        onError: (error) => show({ kind: "error", text: t("toggle.failed", { detail: problemText(error) }) }),
      },
    );

  return (
    <>
      <PageHeader
        title={endpoint.description ?? endpoint.url}
        description={endpoint.description ? endpoint.url : undefined}
      />
      <section className="card" aria-labelledby="endpoint-overview-heading">
        <h2 id="endpoint-overview-heading">{t("detail.overviewHeading")}</h2>
        <dl className="facts">
          <dt>{t("detail.url")}</dt>
          <dd style={{ overflowWrap: "anywhere" }}>{endpoint.url}</dd>
          <dt>{t("detail.description")}</dt>
          <dd>{endpoint.description ?? <span className="muted">{t("noDescription")}</span>}</dd>
          <dt>{t("detail.events")}</dt>
          <dd style={{ overflowWrap: "anywhere" }}>
            <ul className="plain-list">
              {endpoint.events.map((type) => (
                <li key={type}>
                  {eventLabel(type)} <code className="muted">{type}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("detail.status")}</dt>
          <dd>
            <EndpointStatus endpoint={endpoint} />
          </dd>
          <dt>{t("detail.created")}</dt>
          <dd>{formatDate(endpoint.createdAt)}</dd>
        </dl>
        <h3>{t("detail.actionsHeading")}</h3>
        <div className="cell-actions">
          {/* A switched-off endpoint is sent nothing, tests included: switch it on first. */}
          {endpoint.enabled ? (
            <Button
              variant="secondary"
              isPending={ping.isPending}
              onPress={() =>
                ping.mutate(undefined, {
                  onSuccess: () => show({ kind: "success", text: t("ping.done") }),
                  onError: (error) =>
                    show({ kind: "error", text: t("ping.failed", { detail: problemText(error) }) }),
                })
              }
            >
              {t("ping.button")}
            </Button>
          ) : null}
          <EditEndpointDialog
            orgId={orgId}
            endpoint={endpoint}
            onSaved={() => show({ kind: "success", text: t("form.saved") })}
          />
          <Button variant="secondary" isPending={update.isPending} onPress={toggle}>
            {endpoint.enabled ? t("toggle.disable") : t("toggle.enable")}
          </Button>
          <RotateSecretDialog
            orgId={orgId}
            endpoint={endpoint}
            onRotated={() => show({ kind: "success", text: t("rotate.status") })}
          />
          <ConfirmDialog
            trigger={<Button variant="danger">{t("remove.button")}</Button>}
            title={t("remove.title")}
            confirmLabel={t("remove.confirm")}
            isPending={remove.isPending}
            onConfirm={() =>
              remove.mutateAsync(undefined, {
                onSuccess: () =>
                  navigate({
                    to: "/o/$orgId/webhooks",
                    params: { orgId },
                    state: { webhookEndpointRemoved: endpoint.url },
                  }),
              })
            }
          >
            <p>{t("remove.body", { url: endpoint.url })}</p>
          </ConfirmDialog>
        </div>
        <FeedbackRegion feedback={feedback} />
      </section>
    </>
  );
}
